/**
 * managedFields for the API server's verbs: what create, update and patch record (operation
 * Update) and what server-side apply does (operation Apply). See README.md.
 */
import type { KubeObject } from '../types';
import type { ResourceInfo } from '../resources';
import type { FieldSchema } from '../schema/types';
import { apiVersionOf } from '../resources';
import { invalid, badRequest } from '../errors';
import { type Fields, LEAF, intersection, without } from './fields';
import { type ManagedFieldsEntry, type ManagerId, decodeEntries, isReset } from './entries';
import { recordUpdate } from './track';
import { applyConfiguration } from './apply';
import { rootField } from './shape';
import { zeroObject } from './zero';

export type { ManagedFieldsEntry } from './entries';
export type { Fields } from './fields';
export type Subresource = 'status' | 'scale';

/**
 * The manager of a write: the request's `fieldManager`, else the client's user agent up to its
 * first `/` (`kubectl/v1.32.0 (linux/amd64)` → `kubectl`), else `unknown`, as apiserver's
 * managerOrUserAgent and BuildManagerInfo.
 */
export function managerOf(fieldManager: string | undefined, userAgent: string | undefined): string {
  if (fieldManager) return fieldManager;
  const prefix = (userAgent ?? '').split('/')[0];
  return prefix || 'unknown';
}

let tracking = true;

/**
 * For benchmarks only: stop (and resume) recording the Update operations of create, update and
 * patch, to measure what managedFields cost. Apply always records.
 */
export function setUpdateTracking(on: boolean): void {
  tracking = on;
}

const REPLICAS: Fields = { 'f:spec': { 'f:replicas': LEAF } };
const SPEC = ['f:spec'];
const STATUS = ['f:status'];
const ownsScale = (set: Fields): Fields => intersection(set, REPLICAS);
const ownsNoSpec = (set: Fields): Fields => without(set, SPEC);
const ownsNoStatus = (set: Fields): Fields => without(set, STATUS);
const ownsAll = (set: Fields): Fields => set;

/** What a write through this endpoint may own (the strategies' reset fields). */
function ownedBy(r: ResourceInfo, subresource: Subresource | undefined): (set: Fields) => Fields {
  if (subresource === 'scale') return ownsScale;
  if (subresource === 'status') return ownsNoSpec;
  if (r.subresources.includes('status')) return ownsNoStatus;
  return ownsAll;
}

function entriesOf(obj: KubeObject): ManagedFieldsEntry[] {
  return decodeEntries(obj.metadata.managedFields) ?? [];
}

function setEntries(obj: KubeObject, entries: ManagedFieldsEntry[]): void {
  if (entries.length)
    obj.metadata.managedFields = entries as unknown as KubeObject['metadata']['managedFields'];
  else delete obj.metadata.managedFields;
}

/** The entries an update starts from: those the request sent (so clients can set them), else the stored ones. */
function baseEntries(
  requested: unknown,
  old: KubeObject,
  subresource: Subresource | undefined,
): ManagedFieldsEntry[] {
  if (subresource) return entriesOf(old);
  if (isReset(requested)) return [];
  const sent = decodeEntries(requested);
  return sent && sent.length ? sent : entriesOf(old);
}

/** The schema of a resource's objects, once per resource: every write asks. */
const roots = new Map<ResourceInfo, FieldSchema | null>();

function rootOf(r: ResourceInfo): FieldSchema | undefined {
  let f = roots.get(r);
  if (f === undefined) roots.set(r, (f = rootField(apiVersionOf(r), r.kind) ?? null));
  return f ?? undefined;
}

function updateId(r: ResourceInfo, manager: string, subresource: Subresource | undefined): ManagerId {
  return { manager, operation: 'Update', apiVersion: apiVersionOf(r), subresource };
}

/** Create: the creator owns every field it set, defaults included (not what admission adds later). */
export function trackCreate(r: ResourceInfo, obj: KubeObject, manager: string, now: string): void {
  if (!tracking) return;
  const requested = obj.metadata.managedFields;
  const base = isReset(requested) ? [] : (decodeEntries(requested) ?? []);
  const zero = zeroObject(r.kind);
  const entries = recordUpdate(
    {
      entries: base,
      old: zero,
      next: obj as unknown as Record<string, unknown>,
      root: rootOf(r),
      id: updateId(r, manager, undefined),
      now,
      owned: ownedBy(r, undefined),
    },
    true,
  );
  setEntries(obj, entries);
}

/** Update or patch: `next` is the object about to be stored, `old` the stored one. */
export function trackUpdate(
  r: ResourceInfo,
  old: KubeObject,
  next: KubeObject,
  manager: string,
  subresource: Subresource | undefined,
  now: string,
): void {
  if (!tracking) {
    if (subresource && old.metadata.managedFields) next.metadata.managedFields = old.metadata.managedFields;
    return;
  }
  const entries = recordUpdate({
    entries: baseEntries(next.metadata.managedFields, old, subresource),
    old: old as unknown as Record<string, unknown>,
    next: next as unknown as Record<string, unknown>,
    root: rootOf(r),
    id: updateId(r, manager, subresource),
    now,
    owned: ownedBy(r, subresource),
  });
  if (entries === old.metadata.managedFields) next.metadata.managedFields = old.metadata.managedFields;
  else setEntries(next, entries);
}

/** PatchOptions validation of an apply request. */
export function checkApplyOptions(fieldManager: string | undefined): void {
  if (!fieldManager) {
    throw invalid('PatchOptions', 'meta.k8s.io', '', [
      {
        type: 'FieldValueRequired',
        field: 'fieldManager',
        body: 'Required value: is required for apply patch',
      },
    ]);
  }
}

/** The checks the apply handler makes on the configuration before using it. */
export function checkConfiguration(config: unknown, expectedVersion: string): Record<string, unknown> {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw badRequest(
      `error decoding YAML: cannot unmarshal ${Array.isArray(config) ? 'array' : typeof config} into an object`,
    );
  }
  const c = config as Record<string, unknown>;
  const meta = c.metadata as Record<string, unknown> | undefined;
  if (meta && meta.managedFields !== undefined && meta.managedFields !== null)
    throw badRequest('metadata.managedFields must be nil');
  if (c.apiVersion !== expectedVersion) {
    throw badRequest(
      `Incorrect version specified in apply patch. Specified patch version: ${String(c.apiVersion ?? '')}, expected: ${expectedVersion}`,
    );
  }
  return c;
}

export interface Applied {
  object: KubeObject;
  changed: boolean;
}

/**
 * Server-side apply of `config` to `live` (undefined: the apply creates the object). Returns the
 * merged object, its managedFields set; throws the 409 on conflicts unless `force`.
 */
export function applyTo(
  r: ResourceInfo,
  live: KubeObject | undefined,
  config: Record<string, unknown>,
  manager: string,
  force: boolean,
  subresource: Subresource | undefined,
  now: string,
): Applied {
  const base = live
    ? stripEntries(live)
    : { apiVersion: apiVersionOf(r), kind: r.kind, ...zeroObject(r.kind) };
  const result = applyConfiguration({
    live: base,
    config,
    entries: live ? entriesOf(live) : [],
    root: rootOf(r),
    id: { manager, operation: 'Apply', apiVersion: apiVersionOf(r), subresource },
    force,
    now,
    owned: ownedBy(r, subresource),
  });
  const object = result.object as unknown as KubeObject;
  object.metadata = { ...(object.metadata ?? {}) };
  setEntries(object, result.entries);
  return { object, changed: result.changed };
}

function stripEntries(obj: KubeObject): Record<string, unknown> {
  if (!obj.metadata.managedFields) return obj as unknown as Record<string, unknown>;
  const metadata = { ...obj.metadata };
  delete metadata.managedFields;
  return { ...obj, metadata } as unknown as Record<string, unknown>;
}
