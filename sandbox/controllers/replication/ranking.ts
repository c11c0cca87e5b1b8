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
  if (!status.initContainerStatuses?.length) return [regular, 0];
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

/**
 * Newer (or zero) first, with logarithmic buckets (`ba`, `bb`: the times' buckets) and the UID as
 * tie-break inside a bucket.
 */
function newerFirst(
  a: Ranked,
  b: Ranked,
  ta: number | undefined,
  tb: number | undefined,
  ba: number,
  bb: number,
): boolean {
  if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = ba - bb;
  if (diff === 0) return (a.pod.metadata.uid ?? '') < (b.pod.metadata.uid ?? '');
  return diff < 0;
}

/** What the ranking compares of one pod, read once per sort instead of once per comparison. */
export interface PodKeys {
  pod: KubeObject;
  /** The UID (the last tie-break), read here once rather than through the pod per comparison. */
  uid: string;
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  readyAt: number | undefined;
  restarts: [number, number];
  created: number | undefined;
  /** Interned (unassigned, phase, ready, cost): the rank-independent head of the ranking. */
  head: number;
}

export interface RankKeys extends PodKeys {
  rank: number;
  /** The buckets of readyAt and created at the sort's instant (computed once, not per comparison). */
  readyBucket: number;
  createdBucket: number;
}

/** A pod's keys with its rank, for a sort at `nowMs`. */
export function withRank(keys: PodKeys, rank: number, nowMs: number): RankKeys {
  // Field by field rather than a spread: one object literal of a fixed shape is built far faster,
  // and a scale-down builds one per pod of the groups it sorts.
  return {
    pod: keys.pod,
    uid: keys.uid,
    node: keys.node,
    phase: keys.phase,
    ready: keys.ready,
    cost: keys.cost,
    readyAt: keys.readyAt,
    restarts: keys.restarts,
    created: keys.created,
    head: keys.head,
    rank,
    readyBucket: keys.readyAt === undefined ? 0 : bucket(keys.readyAt, nowMs),
    createdBucket: keys.created === undefined ? 0 : bucket(keys.created, nowMs),
  };
}

/** The distinct heads met so far, as [unassigned first, phase, not ready first, cost]. */
const heads: Array<[number, number, number, number]> = [];
const headIds = new Map<number, number>();

function headOf(node: string, phase: number, ready: boolean, cost: number): number {
  const assigned = node === '' ? 0 : 1;
  const r = ready ? 1 : 0;
  // A number per distinct head (cost is an int32, phase 0–2): no string to build per pod.
  const key = (cost + 2147483648) * 12 + assigned * 6 + phase * 2 + r;
  let id = headIds.get(key);
  if (id === undefined) {
    id = heads.length;
    heads.push([assigned, phase, r, cost]);
    headIds.set(key, id);
  }
  return id;
}

/** Heads in ranking order (a negative result: `a` first). */
export function compareHeads(a: number, b: number): number {
  const ha = heads[a];
  const hb = heads[b];
  for (let i = 0; i < ha.length; i++) if (ha[i] !== hb[i]) return ha[i] - hb[i];
  return 0;
}

export function podKeys(pod: KubeObject): PodKeys {
  const ready = isPodReady(pod);
  const node = nodeName(pod);
  const phase = PHASE_ORDINAL[podPhase(pod)] ?? 0;
  const cost = deletionCost(pod);
  return {
    pod,
    uid: pod.metadata.uid ?? '',
    node,
    phase,
    ready,
    cost,
    readyAt: ready ? readyTime(pod) : undefined,
    restarts: maxRestarts(pod),
    created: timeOf(pod.metadata.creationTimestamp),
    head: headOf(node, phase, ready, cost),
  };
}

function keysOf(r: Ranked, nowMs: number): RankKeys {
  return withRank(podKeys(r.pod), r.rank, nowMs);
}

export function before(a: RankKeys, b: RankKeys): boolean {
  const na = a.node;
  const nb = b.node;
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending < Unknown < Running.
  if (a.phase !== b.phase) return a.phase < b.phase;
  // 3. Not ready < ready.
  const ra = a.ready;
  const rb = b.ready;
  if (ra !== rb) return !ra;
  // 4. Lower pod-deletion-cost first.
  if (a.cost !== b.cost) return a.cost < b.cost;
  // 5. More related pods on the same node first.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Ready for less time first.
  if (ra && rb && a.readyAt !== b.readyAt)
    return newerFirst(a, b, a.readyAt, b.readyAt, a.readyBucket, b.readyBucket);
  // 7. More restarts first (regular containers, then sidecars).
  const [ga, sa] = a.restarts;
  const [gb, sb] = b.restarts;
  if (ga !== gb) return ga > gb;
  if (sa !== sb) return sa > sb;
  // 8. Newer first.
  if (a.created !== b.created)
    return newerFirst(a, b, a.created, b.created, a.createdBucket, b.createdBucket);
  return false;
}

/** ActivePodsWithRanks.Less: should `a` be deleted before `b`? */
export function deletesBefore(a: Ranked, b: Ranked, nowMs: number): boolean {
  return before(keysOf(a, nowMs), keysOf(b, nowMs));
}

/** Rank each pod by the active related pods on its node (pods with no node share the key ""). */
export function rankPods(pods: readonly KubeObject[], related: readonly KubeObject[]): Ranked[] {
  const onNode = podsPerNode(related);
  return pods.map((pod) => ({ pod, rank: onNode.get(nodeName(pod)) ?? 0 }));
}

/** The active related pods per node (pods with no node share the key ""). */
export function podsPerNode(related: Iterable<KubeObject>): Map<string, number> {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) onNode.set(nodeName(p), (onNode.get(nodeName(p)) ?? 0) + 1);
  }
  return onNode;
}

/**
 * getPodsToDelete: the first `diff` pods by the ranking (no sort when all of them go). `related`
 * is the related pods, or their active count per node when the caller has it.
 */
export function podsToDelete(
  pods: readonly KubeObject[],
  related: readonly KubeObject[] | ReadonlyMap<string, number>,
  diff: number,
  nowMs: number,
): KubeObject[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = related instanceof Map ? related : podsPerNode(related as readonly KubeObject[]);
  if (pods.length <= SORT_ALL_MAX) {
    const ranked = pods.map((pod) => keysOf({ pod, rank: onNode.get(nodeName(pod)) ?? 0 }, nowMs));
    sortRanked(ranked);
    return ranked.slice(0, diff).map((r) => r.pod);
  }
  return firstByGroups(pods, onNode, diff, nowMs);
}

/** Below this many pods the whole list is sorted; above, only the groups the victims come from. */
export const SORT_ALL_MAX = 64;

/**
 * `before(a, b) ? -1 : before(b, a) ? 1 : 0` in one pass. Both calls stop at the same criterion
 * (the first on which the pods differ, every test being symmetric) and each decision there is
 * the other's opposite, except the UID tie-break of two equal UIDs, where both are false (0). A
 * scale-down compares the pods of the groups it sorts many times, so the sort gets the same answer
 * for every pair (hence the same order, ties included) at half the cost.
 */
export function compareRanked(a: RankKeys, b: RankKeys): number {
  const na = a.node;
  const nb = b.node;
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  if (a.phase !== b.phase) return a.phase < b.phase ? -1 : 1;
  const ra = a.ready;
  if (ra !== b.ready) return ra ? 1 : -1;
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.rank !== b.rank) return a.rank > b.rank ? -1 : 1;
  if (ra && a.readyAt !== b.readyAt)
    return newerFirstOrder(a, b, a.readyAt, b.readyAt, a.readyBucket, b.readyBucket);
  const rsa = a.restarts;
  const rsb = b.restarts;
  if (rsa[0] !== rsb[0]) return rsa[0] > rsb[0] ? -1 : 1;
  if (rsa[1] !== rsb[1]) return rsa[1] > rsb[1] ? -1 : 1;
  if (a.created !== b.created)
    return newerFirstOrder(a, b, a.created, b.created, a.createdBucket, b.createdBucket);
  return 0;
}

/** `newerFirst` as an order (-1: `a` first, 1: `b` first, 0: equal UIDs in one bucket). */
function newerFirstOrder(
  a: RankKeys,
  b: RankKeys,
  ta: number | undefined,
  tb: number | undefined,
  ba: number,
  bb: number,
): number {
  if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
  if (ba !== bb) return ba < bb ? -1 : 1;
  const ua = a.uid;
  const ub = b.uid;
  return ua < ub ? -1 : ub < ua ? 1 : 0;
}

/** Sort keys made by `withRank` (stable: ties keep their order). */
export function sortRanked(ranked: RankKeys[]): void {
  ranked.sort(compareRanked);
}

/**
 * The first `diff` pods of a big list without sorting all of it: the first five criteria
 * (unassigned, phase, ready, deletion cost, rank) are plain keys, so the pods fall into groups
 * ordered by them; only the leading groups that hold the victims are sorted, each with the full
 * comparison. A scale-down by a few pods of a 10,000-pod ReplicaSet then sorts one node's pods.
 */
function firstByGroups(
  pods: readonly KubeObject[],
  onNode: ReadonlyMap<string, number>,
  diff: number,
  nowMs: number,
): KubeObject[] {
  const groups = new Map<number, { head: number; rank: number; pods: PodKeys[] }>();
  const RANKS = 2 ** 21;
  for (const pod of pods) {
    const k = podKeys(pod);
    const rank = onNode.get(k.node) ?? 0;
    const id = k.head * RANKS + rank;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { head: k.head, rank, pods: [] }));
    g.pods.push(k);
  }
  const ordered = [...groups.values()].sort((a, b) => compareHeads(a.head, b.head) || b.rank - a.rank);
  const out: KubeObject[] = [];
  for (const g of ordered) {
    if (out.length >= diff) break;
    const ranked = g.pods.map((k) => withRank(k, g.rank, nowMs));
    sortRanked(ranked);
    for (const r of ranked) {
      if (out.length >= diff) break;
      out.push(r.pod);
    }
  }
  return out;
}
