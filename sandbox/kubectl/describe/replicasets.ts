/**
 * kubectl's own deployment helpers (pkg/util/deployment): the ReplicaSets a Deployment controls,
 * which one is "new" (template equal ignoring pod-template-hash), revisions. Shared with rollout/.
 */
import type { KubeObject } from '../../api/types';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubectlEnv } from '../env';
import { fromLabelSelector, selectorString } from '../../api/selectors/labels';
import { cmp } from './writer';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const HASH_LABEL = 'pod-template-hash';

export function asDeployment(o: KubeObject): Deployment {
  return o as unknown as Deployment;
}

/** Is `obj` controlled (ownerReference controller=true) by the object with this UID? */
export function isControlledBy(obj: { metadata?: KubeObject['metadata'] }, uid: string | undefined): boolean {
  return (obj.metadata?.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);
}

/** listReplicaSets: RSs matching the deployment's selector and controlled by it. */
export function ownedReplicaSets(env: KubectlEnv, d: Deployment): ReplicaSet[] {
  const sel = selectorString(fromLabelSelector(d.spec?.selector));
  if (sel === '<none>') return [];
  const items = env.api.list('replicasets', d.metadata?.namespace, { labelSelector: sel }).items;
  return (items as unknown as ReplicaSet[]).filter((rs) => isControlledBy(rs as never, d.metadata?.uid));
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/** apiequality.Semantic.DeepEqual on decoded JSON: unset, null and empty values count as equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
    return true;
  }
  return a === b;
}

export function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
  if (copy.metadata?.labels) delete copy.metadata.labels[HASH_LABEL];
  return copy as PodTemplateSpec;
}

export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b));
}

export interface ReplicaSetGroups {
  /** Every controlled RS except the new one (even those scaled to 0). */
  allOld: ReplicaSet[];
  newRS: ReplicaSet | undefined;
}

/** GetAllReplicaSets: the new RS is the oldest RS whose template matches the deployment's. */
export function groupReplicaSets(d: Deployment, rsList: ReplicaSet[]): ReplicaSetGroups {
  const sorted = [...rsList].sort((a, b) => {
    const ta = a.metadata?.creationTimestamp ?? '';
    const tb = b.metadata?.creationTimestamp ?? '';
    return ta === tb ? cmp(a.metadata?.name ?? '', b.metadata?.name ?? '') : cmp(ta, tb);
  });
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  // FindNewReplicaSet sorts the list in place, so the old ones come in creation order too.
  return { newRS, allOld: sorted.filter((rs) => rs !== newRS) };
}

/** deploymentutil.Revision: the revision annotation as a number (0 when absent, NaN when garbage). */
export function revisionOf(obj: { metadata?: KubeObject['metadata'] }): number {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
}
