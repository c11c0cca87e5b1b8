/**
 * Which pods a scale-down deletes first: controller.ActivePodsWithRanks as in v1.32 with the
 * default feature gates (PodDeletionCost and LogarithmicScaleDown on). The rank of a pod is the
 * number of active related pods (pods of every ReplicaSet with the same controller) on its node.
 */
import type { KubeObject } from '../../api/types';
import { isPodActive, isPodReady, podPhase, readyCondition } from '../util/pods';
import { timeOf } from './objects';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Ranked {
  pod: KubeObject;
  rank: number;
}

function nodeName(pod: KubeObject): string {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
}

/** helper.GetDeletionCostFromPodAnnotations: a base-10 int32 without '+' or leading zeros, else 0. */
export function deletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST];
  if (v === undefined) return 0;
  const validFirst = v.length > 0 && (v[0] === '-' || v === '0' || (v[0] >= '1' && v[0] <= '9'));
  if (!validFirst || !/^-?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** The Ready condition's lastTransitionTime when the pod is ready (undefined = Go's zero time). */
function readyTime(pod: KubeObject): number | undefined {
  return isPodReady(pod) ? timeOf(readyCondition(pod)?.lastTransitionTime) : undefined;
}

interface ContainerStatus {
  name: string;
  restartCount?: number;
}

/** Highest restart count of the regular containers, then of the restartable init (sidecar) ones. */
function maxRestarts(pod: KubeObject): [number, number] {
  const status = (pod.status ?? {}) as {
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
  const spec = (pod.spec ?? {}) as { initContainers?: Array<{ name: string; restartPolicy?: string }> };
  let regular = 0;
  for (const c of status.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set(
    (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  let sidecar = 0;
  for (const c of status.initContainerStatuses ?? []) {
    if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  }
  return [regular, sidecar];
}

/** afterOrZero: a zero time counts as after any other. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** floor(log2(now - t in nanoseconds)), -1 when not in the past. */
function bucket(t: number, nowMs: number): number {
  const d = (nowMs - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Newer (or zero) first, with logarithmic buckets and the UID as tie-break inside a bucket. */
function newerFirst(
  a: Ranked,
  b: Ranked,
  ta: number | undefined,
  tb: number | undefined,
  nowMs: number,
): boolean {
  if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = bucket(ta, nowMs) - bucket(tb, nowMs);
  if (diff === 0) return (a.pod.metadata.uid ?? '') < (b.pod.metadata.uid ?? '');
  return diff < 0;
}

/** ActivePodsWithRanks.Less: should `a` be deleted before `b`? */
export function deletesBefore(a: Ranked, b: Ranked, nowMs: number): boolean {
  const na = nodeName(a.pod);
  const nb = nodeName(b.pod);
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending < Unknown < Running.
  const pa = PHASE_ORDINAL[podPhase(a.pod)] ?? 0;
  const pb = PHASE_ORDINAL[podPhase(b.pod)] ?? 0;
  if (pa !== pb) return pa < pb;
  // 3. Not ready < ready.
  const ra = isPodReady(a.pod);
  const rb = isPodReady(b.pod);
  if (ra !== rb) return !ra;
  // 4. Lower pod-deletion-cost first.
  const ca = deletionCost(a.pod);
  const cb = deletionCost(b.pod);
  if (ca !== cb) return ca < cb;
  // 5. More related pods on the same node first.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Ready for less time first.
  if (ra && rb) {
    const ta = readyTime(a.pod);
    const tb = readyTime(b.pod);
    if (ta !== tb) return newerFirst(a, b, ta, tb, nowMs);
  }
  // 7. More restarts first (regular containers, then sidecars).
  const [ga, sa] = maxRestarts(a.pod);
  const [gb, sb] = maxRestarts(b.pod);
  if (ga !== gb) return ga > gb;
  if (sa !== sb) return sa > sb;
  // 8. Newer first.
  const ka = timeOf(a.pod.metadata.creationTimestamp);
  const kb = timeOf(b.pod.metadata.creationTimestamp);
  if (ka !== kb) return newerFirst(a, b, ka, kb, nowMs);
  return false;
}

/** Rank each pod by the active related pods on its node (pods with no node share the key ""). */
export function rankPods(pods: readonly KubeObject[], related: readonly KubeObject[]): Ranked[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) onNode.set(nodeName(p), (onNode.get(nodeName(p)) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(nodeName(pod)) ?? 0 }));
}

/** getPodsToDelete: the first `diff` pods by the ranking (no sort when all of them go). */
export function podsToDelete(
  pods: readonly KubeObject[],
  related: readonly KubeObject[],
  diff: number,
  nowMs: number,
): KubeObject[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const ranked = rankPods(pods, related);
  ranked.sort((a, b) => (deletesBefore(a, b, nowMs) ? -1 : deletesBefore(b, a, nowMs) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
