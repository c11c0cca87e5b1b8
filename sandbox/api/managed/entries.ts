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

/** Is `e` exactly (values and key order) what `entry(id, fields, time)` would build? */
export function isEntry(e: ManagedFieldsEntry, id: ManagerId, fields: Fields, time: string): boolean {
  if (
    e.fieldsV1 !== fields ||
    e.time !== time ||
    e.manager !== id.manager ||
    e.operation !== id.operation ||
    e.apiVersion !== id.apiVersion ||
    e.fieldsType !== 'FieldsV1' ||
    e.subresource !== (id.subresource || undefined)
  )
    return false;
  let i = 0;
  for (const k in e) if (k !== ENTRY_KEYS[i++]) return false;
  return i === (id.subresource ? ENTRY_KEYS.length : ENTRY_KEYS.length - 1);
}

const ENTRY_KEYS = ['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Entries of a stored or sent object; undefined when they are not well-formed (the server then
 * ignores them). One pass, no cache: every write reads the stored ones again, and checking a few
 * entries costs less than remembering which lists were checked.
 */
export function decodeEntries(value: unknown): ManagedFieldsEntry[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  let complete = true;
  for (let i = 0; i < value.length; i++) {
    const e: unknown = value[i];
    if (!isObject(e)) return undefined;
    if (e.operation !== 'Apply' && e.operation !== 'Update') return undefined;
    if (e.fieldsType !== undefined && e.fieldsType !== 'FieldsV1') return undefined;
    if (e.fieldsV1 !== undefined && !isObject(e.fieldsV1)) return undefined;
    if (!e.fieldsV1) complete = false;
  }
  const entries = value as ManagedFieldsEntry[];
  return complete ? entries : entries.map((e) => (e.fieldsV1 ? e : { ...e, fieldsV1: {} }));
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
