/**
 * The Recreate strategy (upstream recreate.go): scale every old RS to zero, wait until no old pod
 * is left running (not Succeeded/Failed), then create the new RS at full size.
 */
import type { KubeObject } from '../../api/types';
import { podPhase } from '../util/pods';
import type { Ctl, SyncState } from './ops';
import { deploymentComplete, syncRolloutStatus } from './progress';
import { scaleAndRecord } from './scale';
import { allOf, cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import type { ReplicaSet } from './types';
import { activeOnly, replicasOf, specReplicas, sumActual } from './util';

export function rolloutRecreate(c: Ctl, s: SyncState): void {
  // No new RS yet: it is only created once the old pods are gone (no surge).
  let set = getAllReplicaSetsAndSyncRevision(c, s, false);
  let allRSs = allOf(set);
  let scaledDown = false;
  for (const rs of activeOnly(set.oldRSs)) {
    if (specReplicas(rs) === 0) continue;
    if (scaleAndRecord(c, s, rs, 0).scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(c, s, allRSs, set.newRS);
  if (oldPodsRunning(set.newRS, set.oldRSs, s.podMap)) return syncRolloutStatus(c, s, allRSs, set.newRS);
  if (!set.newRS) {
    set = getAllReplicaSetsAndSyncRevision(c, s, true);
    allRSs = allOf(set);
  }
  if (set.newRS) scaleAndRecord(c, s, set.newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, s.d.status)) cleanupDeployment(c, set.oldRSs, s.d);
  syncRolloutStatus(c, s, allRSs, set.newRS);
}

/** Old pods still count while their RS reports any, or while any of them is not Succeeded/Failed. */
export function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
  podMap: Map<string, KubeObject[]>,
): boolean {
  if (sumActual(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = podPhase(pod);
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
