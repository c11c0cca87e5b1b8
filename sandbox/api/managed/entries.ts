/**
 * `metadata.managedFields` entries: who they belong to (manager, operation, subresource, and the
 * API version for updates, as apiserver's BuildManagerIdentifier), and their order (Apply before
 * Update, then oldest first, then by manager), as the real server encodes them.
 */
import type { Fields } from './fields';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Fields;
  subresource?: string;
}

export interface ManagerId {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
}

export function sameManager(e: ManagerId, id: ManagerId): boolean {
  return (
    e.manager === id.manager &&
    e.operation === id.operation &&
    (e.subresource ?? '') === (id.subresource ?? '') &&
    // Appliers are the same whatever version they applied in.
    (id.operation === 'Apply' || e.apiVersion === id.apiVersion)
  );
}

export function entry(id: ManagerId, fields: Fields, time: string | undefined): ManagedFieldsEntry {
  const e: ManagedFieldsEntry = {
    manager: id.manager,
    operation: id.operation,
    apiVersion: id.apiVersion,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
  };
  // Key order as the Go struct: manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource.
  const out: ManagedFieldsEntry = time
    ? {
        manager: e.manager,
        operation: e.operation,
        apiVersion: e.apiVersion,
        time,
        fieldsType: 'FieldsV1',
        fieldsV1: fields,
      }
    : e;
  if (id.subresource) out.subresource = id.subresource;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Stored (frozen) entry lists already checked: every write reads the stored ones again. */
const checked = new WeakSet<object>();

/** Entries of a stored or sent object; undefined when they are not well-formed (the server then ignores them). */
export function decodeEntries(value: unknown): ManagedFieldsEntry[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  if (checked.has(value)) return value as ManagedFieldsEntry[];
  for (const e of value) {
    if (!isObject(e)) return undefined;
    if (e.operation !== 'Apply' && e.operation !== 'Update') return undefined;
    if (e.fieldsType !== undefined && e.fieldsType !== 'FieldsV1') return undefined;
    if (e.fieldsV1 !== undefined && !isObject(e.fieldsV1)) return undefined;
  }
  const entries = value as ManagedFieldsEntry[];
  if (Object.isFrozen(entries) && entries.every((e) => e.fieldsV1)) checked.add(entries);
  return entries.every((e) => e.fieldsV1)
    ? entries
    : entries.map((e) => (e.fieldsV1 ? e : { ...e, fieldsV1: {} }));
}

/** `managedFields: [{}]` in an update asks the server to drop every entry. */
export function isReset(value: unknown): boolean {
  return (
    Array.isArray(value) && value.length === 1 && isObject(value[0]) && Object.keys(value[0]).length === 0
  );
}

function order(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
  // Times are all RFC 3339 in UTC with second precision: text order is time order.
  const pt = p.time ?? '';
  const qt = q.time ?? '';
  if (pt !== qt) return pt < qt ? -1 : 1;
  if (p.manager !== q.manager) return p.manager < q.manager ? -1 : 1;
  if (p.apiVersion !== q.apiVersion) return p.apiVersion < q.apiVersion ? -1 : 1;
  const ps = p.subresource ?? '';
  const qs = q.subresource ?? '';
  return ps < qs ? -1 : ps > qs ? 1 : 0;
}

export function sortEntries(entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  for (let i = 1; i < entries.length; i++)
    if (order(entries[i - 1], entries[i]) > 0) return entries.sort(order);
  return entries;
}

/** How a conflict names a manager (apiserver's printManager). */
export function describeManager(e: ManagerId & { time?: string }): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += ` using ${e.apiVersion}`;
  return s;
}
