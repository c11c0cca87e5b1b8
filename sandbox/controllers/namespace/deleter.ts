/**
 * The namespace deleter (upstream pkg/controller/namespace/deletion): for a namespace with a
 * deletionTimestamp, delete every namespaced resource in it (collection deletes with background
 * propagation), and once nothing is left, finalize: the `kubernetes` entry of spec.finalizers
 * goes and the namespace disappears.
 *
 * As upstream: the conditions go in with a status write, then the `/finalize` subresource drops
 * the `kubernetes` entry of spec.finalizers, and the API server removes the namespace.
 */
import type { ClusterContext } from '../../cluster/context';
import type { KubeObject } from '../../api/types';
import { isStatusError } from '../../api/errors';
import { RESOURCES } from '../../api/resources';
import { timestamp } from '../../api/context';

export const KUBERNETES_FINALIZER = 'kubernetes';

export type DeleteResult = { done: true } | { done: false; estimateSeconds: number };

/** The conditions the deleter reports when every step succeeded (reason, message per type). */
const OK_CONDITIONS: Array<[string, string, string]> = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  [
    'NamespaceDeletionGroupVersionParsingFailure',
    'ParsedGroupVersions',
    'All legacy kube types successfully parsed',
  ],
  [
    'NamespaceDeletionContentFailure',
    'ContentDeleted',
    'All content successfully deleted, may be waiting on finalization',
  ],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
];

function specFinalizers(ns: KubeObject): string[] {
  return ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).slice();
}

export function deleteNamespaceContent(ctx: ClusterContext, name: string): DeleteResult {
  let ns: KubeObject;
  try {
    ns = ctx.api.get('namespaces', undefined, name);
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return { done: true };
    throw e;
  }
  if (!ns.metadata.deletionTimestamp) return { done: true };
  if (!specFinalizers(ns).includes(KUBERNETES_FINALIZER)) return { done: true };

  let remaining = 0;
  let estimate = 0;
  const now = ctx.clock.now();
  for (const r of RESOURCES) {
    if (!r.namespaced) continue;
    if (ctx.api.cache.list(r.plural, name).length === 0) continue;
    if (r.verbs.includes('deletecollection')) {
      ctx.api.deleteCollection(r.plural, name, {}, { propagationPolicy: 'Background' });
    } else {
      for (const item of ctx.api.cache.list(r.plural, name)) {
        try {
          ctx.api.delete(r.plural, name, item.metadata.name!, { propagationPolicy: 'Background' });
        } catch (e) {
          if (!isStatusError(e) || e.code !== 404) throw e;
        }
      }
    }
    const left = ctx.api.cache.list(r.plural, name);
    remaining += left.length;
    for (const item of left) {
      // Pods terminating gracefully: come back when the longest grace period is over.
      const due = item.metadata.deletionTimestamp ? Date.parse(item.metadata.deletionTimestamp) : NaN;
      if (!Number.isNaN(due)) estimate = Math.max(estimate, Math.ceil((due - now) / 1000));
    }
  }
  if (remaining > 0) return { done: false, estimateSeconds: estimate };
  finalize(ctx, ns);
  return { done: true };
}

function finalize(ctx: ClusterContext, ns: KubeObject): void {
  const at = timestamp(ctx.clock.now());
  const conditions = OK_CONDITIONS.map(([type, reason, message]) => ({
    type,
    status: 'False',
    lastTransitionTime: at,
    reason,
    message,
  }));
  try {
    ctx.api.updateStatus({ ...ns, status: { phase: 'Terminating', conditions } });
    ctx.api.finalizeNamespace(
      ns.metadata.name!,
      specFinalizers(ns).filter((f) => f !== KUBERNETES_FINALIZER),
    );
  } catch (e) {
    if (!isStatusError(e) || e.code !== 404) throw e;
  }
}
