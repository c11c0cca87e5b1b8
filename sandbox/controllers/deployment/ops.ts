/**
 * What every sync step is given (`Ctl`: the API, the clock, the recorder and the requeue hooks)
 * and the state of one sync (`SyncState`), plus the controller's writes: RS create/update with
 * sorted maps (Go serialises maps sorted), Deployment status updates, events.
 */
import type { ApiServer } from '../../api/server';
import type { KubeObject, KubeObjectInput } from '../../api/types';
import type { VirtualClock } from '../../clock/clock';
import type { EventRecorder, EventType } from '../runtime/events';
import { timestamp } from '../../api/context';
import { statusWriteMetadata } from '../../api/trusted';
import { SOURCE, type Deployment, type ReplicaSet } from './types';

export interface Ctl {
  api: ApiServer;
  clock: VirtualClock;
  events: EventRecorder;
  /** Sync the key again after `ms` of virtual time (an earlier pending request wins). */
  requeueAfter(key: string, ms: number): void;
  /** queue.AddRateLimited: sync again soon. */
  requeueRateLimited(key: string): void;
}

export interface SyncState {
  key: string;
  /** The Deployment being synced (a private copy: status and annotations change in place). */
  d: Deployment;
  /** The ReplicaSets it owns (claimed this sync); entries are replaced when the controller updates them. */
  rsList: ReplicaSet[];
  /** Pods matching the selector, by the UID of their controlling RS (RSs of rsList only). */
  podMap: Map<string, KubeObject[]>;
  /**
   * The new and old ReplicaSets as the scaling-event test just synced them: the step that runs
   * next takes them instead of syncing again (nothing was written in between).
   */
  synced?: { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] };
}

export const now = (c: Ctl): string => timestamp(c.clock.now());

function sortedMap(m: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!m) return m;
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

function tidy(rs: ReplicaSet): ReplicaSet {
  rs.metadata.annotations = sortedMap(rs.metadata.annotations);
  if (!rs.metadata.annotations) delete rs.metadata.annotations;
  if (!rs.spec.minReadySeconds) delete rs.spec.minReadySeconds;
  return rs;
}

/**
 * A ReplicaSet to change and write back (upstream deep-copies it): private copies of its metadata,
 * annotations and spec fields; the rest (the pod template above all) is shared, read only.
 */
export function copyRS(rs: ReplicaSet): ReplicaSet {
  const metadata = { ...rs.metadata };
  if (rs.metadata.annotations) metadata.annotations = { ...rs.metadata.annotations };
  return { ...rs, metadata, spec: { ...rs.spec } };
}

/**
 * The controller only reads the ReplicaSets it writes (a change starts with `copyRS`, as for the
 * lister's frozen objects in rsList), so the API server answers with the stored object itself
 * instead of a deep copy.
 */
export function createRS(c: Ctl, rs: ReplicaSet): ReplicaSet {
  return c.api.create(tidy(rs) as KubeObjectInput, { shared: true }) as ReplicaSet;
}

/** PUT of a ReplicaSet (optimistic concurrency on its resourceVersion); the stored object back (read only). */
export function updateRS(c: Ctl, rs: ReplicaSet): ReplicaSet {
  // Canonical: a `copyRS` (private metadata, annotations and spec fields around the stored, frozen
  // pod template), so the stored template is kept: the next sync compares it by identity.
  return c.api.update(tidy(rs) as KubeObjectInput, { shared: true, canonical: true }) as ReplicaSet;
}

/** The (empty) spec of a status write. */
const NO_SPEC = Object.freeze({});

/**
 * PUT of the Deployment's status subresource; `d` keeps the new resourceVersion. The subresource
 * keeps the stored spec whatever the body says, so the body carries none.
 */
export function writeStatus(c: Ctl, d: Deployment): void {
  // Canonical: the status is built without unset fields, the rest is the stored object's.
  const body = { ...d, metadata: statusWriteMetadata(d.metadata, true), spec: NO_SPEC };
  const out = c.api.updateStatus(body as KubeObjectInput, { shared: true, canonical: true });
  d.metadata.resourceVersion = out.metadata.resourceVersion;
}

export function record(c: Ctl, d: Deployment, type: EventType, reason: string, message: string): void {
  c.events.record(SOURCE, d, type, reason, message);
}

export function replaceRS(s: SyncState, rs: ReplicaSet): void {
  const i = s.rsList.findIndex((x) => x.metadata.uid === rs.metadata.uid);
  if (i >= 0) s.rsList[i] = rs;
}
