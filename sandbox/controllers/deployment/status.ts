/**
 * calculateStatus and syncDeploymentStatus (upstream sync.go): the Deployment's counts from its
 * ReplicaSets' statuses, and the Available condition. Zero counts are left out, as the real API
 * server's JSON (omitempty) does.
 */
import { AVAILABLE, MIN_AVAILABLE, MIN_UNAVAILABLE, newCondition, setCondition } from './conditions';
import { deepEqual } from '../../api/patch/equal';
import { now, writeStatus, type Ctl } from './ops';
import type { Deployment, DeploymentStatus, ReplicaSet } from './types';
import {
  maxUnavailable,
  replicasOf,
  statusReplicas,
  sumActual,
  sumAvailable,
  sumReady,
  sumSpec,
} from './util';

const COUNTS = [
  'observedGeneration',
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
] as const;

/**
 * The status as the API server stores it: fields in Go order, zero counts and empty lists omitted.
 * The condition entries are shared, not copied: nothing changes one in place (conditions.ts builds
 * new lists of new entries), and the stored ones are frozen.
 */
export function normalizeStatus(st: DeploymentStatus | undefined): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const k of COUNTS) if (st?.[k]) out[k] = st[k];
  if (st?.conditions?.length) out.conditions = [...st.conditions];
  if (st?.collisionCount !== undefined && st.collisionCount !== null) out.collisionCount = st.collisionCount;
  return out;
}

/**
 * deepEqual(normalizeStatus(a), normalizeStatus(b)) without building the two normalised copies
 * (every sync compares): counts absent or zero alike, an empty condition list like none, a null
 * collisionCount like none.
 */
export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  for (const k of COUNTS) if ((a?.[k] || 0) !== (b?.[k] || 0)) return false;
  if ((a?.collisionCount ?? undefined) !== (b?.collisionCount ?? undefined)) return false;
  const ca = a?.conditions?.length ? a.conditions : undefined;
  const cb = b?.conditions?.length ? b.conditions : undefined;
  if (!ca || !cb) return !ca && !cb;
  return deepEqual(ca, cb);
}

export function calculateStatus(
  c: Ctl,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): DeploymentStatus {
  const rss = allRSs.filter((x): x is ReplicaSet => !!x);
  const available = sumAvailable(rss);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: sumActual(rss),
    updatedReplicas: newRS ? statusReplicas(newRS) : 0,
    readyReplicas: sumReady(rss),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpec(rss) - available),
    conditions: d.status?.conditions ?? [],
    collisionCount: d.status?.collisionCount,
  };
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    const msg = 'Deployment has minimum availability.';
    setCondition(status, newCondition(AVAILABLE, 'True', MIN_AVAILABLE, msg, now(c)));
  } else {
    const msg = 'Deployment does not have minimum availability.';
    setCondition(status, newCondition(AVAILABLE, 'False', MIN_UNAVAILABLE, msg, now(c)));
  }
  return normalizeStatus(status);
}

/** syncDeploymentStatus: write the computed status when it differs (no progress estimation). */
export function syncDeploymentStatus(
  c: Ctl,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): void {
  const next = calculateStatus(c, allRSs, newRS, d);
  if (statusEqual(d.status, next)) return;
  d.status = next;
  writeStatus(c, d);
}
