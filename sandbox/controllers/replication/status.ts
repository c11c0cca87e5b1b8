/**
 * calculateStatus and updateReplicaSetStatus: counts over the active pods the owner controls, the
 * ReplicaFailure condition, observedGeneration; written through the status subresource only when
 * something changed (one GET and retry on failure, as upstream).
 */
import type { KubeObject } from '../../api/types';
import { deepEqual } from '../../api/patch/equal';
import { timestamp } from '../../api/context';
import { statusWriteMetadata } from '../../api/trusted';
import { isPodAvailable, isPodReady } from '../util/pods';
import { messageOf } from './errors';
import { desiredReplicas, minReadySeconds, templateOf } from './objects';
import type { ControllerState } from './state';

export interface OwnerCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** ReplicaSetStatus / ReplicationControllerStatus (v1.32: no terminatingReplicas yet). */
export interface OwnerStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: OwnerCondition[];
}

const REPLICA_FAILURE = 'ReplicaFailure';
/** The (empty) spec of a status write. */
const NO_SPEC = Object.freeze({});
/** statusUpdateRetries: one GET and retry after a failed status write. */
const STATUS_UPDATE_RETRIES = 1;

export function statusOf(rs: KubeObject): OwnerStatus {
  return { replicas: 0, ...((rs.status ?? {}) as Partial<OwnerStatus>) };
}

/** Go's omitempty for the int32 counters: zero is not written. */
function setCount(
  st: OwnerStatus,
  field: 'fullyLabeledReplicas' | 'readyReplicas' | 'availableReplicas',
  n: number,
): void {
  if (n !== 0) st[field] = n;
  else delete st[field];
}

export function calculateStatus(
  rs: KubeObject,
  count: number,
  pods: () => readonly KubeObject[],
  manageErr: unknown,
  nowMs: number,
  /** The fully-labeled and ready counts over `pods` when the caller keeps them (else they are counted). */
  known?: { fullyLabeled: number; ready: number },
): OwnerStatus {
  const next: OwnerStatus = cloneStatus(statusOf(rs));
  const tplLabels = templateOf(rs).metadata?.labels ?? {};
  const minReady = minReadySeconds(rs);
  let fullyLabeled = known?.fullyLabeled ?? 0;
  let ready = known?.ready ?? 0;
  let available = 0;
  if (!known) {
    for (const pod of pods()) {
      const labels = pod.metadata.labels ?? {};
      if (Object.entries(tplLabels).every(([k, v]) => labels[k] === v)) fullyLabeled++;
      if (isPodReady(pod)) ready++;
    }
  }
  if (minReady <= 0) available = ready;
  else {
    // Strictly more than minReadySeconds (v1.32); the re-sync at minReadySeconds + 1 s catches it.
    for (const pod of pods()) if (isPodAvailable(pod, minReady, nowMs)) available++;
  }
  const failure = (next.conditions ?? []).find((c) => c.type === REPLICA_FAILURE);
  if (manageErr !== undefined && !failure) {
    const diff = count - desiredReplicas(rs);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    next.conditions = [
      ...(next.conditions ?? []),
      {
        type: REPLICA_FAILURE,
        status: 'True',
        lastTransitionTime: timestamp(nowMs),
        reason,
        message: messageOf(manageErr),
      },
    ];
  } else if (manageErr === undefined && failure) {
    const rest = (next.conditions ?? []).filter((c) => c.type !== REPLICA_FAILURE);
    if (rest.length) next.conditions = rest;
    else delete next.conditions;
  }
  next.replicas = count;
  setCount(next, 'fullyLabeledReplicas', fullyLabeled);
  setCount(next, 'readyReplicas', ready);
  setCount(next, 'availableReplicas', available);
  return next;
}

function cloneStatus(st: OwnerStatus): OwnerStatus {
  const out: OwnerStatus = { ...st };
  if (st.conditions) out.conditions = st.conditions.map((c) => ({ ...c }));
  return out;
}

const FIELD_ORDER = [
  'replicas',
  'fullyLabeledReplicas',
  'readyReplicas',
  'availableReplicas',
  'observedGeneration',
  'conditions',
] as const;

/** The status with its fields in the order the Go struct serialises them (zero counters omitted). */
function ordered(st: OwnerStatus): OwnerStatus {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) if (st[k] !== undefined) out[k] = st[k];
  for (const k in st) {
    const v = (st as unknown as Record<string, unknown>)[k];
    if (!(k in out) && v !== undefined) out[k] = v;
  }
  return out as unknown as OwnerStatus;
}

/** The steady state: nothing to write. */
function unchanged(rs: KubeObject, next: OwnerStatus): boolean {
  const cur = statusOf(rs);
  return (
    cur.replicas === next.replicas &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (rs.metadata.generation ?? 0) === (cur.observedGeneration ?? 0) &&
    deepEqual(cur.conditions ?? [], next.conditions ?? [])
  );
}

/** Write the status if it changed; returns the owner as it now stands. Throws when the write fails twice. */
export function updateStatus(s: ControllerState, rs: KubeObject, next: OwnerStatus): KubeObject {
  if (unchanged(rs, next)) return rs;
  const status = ordered({ ...next, observedGeneration: rs.metadata.generation || undefined });
  let target = rs;
  for (let i = 0; ; i++) {
    try {
      // The status subresource keeps the stored spec whatever the body says, so none is sent (its
      // pod template would be decoded again after every resize). The stored object comes back (no
      // copy): the sync only reads it.
      // Canonical: the status is built here without unset fields, the rest is the stored object's.
      const body = { ...target, metadata: statusWriteMetadata(target.metadata, true), spec: NO_SPEC, status };
      return s.ctx.api.updateStatus(body as KubeObject, { shared: true, canonical: true });
    } catch (e) {
      if (i >= STATUS_UPDATE_RETRIES) throw e;
      // The latest version for the retry (a failed GET is the more interesting error).
      target = s.ctx.api.get(s.kind.plural, rs.metadata.namespace, rs.metadata.name ?? '');
    }
  }
}
