/**
 * The annotations the Deployment controller keeps on its ReplicaSets and on the Deployment:
 * revision, revision-history, desired-replicas, max-replicas, and the copy of the Deployment's
 * own annotations (everything but the skip list).
 */
import type { KubeObject } from '../../api/types';
import type { Deployment, ReplicaSet } from './types';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const ROLLBACK_TO = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** revision-history is capped at this many characters (oldest entries dropped). */
export const MAX_REV_HISTORY_CHARS = 2000;

/** Never copied from the Deployment to its ReplicaSets. */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  LAST_APPLIED,
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  ROLLBACK_TO,
]);

/** Go's strconv.ParseInt / Atoi on a decimal string: the value, or undefined on a syntax error. */
export function parseGoInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^[+-]?\d+$/.test(s)) return undefined;
  return Number(s);
}

function annotations(obj: KubeObject): Record<string, string> {
  obj.metadata.annotations ??= {};
  return obj.metadata.annotations;
}

/** deploymentutil.Revision: missing → 0, unparsable → undefined (an error upstream). */
export function revisionOf(obj: KubeObject): number | undefined {
  const v = obj.metadata.annotations?.[REVISION];
  if (v === undefined) return 0;
  return parseGoInt(v);
}

/** MaxRevision over RSs (unparsable ones skipped). */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second-highest revision (what a legacy rollback to revision 0 targets). */
export function lastRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

/** An int annotation (desired-replicas, max-replicas): undefined when missing or unparsable. */
export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  return parseGoInt(rs.metadata.annotations?.[key]);
}

/** Copy the Deployment's annotations (but the skip list) onto the RS; only adds or overwrites. */
export function copyDeploymentAnnotations(d: Deployment, rs: ReplicaSet): boolean {
  const out = annotations(rs);
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || out[k] === v) continue;
    out[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; whether anything changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const out = annotations(rs);
  let changed = false;
  if (out[DESIRED_REPLICAS] !== String(desired)) {
    out[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (out[MAX_REPLICAS] !== String(max)) {
    out[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  if (!a) return true;
  return a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision to
 * `newRevision` when lower (a re-used old revision appends its old number to revision-history),
 * and on creation (`exists` false) set the replica annotations. Whether anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: number,
  exists: boolean,
  desired: number,
  max: number,
): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const out = annotations(rs);
  const had = Object.prototype.hasOwnProperty.call(out, REVISION);
  const oldRevision = out[REVISION] ?? '';
  let oldInt = parseGoInt(oldRevision);
  if (oldInt === undefined) {
    if (oldRevision !== '') return false;
    oldInt = 0;
  }
  if (oldInt < newRevision) {
    out[REVISION] = String(newRevision);
    changed = true;
    if (had) appendRevisionHistory(out, oldRevision);
  }
  if (!exists && setReplicasAnnotations(rs, desired, max)) changed = true;
  return changed;
}

function appendRevisionHistory(out: Record<string, string>, oldRevision: string): void {
  const history = out[REVISION_HISTORY] ?? '';
  const entries = history.split(',');
  if (entries[0].length === 0) {
    out[REVISION_HISTORY] = oldRevision;
    return;
  }
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > MAX_REV_HISTORY_CHARS && start < entries.length) {
    total -= entries[start].length + 1;
    start++;
  }
  if (total <= MAX_REV_HISTORY_CHARS)
    out[REVISION_HISTORY] = [...entries.slice(start), oldRevision].join(',');
}

/** SetDeploymentRevision: whether the Deployment's revision annotation changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const out = annotations(d);
  if (out[REVISION] === revision) return false;
  out[REVISION] = revision;
  return true;
}

/** getRollbackTo: the legacy rollback request (revision), or undefined (missing or unparsable). */
export function rollbackTo(d: Deployment): number | undefined {
  const v = d.metadata.annotations?.[ROLLBACK_TO];
  if (!v) return undefined;
  return parseGoInt(v);
}
