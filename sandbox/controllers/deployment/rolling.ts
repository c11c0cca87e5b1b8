/**
 * The rolling update (upstream rolling.go). One sync makes one kind of step: scale the new RS up
 * (bounded by replicas + maxSurge over spec sums), or else scale old RSs down (bounded by
 * replicas − maxUnavailable over available counts, and never while new pods are unavailable),
 * or else, once complete, clean up old revisions.
 */
import type { Ctl, SyncState } from './ops';
import { retryError } from '../runtime/queue';
import { syncRolloutStatus, deploymentComplete } from './progress';
import { scaleAndRecord } from './scale';
import { allOf, cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import type { Deployment, ReplicaSet } from './types';
import {
  activeOnly,
  availableReplicas,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  sortedByCreation,
  specReplicas,
  sumAvailable,
  sumSpec,
} from './util';

export function rolloutRolling(c: Ctl, s: SyncState): void {
  const set = getAllReplicaSetsAndSyncRevision(c, s, true);
  const { newRS, oldRSs } = set;
  const allRSs = allOf(set);
  if (newRS && reconcileNewReplicaSet(c, s, allRSs, newRS)) return syncRolloutStatus(c, s, allRSs, newRS);
  if (newRS && reconcileOldReplicaSets(c, s, allRSs, activeOnly(oldRSs), newRS)) {
    return syncRolloutStatus(c, s, allRSs, newRS);
  }
  // The status read at the start of this sync decides whether the rollout is complete.
  if (deploymentComplete(s.d, s.d.status)) cleanupDeployment(c, oldRSs, s.d);
  syncRolloutStatus(c, s, allRSs, newRS);
}

/** Scale the new RS toward spec.replicas as far as maxSurge allows (or down, if above it). */
export function reconcileNewReplicaSet(
  c: Ctl,
  s: SyncState,
  allRSs: ReplicaSet[],
  newRS: ReplicaSet,
): boolean {
  const d = s.d;
  if (specReplicas(newRS) === replicasOf(d)) return false;
  if (specReplicas(newRS) > replicasOf(d)) return scaleAndRecord(c, s, newRS, replicasOf(d)).scaled;
  return scaleAndRecord(c, s, newRS, newRSNewReplicas(d, allRSs, newRS)).scaled;
}

/** Scale old RSs down: unhealthy replicas first, then oldest-first within the availability budget. */
export function reconcileOldReplicaSets(
  c: Ctl,
  s: SyncState,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
): boolean {
  const d = s.d;
  if (sumSpec(oldRSs) === 0) return false;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - availableReplicas(newRS);
  const maxScaledDown = sumSpec(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(c, s, oldRSs, maxScaledDown);
  const scaled = scaleDownOldReplicaSetsForRollingUpdate(c, s, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.count + scaled > 0;
}

/** Shrink old RSs by their unavailable replicas (oldest first), at most `maxCleanup` in all. */
export function cleanupUnhealthyReplicas(
  c: Ctl,
  s: SyncState,
  oldRSs: ReplicaSet[],
  maxCleanup: number,
): { oldRSs: ReplicaSet[]; count: number } {
  const sorted = sortedByCreation(oldRSs);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i];
    if (total >= maxCleanup) break;
    if (specReplicas(rs) === 0 || specReplicas(rs) === availableReplicas(rs)) continue;
    const k = Math.min(maxCleanup - total, specReplicas(rs) - availableReplicas(rs));
    const target = specReplicas(rs) - k;
    if (target > specReplicas(rs)) {
      throw retryError(
        `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${specReplicas(rs)} -> ${target}`,
      );
    }
    sorted[i] = scaleAndRecord(c, s, rs, target).rs;
    total += k;
  }
  return { oldRSs: sorted, count: total };
}

/** Scale old RSs down oldest first while more than minAvailable replicas are available. */
export function scaleDownOldReplicaSetsForRollingUpdate(
  c: Ctl,
  s: SyncState,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
): number {
  const d: Deployment = s.d;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = sumAvailable(allRSs);
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of sortedByCreation(oldRSs)) {
    if (total >= budget) break;
    if (specReplicas(rs) === 0) continue;
    const k = Math.min(specReplicas(rs), budget - total);
    const target = specReplicas(rs) - k;
    if (target > specReplicas(rs)) {
      throw retryError(
        `when scaling down old replica sets, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${specReplicas(rs)} -> ${target}`,
      );
    }
    scaleAndRecord(c, s, rs, target);
    total += k;
  }
  return total;
}
