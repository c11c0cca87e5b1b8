/**
 * Pod quota admission. Every namespace gets a `sandbox-quota` ResourceQuota (like the quotas managed
 * clusters put in each namespace) whose `hard.pods` caps pods there, and a cluster-wide cap keeps a
 * typo such as `replicas: 100000` from freezing the tab. Refusals are the real 403 Forbidden
 * `exceeded quota` errors, which controllers report as FailedCreate events.
 */
import type { KubeObject } from './types';
import { forbidden, type StatusError } from './errors';
import type { ObjectStore } from '../store/store';

export const SANDBOX_QUOTA_NAME = 'sandbox-quota';

export function sandboxQuota(namespace: string, pods: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: SANDBOX_QUOTA_NAME, namespace },
    spec: { hard: { pods: String(pods) } },
  };
}

function isTerminal(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function parseCount(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return parseInt(v, 10);
  return undefined;
}

/** Check a pod about to be created; returns the error to throw, if any. */
export function admitPod(
  store: ObjectStore,
  pod: KubeObject,
  name: string,
  maxPods: number,
): StatusError | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  // Pods that finished (Succeeded/Failed) do not count. The namespace size is an upper bound, so the
  // exact count is only taken when a limit is near: admission stays O(1) for the usual pod.
  const upperBound = store.countInNamespace('pods', ns);
  let exact: number | undefined;
  const countable = (): number =>
    (exact ??= store.list('pods', { namespace: ns }).filter((p) => !isTerminal(p)).length);
  for (const q of store.list('resourcequotas', { namespace: ns })) {
    const hard = parseCount((q.spec as { hard?: Record<string, unknown> } | undefined)?.hard?.pods);
    if (hard !== undefined && upperBound + 1 > hard && countable() + 1 > hard) {
      return forbidden(
        `pods "${name}" is forbidden: exceeded quota: ${q.metadata.name}, requested: pods=1, used: pods=${countable()}, limited: pods=${hard}`,
        { name, kind: 'pods' },
      );
    }
  }
  const total = store.count('pods');
  if (total + 1 > maxPods) {
    return forbidden(
      `pods "${name}" is forbidden: exceeded quota: ${SANDBOX_QUOTA_NAME}, requested: pods=1, used: pods=${total}, limited: pods=${maxPods}`,
      { name, kind: 'pods' },
    );
  }
  return undefined;
}
