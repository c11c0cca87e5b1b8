/**
 * syncReplicaSet: read the owner and its namespace's pods from the cache, claim the active ones,
 * converge the count (only when expectations are met and the owner is not being deleted), then
 * publish status. The manage error is returned last so status is written even when creates fail;
 * the queue then retries with back-off.
 */
import type { KubeObject } from '../../api/types';
import { splitKey } from '../runtime/queue';
import { isPodActive } from '../util/pods';
import { claimPods } from './adoption';
import { manageReplicas } from './manage';
import { desiredReplicas, minReadySeconds, selectorOf } from './objects';
import { calculateStatus, statusOf, updateStatus } from './status';
import type { ControllerState } from './state';

export function syncOwner(s: ControllerState, key: string): void {
  const [namespace, name] = splitKey(key);
  const rs = s.owners.get(namespace, name);
  if (!rs) {
    s.expectations.delete(key);
    return;
  }
  const needsManage = s.expectations.satisfied(key);
  const selector = selectorOf(s.kind, rs);
  if (!selector) return; // an unconvertible selector: nothing to do, no retry
  // ClaimPods over the namespace's active orphans, then the controlled pods: the ones still matching
  // are kept as they are (counted as the cache changes), the others are released.
  const owned = s.owned.of(s.pods, rs, selector);
  const orphans = [...s.pods.orphansOf(rs.metadata.namespace)].filter(isPodActive);
  const adopted = claimPods(s, rs, selector, [...orphans, ...owned.mismatched.values()]);
  // The pods one by one only when a step needs them (a scale-down, minReadySeconds): most syncs
  // only count them, and copying a 10,000-pod list per sync would cost more than the sync.
  const count = adopted.length + owned.matching.size;
  const pods = lazyPods(adopted, owned.matching);

  let manageErr: unknown;
  if (needsManage && !rs.metadata.deletionTimestamp) {
    try {
      // Adopted pods come first in the list: the kept ranking only knows the matching ones.
      manageReplicas(s, count, pods, rs, adopted.length === 0 ? () => owned.ranking() : undefined);
    } catch (e) {
      manageErr = e;
    }
  }
  const now = s.ctx.clock.now();
  const extra = owned.countExtra(adopted);
  const counts = { fullyLabeled: owned.fullyLabeled + extra.fullyLabeled, ready: owned.ready + extra.ready };
  const updated = updateStatus(s, rs, calculateStatus(rs, count, pods, manageErr, now, counts));

  // Last line of defence for availability: look again after minReadySeconds.
  const mrs = minReadySeconds(updated);
  const st = statusOf(updated);
  const want = desiredReplicas(updated);
  if (
    manageErr === undefined &&
    mrs > 0 &&
    (st.readyReplicas ?? 0) === want &&
    (st.availableReplicas ?? 0) !== want
  ) {
    s.enqueueAfter(key, mrs * 1000);
  }
  if (manageErr !== undefined) throw manageErr;
}

/** The adopted pods then the kept matching ones, listed on first call only. */
function lazyPods(adopted: KubeObject[], matching: ReadonlyMap<string, KubeObject>): () => KubeObject[] {
  let list: KubeObject[] | undefined;
  return () => (list ??= adopted.length ? [...adopted, ...matching.values()] : [...matching.values()]);
}
