/**
 * getNewReplicaSet (upstream sync.go): find the RS whose template equals the Deployment's and
 * bring its annotations and revision up to date, or create it — named `<deployment>-<hash>`,
 * owned by the Deployment, with the pod-template-hash label in its labels, selector and template.
 */
import { isStatusError, type StatusError } from '../../api/errors';
import type { OwnerReference } from '../../api/types';
import { deepClone } from '../../store/clone';
import { REVISION, maxRevision, setDeploymentRevision, setNewReplicaSetAnnotations } from './annotations';
import {
  FAILED_RS_CREATE,
  FOUND_NEW_RS,
  NEW_RS_CREATED,
  PROGRESSING,
  getCondition,
  newCondition,
  setCondition,
} from './conditions';
import { computeHash } from './hash';
import {
  copyRS,
  createRS,
  now,
  record,
  replaceRS,
  updateRS,
  writeStatus,
  type Ctl,
  type SyncState,
} from './ops';
import { POD_TEMPLATE_HASH, type Deployment, type PodTemplate, type ReplicaSet } from './types';
import {
  byCreation,
  equalIgnoreHash,
  hasProgressDeadline,
  inOrder,
  maxSurge,
  newRSNewReplicas,
  replicasOf,
} from './util';

/** FindNewReplicaSet: the oldest RS (rsList is sorted in place, as upstream does) matching the template. */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  // Stable: a list already in order (every sync but the first after a change) stays as it is.
  if (!inOrder(rsList)) rsList.sort(byCreation);
  for (const rs of rsList) if (equalIgnoreHash(rs.spec.template, d.spec.template)) return rs;
  return undefined;
}

/** FindOldReplicaSets (the "all old" list): every RS but the new one. */
export function findOldReplicaSets(d: Deployment, rsList: ReplicaSet[]): ReplicaSet[] {
  return oldReplicaSets(rsList, findNewReplicaSet(d, rsList));
}

/** Every RS of rsList but `newRS` (what findNewReplicaSet found in it). */
export function oldReplicaSets(rsList: readonly ReplicaSet[], newRS: ReplicaSet | undefined): ReplicaSet[] {
  return rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
}

export function controllerRefTo(d: Deployment): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: d.metadata.name!,
    uid: d.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function getNewReplicaSet(
  c: Ctl,
  s: SyncState,
  oldRSs: ReplicaSet[],
  createIfMissing: boolean,
  /** findNewReplicaSet(s.d, s.rsList), which the caller has just asked. */
  existing: ReplicaSet | undefined,
): ReplicaSet | undefined {
  const d = s.d;
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) return syncExisting(c, s, existing, newRevision);
  if (!createIfMissing) return undefined;
  return createNew(c, d, oldRSs, newRevision);
}

function syncExisting(c: Ctl, s: SyncState, existing: ReplicaSet, newRevision: number): ReplicaSet {
  const d = s.d;
  const rs = copyRS(existing);
  const desired = replicasOf(d);
  const annotationsUpdated = setNewReplicaSetAnnotations(
    d,
    rs,
    newRevision,
    true,
    desired,
    desired + maxSurge(d),
  );
  const minReadyNeedsUpdate = (rs.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
  if (annotationsUpdated || minReadyNeedsUpdate) {
    rs.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
    const updated = updateRS(c, rs);
    replaceRS(s, updated);
    return updated;
  }
  let needsUpdate = setDeploymentRevision(d, rs.metadata.annotations?.[REVISION] ?? '');
  d.status ??= {};
  if (hasProgressDeadline(d) && !getCondition(d.status, PROGRESSING)) {
    const msg = `Found new replica set "${rs.metadata.name}"`;
    setCondition(d.status, newCondition(PROGRESSING, 'True', FOUND_NEW_RS, msg, now(c)));
    needsUpdate = true;
  }
  if (needsUpdate) writeStatus(c, d);
  return rs;
}

function createNew(c: Ctl, d: Deployment, oldRSs: ReplicaSet[], newRevision: number): ReplicaSet {
  const template = deepClone(d.spec.template ?? {}) as PodTemplate;
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata ??= {};
  template.metadata.labels = sortedLabels({ ...(template.metadata.labels ?? {}), [POD_TEMPLATE_HASH]: hash });
  const selector = deepClone(d.spec.selector ?? {});
  selector.matchLabels = sortedLabels({ ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash });
  const name = `${d.metadata.name}-${hash}`;
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [controllerRefTo(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = replicas;
  const desired = replicasOf(d);
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, desired, desired + maxSurge(d));

  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = createRS(c, newRS);
  } catch (err) {
    if (isStatusError(err) && err.code === 409 && err.reason === 'AlreadyExists') {
      const found = adoptExisting(c, d, name);
      if (!found) throw err;
      created = found;
      alreadyExists = true;
    } else {
      reportCreateError(c, d, name, err);
      throw err;
    }
  }
  if (!alreadyExists && replicas > 0) {
    record(c, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`);
  }
  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  d.status ??= {};
  if (!alreadyExists && hasProgressDeadline(d)) {
    const msg = `Created new replica set "${name}"`;
    setCondition(d.status, newCondition(PROGRESSING, 'True', NEW_RS_CREATED, msg, now(c)));
    needsUpdate = true;
  }
  if (needsUpdate) writeStatus(c, d);
  return created;
}

/**
 * AlreadyExists: ours with an equal template ⇒ it is the new RS. Otherwise a hash collision:
 * bump status.collisionCount (the next sync hashes differently) and fail this sync.
 */
function adoptExisting(c: Ctl, d: Deployment, name: string): ReplicaSet | undefined {
  const rs = c.api.get('replicasets', d.metadata.namespace, name) as ReplicaSet;
  const ref = (rs.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  if (ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, rs.spec.template)) return rs;
  d.status ??= {};
  d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
  try {
    writeStatus(c, d);
  } catch {
    // The original AlreadyExists error is what requeues the Deployment.
  }
  return undefined;
}

function reportCreateError(c: Ctl, d: Deployment, name: string, err: unknown): void {
  // A namespace being deleted refuses every create: nothing to report.
  if (isStatusError(err) && (namespaceTerminating(err.message) || hasTerminatingCause(err))) return;
  const msg = `Failed to create new replica set "${name}": ${err instanceof Error ? err.message : String(err)}`;
  if (hasProgressDeadline(d)) {
    d.status ??= {};
    setCondition(d.status, newCondition(PROGRESSING, 'False', FAILED_RS_CREATE, msg, now(c)));
    try {
      writeStatus(c, d);
    } catch {
      // A bigger issue is being reported.
    }
  }
  record(c, d, 'Warning', FAILED_RS_CREATE, msg);
}

function sortedLabels(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

function namespaceTerminating(message: string): boolean {
  return message.includes('because it is being terminated');
}

function hasTerminatingCause(err: StatusError): boolean {
  return (err.status.details?.causes ?? []).some((x) => x.reason === 'NamespaceTerminating');
}
