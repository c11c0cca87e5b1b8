/**
 * Scaling ReplicaSets (upstream sync.go): one resize with its ScalingReplicaSet event, and the
 * proportional scaling of several active ReplicaSets on a scaling event or while paused (§4.8).
 */
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  intAnnotation,
  replicasAnnotationsNeedUpdate,
  setReplicasAnnotations,
} from './annotations';
import { copyRS, record, replaceRS, updateRS, type Ctl, type SyncState } from './ops';
import type { Deployment, ReplicaSet } from './types';
import {
  activeOnly,
  availableReplicas,
  bySizeNewer,
  bySizeOlder,
  findActiveOrLatest,
  isRollingUpdate,
  maxSurge,
  replicasOf,
  specReplicas,
  sumSpec,
} from './util';

export interface ScaleResult {
  scaled: boolean;
  rs: ReplicaSet;
}

/** scaleReplicaSetAndRecordEvent: nothing when the size is already right. */
export function scaleAndRecord(c: Ctl, s: SyncState, rs: ReplicaSet, newScale: number): ScaleResult {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(c, s, rs, newScale, specReplicas(rs) < newScale ? 'up' : 'down');
}

/**
 * scaleReplicaSet: write the size together with fresh desired/max-replicas annotations; the event
 * `Scaled <op> replica set <rs> to <new> from <old>` only when the size changed.
 */
export function scaleReplicaSet(
  c: Ctl,
  s: SyncState,
  rs: ReplicaSet,
  newScale: number,
  op: string,
): ScaleResult {
  const d = s.d;
  const desired = replicasOf(d);
  const max = desired + maxSurge(d);
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const oldScale = specReplicas(rs);
  const copy = copyRS(rs);
  copy.spec.replicas = newScale;
  setReplicasAnnotations(copy, desired, max);
  const updated = updateRS(c, copy);
  replaceRS(s, updated);
  if (sizeNeedsUpdate) {
    const msg = `Scaled ${op} replica set ${updated.metadata.name} to ${newScale} from ${oldScale}`;
    record(c, d, 'Normal', 'ScalingReplicaSet', msg);
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}

/** IsSaturated: the new RS has every replica, knows it (desired-replicas) and all are available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS);
  if (desired === undefined) return false;
  const n = replicasOf(d);
  return specReplicas(rs) === n && desired === n && availableReplicas(rs) === n;
}

/** integer.RoundToInt32: half away from zero. */
function roundToInt32(x: number): number {
  return x < 0 ? Math.trunc(x - 0.5) : Math.trunc(x + 0.5);
}

/** getReplicaSetFraction: this RS's share of the new maximum, from its max-replicas annotation. */
function fraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS) ?? d.status?.replicas ?? 0;
  const newSize = (specReplicas(rs) * deploymentReplicas) / annotated;
  return roundToInt32(newSize) - specReplicas(rs);
}

/** GetProportion: the share, bounded by what is left to add (or remove). */
function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = fraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

/** scale: one active RS gets everything; a saturated new RS retires the old ones; else proportional. */
export function scale(c: Ctl, s: SyncState, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const d = s.d;
  const only = findActiveOrLatest(newRS, oldRSs);
  if (only) {
    if (specReplicas(only) !== replicasOf(d)) scaleAndRecord(c, s, only, replicasOf(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeOnly(oldRSs)) scaleAndRecord(c, s, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = activeOnly(newRS ? [...oldRSs, newRS] : oldRSs);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumSpec(all);
  let op = '';
  if (toAdd > 0) {
    all.sort(bySizeNewer);
    op = 'up';
  } else if (toAdd < 0) {
    all.sort(bySizeOlder);
    op = 'down';
  }
  let added = 0;
  const size = new Map<ReplicaSet, number>();
  for (const rs of all) {
    if (toAdd === 0) {
      size.set(rs, specReplicas(rs));
      continue;
    }
    const p = proportion(rs, d, toAdd, added);
    size.set(rs, specReplicas(rs) + p);
    added += p;
  }
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) size.set(rs, Math.max(0, size.get(rs)! + (toAdd - added)));
    scaleReplicaSet(c, s, rs, size.get(rs)!, op);
  });
}
