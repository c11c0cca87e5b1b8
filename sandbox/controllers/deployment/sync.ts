/**
 * The shared steps of a sync (upstream sync.go): new/old ReplicaSets with the revision synced,
 * the scaling-event test, `sync` (paused Deployments and scaling events), status-only syncs of a
 * Deployment being deleted, and the revision-history cleanup.
 */
import { isStatusError } from '../../api/errors';
import { DESIRED_REPLICAS, intAnnotation, rollbackTo } from './annotations';
import { findNewReplicaSet, getNewReplicaSet, oldReplicaSets } from './newrs';
import type { Ctl, SyncState } from './ops';
import { scale } from './scale';
import { syncDeploymentStatus } from './status';
import type { Deployment, ReplicaSet } from './types';
import {
  activeOnly,
  byRevision,
  hasRevisionHistoryLimit,
  replicasOf,
  specReplicas,
  statusReplicas,
} from './util';

export interface RSSet {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

/** getAllReplicaSetsAndSyncRevision: the new RS (created when asked and missing) and all old RSs. */
export function getAllReplicaSetsAndSyncRevision(c: Ctl, s: SyncState, createIfMissing: boolean): RSSet {
  const synced = s.synced;
  s.synced = undefined;
  // A second sync of the revision would find and change nothing (upstream runs it again).
  if (synced && (synced.newRS || !createIfMissing)) return synced;
  // What FindOldReplicaSets finds, and then getNewReplicaSet again in the same (sorted) list.
  const found = findNewReplicaSet(s.d, s.rsList);
  const oldRSs = oldReplicaSets(s.rsList, found);
  const newRS = getNewReplicaSet(c, s, oldRSs, createIfMissing, found);
  return { newRS, oldRSs };
}

export const allOf = ({ newRS, oldRSs }: RSSet): ReplicaSet[] => (newRS ? [...oldRSs, newRS] : [...oldRSs]);

/** isScalingEvent: some active RS records a desired-replicas different from spec.replicas. */
export function isScalingEvent(c: Ctl, s: SyncState): boolean {
  const set = getAllReplicaSetsAndSyncRevision(c, s, false);
  s.synced = set;
  for (const rs of activeOnly(allOf(set))) {
    const desired = intAnnotation(rs, DESIRED_REPLICAS);
    if (desired !== undefined && desired !== replicasOf(s.d)) return true;
  }
  return false;
}

/** sync: scaling events and paused Deployments — proportional scaling, cleanup when paused, status. */
export function syncScale(c: Ctl, s: SyncState): void {
  const set = getAllReplicaSetsAndSyncRevision(c, s, false);
  scale(c, s, set.newRS, set.oldRSs);
  if (s.d.spec.paused && rollbackTo(s.d) === undefined) cleanupDeployment(c, set.oldRSs, s.d);
  syncDeploymentStatus(c, allOf(set), set.newRS, s.d);
}

/** syncStatusOnly: a Deployment being deleted only gets its status refreshed. */
export function syncStatusOnly(c: Ctl, s: SyncState): void {
  const set = getAllReplicaSetsAndSyncRevision(c, s, false);
  syncDeploymentStatus(c, allOf(set), set.newRS, s.d);
}

/**
 * cleanupDeployment: keep revisionHistoryLimit old RSs; delete the lowest revisions beyond it that
 * are fully scaled down and observed (skipped ones still count toward the excess).
 */
export function cleanupDeployment(c: Ctl, oldRSs: ReplicaSet[], d: Deployment): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - (d.spec.revisionHistoryLimit ?? 0);
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if (
      statusReplicas(rs) !== 0 ||
      specReplicas(rs) !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
      rs.metadata.deletionTimestamp
    ) {
      continue;
    }
    try {
      c.api.delete('replicasets', rs.metadata.namespace, rs.metadata.name!, { shared: true });
    } catch (e) {
      if (!isStatusError(e) || e.code !== 404) throw e;
    }
  }
}
