/**
 * manageReplicas: create the missing pods in slow-start batches (1, 2, 4, …; at most 500 per sync),
 * or delete the surplus chosen by the ranking. Expectations are raised before the writes so the
 * next syncs wait for the watch to show them.
 */
import type { KubeObject } from '../../api/types';
import { keyOf } from '../runtime/queue';
import { matches } from '../../api/selectors/labels';
import { controllerRef } from '../util/pods';
import { isNamespaceTerminating, isNotFound } from './errors';
import { desiredReplicas, podKey, selectorOf } from './objects';
import { createPod, deletePod } from './podcontrol';
import { podsPerNode, podsToDelete, SORT_ALL_MAX } from './ranking';
import type { RankIndex } from './rank-index';
import { BURST_REPLICAS, SLOW_START_INITIAL_BATCH, type ControllerState } from './state';

/**
 * slowStartBatch: call `fn` `count` times in batches of 1, 2, 4, …; every call of a batch runs, and a
 * batch with a failure ends the run. Returns the successes and the first error.
 */
export function slowStartBatch(
  count: number,
  initial: number,
  fn: () => void,
): { successes: number; error?: unknown } {
  let remaining = count;
  let successes = 0;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    let first: unknown;
    let failed = 0;
    for (let i = 0; i < size; i++) {
      try {
        fn();
      } catch (e) {
        if (failed++ === 0) first = e;
      }
    }
    successes += size - failed;
    if (failed > 0) return { successes, error: first };
    remaining -= size;
  }
  return { successes };
}

/**
 * getIndirectlyRelatedPods, as the ranking uses them: the active pods selected by every owner
 * sharing this owner's controller, counted per node. Each owner's controlled pods come from its
 * kept counts (the active, matching ones: the others do not count), orphans from the cache.
 */
function relatedPodsPerNode(s: ControllerState, rs: KubeObject): Map<string, number> {
  const ref = controllerRef(rs);
  if (!ref) return new Map(); // upstream: "ReplicaSet has no controller" → no related pods
  const seen = new Set<string>();
  const related: KubeObject[] = [];
  const perNode = new Map<string, number>();
  for (const other of s.owners.listAll()) {
    if (controllerRef(other)?.uid !== ref.uid) continue;
    const sel = selectorOf(s.kind, other);
    if (!sel) continue;
    for (const pod of s.pods.orphansOf(other.metadata.namespace)) {
      if (!matches(sel, pod.metadata.labels) || seen.has(pod.metadata.uid ?? '')) continue;
      seen.add(pod.metadata.uid ?? '');
      related.push(pod);
    }
    for (const [node, n] of s.owned.of(s.pods, other, sel).perNode)
      perNode.set(node, (perNode.get(node) ?? 0) + n);
  }
  for (const [node, n] of podsPerNode(related)) perNode.set(node, (perNode.get(node) ?? 0) + n);
  return perNode;
}

/**
 * Converge the pod count (`count` active pods, listed by `pods`) one step. Throws the first
 * create/delete error. `ranked` files the same pods for the ranking when the caller keeps them so.
 */
export function manageReplicas(
  s: ControllerState,
  count: number,
  pods: () => readonly KubeObject[],
  rs: KubeObject,
  ranked?: () => RankIndex,
): void {
  const key = keyOf(rs);
  const diff = count - desiredReplicas(rs);
  if (diff < 0) {
    const n = Math.min(-diff, BURST_REPLICAS);
    s.expectations.expectCreations(key, n);
    const { successes, error } = slowStartBatch(n, SLOW_START_INITIAL_BATCH, () => {
      try {
        createPod(s, rs);
      } catch (e) {
        // Every create would fail in a terminating namespace: nothing to report.
        if (!isNamespaceTerminating(e)) throw e;
      }
    });
    // Creations never attempted will not be observed.
    for (let i = successes; i < n; i++) s.expectations.creationObserved(key);
    if (error !== undefined) throw error;
    return;
  }
  if (diff > 0) {
    const n = Math.min(diff, BURST_REPLICAS);
    const onNode = relatedPodsPerNode(s, rs);
    const now = s.ctx.clock.now();
    // The kept ranking gives what podsToDelete would pick from the list, without the list.
    const index = ranked && n < count && count > SORT_ALL_MAX ? ranked() : undefined;
    const victims =
      index && index.size === count ? index.first(n, onNode, now) : podsToDelete(pods(), onNode, n, now);
    s.expectations.expectDeletions(key, victims.map(podKey));
    let first: unknown;
    for (const pod of victims) {
      try {
        deletePod(s, rs, pod.metadata.name ?? '');
      } catch (e) {
        s.expectations.deletionObserved(key, podKey(pod));
        if (!isNotFound(e) && first === undefined) first = e;
      }
    }
    if (first !== undefined) throw first;
  }
}
