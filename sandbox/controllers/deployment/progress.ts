/**
 * Progress estimation (upstream progress.go): the Progressing condition of rolling and recreate
 * syncs, ReplicaFailure copied from the ReplicaSets, and the requeue that lets a stuck rollout
 * reach ProgressDeadlineExceeded after progressDeadlineSeconds of virtual time.
 */
import {
  NEW_RS_AVAILABLE,
  PROGRESSING,
  REPLICA_FAILURE,
  RS_UPDATED,
  TIMED_OUT,
  getCondition,
  newCondition,
  removeCondition,
  setCondition,
} from './conditions';
import { now, writeStatus, type Ctl, type SyncState } from './ops';
import { calculateStatus, statusEqual } from './status';
import type { Condition, Deployment, DeploymentStatus, ReplicaSet } from './types';
import { hasProgressDeadline, replicasOf } from './util';

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, st: DeploymentStatus | undefined): boolean {
  const n = replicasOf(d);
  return (
    (st?.updatedReplicas ?? 0) === n &&
    (st?.replicas ?? 0) === n &&
    (st?.availableReplicas ?? 0) === n &&
    (st?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than before. */
export function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

const timeOf = (t: string | undefined): number => (t ? Date.parse(t) : 0);

/** DeploymentTimedOut: Progressing last updated more than progressDeadlineSeconds ago (strictly). */
export function deploymentTimedOut(c: Ctl, d: Deployment, st: DeploymentStatus): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(st, PROGRESSING);
  if (!cond || cond.reason === NEW_RS_AVAILABLE) return false;
  if (cond.reason === TIMED_OUT) return true;
  return timeOf(cond.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < c.clock.now();
}

function subject(d: Deployment, newRS: ReplicaSet | undefined): string {
  return newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
}

/** The Progressing condition this sync sets, if any. */
function progressCondition(
  c: Ctl,
  d: Deployment,
  next: DeploymentStatus,
  newRS: ReplicaSet | undefined,
): void {
  const cur = getCondition(d.status, PROGRESSING);
  if (deploymentComplete(d, next)) {
    const msg = `${subject(d, newRS)} has successfully progressed.`;
    setCondition(next, newCondition(PROGRESSING, 'True', NEW_RS_AVAILABLE, msg, now(c)));
  } else if (deploymentProgressing(d, next)) {
    // Always rewritten, so lastUpdateTime moves; lastTransitionTime is kept while it stays True.
    const cond = newCondition(
      PROGRESSING,
      'True',
      RS_UPDATED,
      `${subject(d, newRS)} is progressing.`,
      now(c),
    );
    if (cur) {
      if (cur.status === 'True') cond.lastTransitionTime = cur.lastTransitionTime;
      removeCondition(next, PROGRESSING);
    }
    setCondition(next, cond);
  } else if (deploymentTimedOut(c, d, next)) {
    const msg = `${subject(d, newRS)} has timed out progressing.`;
    setCondition(next, newCondition(PROGRESSING, 'False', TIMED_OUT, msg, now(c)));
  }
}

/** An RS condition as a Deployment condition (lastUpdateTime from its lastTransitionTime). */
function convert(x: Condition): Condition {
  return {
    type: x.type,
    status: x.status,
    lastUpdateTime: x.lastTransitionTime,
    lastTransitionTime: x.lastTransitionTime,
    reason: x.reason,
    message: x.message,
  };
}

/** getReplicaFailures: the new RS's ReplicaFailure condition, else the old RSs'. */
function replicaFailures(allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined): Condition[] {
  const own = (newRS?.status?.conditions ?? []).filter((x) => x.type === REPLICA_FAILURE).map(convert);
  if (own.length) return own;
  const out: Condition[] = [];
  for (const rs of allRSs) {
    for (const x of rs.status?.conditions ?? []) if (x.type === REPLICA_FAILURE) out.push(convert(x));
  }
  return out;
}

/** syncRolloutStatus: status plus progress estimation; requeues a stuck rollout for its deadline. */
export function syncRolloutStatus(
  c: Ctl,
  s: SyncState,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): void {
  const d = s.d;
  const rss = allRSs.filter((x): x is ReplicaSet => !!x);
  const next = calculateStatus(c, rss, newRS, d);
  if (!hasProgressDeadline(d)) removeCondition(next, PROGRESSING);
  const cur = getCondition(d.status, PROGRESSING);
  const alreadyComplete =
    (next.replicas ?? 0) === (next.updatedReplicas ?? 0) && cur?.reason === NEW_RS_AVAILABLE;
  if (hasProgressDeadline(d) && !alreadyComplete) progressCondition(c, d, next, newRS);
  const failures = replicaFailures(rss, newRS);
  if (failures.length) setCondition(next, failures[0]);
  else removeCondition(next, REPLICA_FAILURE);
  if (statusEqual(d.status, next)) {
    requeueStuckDeployment(c, s, next);
    return;
  }
  d.status = next;
  writeStatus(c, d);
}

/**
 * requeueStuckDeployment: no progress this sync — look again just after the deadline
 * (lastUpdateTime + progressDeadlineSeconds − now, plus one second), or soon if under a second.
 */
export function requeueStuckDeployment(c: Ctl, s: SyncState, next: DeploymentStatus): void {
  const d = s.d;
  const cur = getCondition(d.status, PROGRESSING);
  if (!hasProgressDeadline(d) || !cur) return;
  if (deploymentComplete(d, next) || cur.reason === TIMED_OUT) return;
  const after = timeOf(cur.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - c.clock.now();
  if (after < 1000) {
    c.requeueRateLimited(s.key);
    return;
  }
  c.requeueAfter(s.key, after + 1000);
}
