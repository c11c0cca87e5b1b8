/**
 * managedFields of create, update and patch (operation Update): the writer owns what it changed,
 * which is taken from every other manager, as are the fields it removed; entries left empty go;
 * the writer's entry (same manager, operation, API version and subresource) grows and gets the
 * write's time only when the write changed something.
 */
import type { FieldSchema } from '../schema/types';
import { deepFreeze } from '../../store/clone';
import { type Comparison, compare } from './compare';
import { type Structure, hasStructure, structureOf } from './structure';
import { type Fields, difference, isEmpty, overlaps, union } from './fields';
import { type ManagedFieldsEntry, type ManagerId, entry, isEntry, sameManager, sortEntries } from './entries';

export interface UpdateRecord {
  /** Entries before the write (the stored object's, or those the request sent). */
  entries: ManagedFieldsEntry[];
  old: Record<string, unknown>;
  next: Record<string, unknown>;
  root: FieldSchema | undefined;
  id: ManagerId;
  now: string;
  /** Drops the paths the write may not own (the strategy's reset fields: status on the main resource...). */
  owned: (changed: Fields) => Fields;
}

/** The entries after an Update operation; the same array when nothing changed hands. */
export function recordUpdate(u: UpdateRecord, created = false): ManagedFieldsEntry[] {
  const cmp = created ? compareCreated(u.old, u.next, u.root) : compare(u.old, u.next, u.root);
  const changed = u.owned(cmp.changed);
  const removed = cmp.removed;
  if (isEmpty(changed) && isEmpty(removed)) return u.entries;
  return transfer(u.entries, u.id, changed, removed, u.now);
}

/** Give `changed` to `id` (taking it from the others) and take `removed` from everybody. */
export function transfer(
  entries: readonly ManagedFieldsEntry[],
  id: ManagerId,
  changed: Fields,
  removed: Fields,
  now: string,
): ManagedFieldsEntry[] {
  const out: ManagedFieldsEntry[] = [];
  let mine: ManagedFieldsEntry | undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (sameManager(e, id)) {
      mine = e;
      continue;
    }
    let set = e.fieldsV1;
    if (overlaps(set, changed)) set = difference(set, changed);
    if (overlaps(set, removed)) set = difference(set, removed);
    if (isEmpty(set)) continue;
    out.push(set === e.fieldsV1 ? e : { ...e, fieldsV1: set });
  }
  let own = mine ? mine.fieldsV1 : {};
  if (overlaps(own, removed)) own = difference(own, removed);
  if (!isEmpty(changed)) {
    const fields = union(own, changed);
    // A writer re-writing its own fields within the same second keeps its entry as it is.
    out.push(mine && isEntry(mine, id, fields, now) ? mine : entry(id, fields, now));
  } else if (mine && !isEmpty(own)) out.push(own === mine.fieldsV1 ? mine : { ...mine, fieldsV1: own });
  const sorted = sortEntries(out);
  // Nothing changed hands: the same (stored, frozen) list, which the no-op check and the store
  // then skip without comparing or freezing it again.
  return sameItems(sorted, entries) ? (entries as ManagedFieldsEntry[]) : sorted;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The spec sets of recent creates, by content: a controller creating a thousand pods from one
 * template computes the set of that spec once, and every pod shares it (frozen once, stored once).
 */
const specSets = new Map<string, Fields>();
const SPEC_CACHE_SIZE = 32;

/**
 * The comparisons of everything but the spec of recent creates, by kind and structure (see
 * structure.ts): what a create compared with the zero object owns depends only on which fields are
 * set (and on list items), not on scalar values. Thousands of Events share one.
 */
const restSets = new Map<string, Array<{ structure: Structure; rest: Comparison }>>();
const REST_CACHE_SIZE = 16;

function remember<T>(cache: Map<string, T>, size: number, key: string, value: T): void {
  if (cache.size >= size) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function compareCreated(
  zero: Record<string, unknown>,
  obj: Record<string, unknown>,
  root: FieldSchema | undefined,
): Comparison {
  const spec = obj.spec;
  const hasSpec = spec !== undefined && spec !== null && typeof spec === 'object';
  const skip = hasSpec ? 'spec' : undefined;
  const kind = `${String(obj.apiVersion)}/${String(obj.kind)}${hasSpec ? '+spec' : ''}`;
  let known = restSets.get(kind);
  if (!known) restSets.set(kind, (known = []));
  let rest: Comparison | undefined;
  for (let i = known.length - 1; i >= 0 && !rest; i--)
    if (hasStructure(known[i].structure, obj, skip)) rest = known[i].rest;
  if (!rest) {
    rest = hasSpec
      ? compare({ ...zero, spec: undefined }, { ...obj, spec: undefined }, root)
      : compare(zero, obj, root);
    // Shared by every object of this structure: frozen, as stored sets are.
    rest = { changed: deepFreeze(rest.changed), removed: deepFreeze(rest.removed) };
    if (known.length >= REST_CACHE_SIZE) known.shift();
    known.push({ structure: structureOf(obj, skip), rest });
  }
  if (!hasSpec) return rest;
  const key = String(obj.kind) + JSON.stringify(spec);
  let specSet = specSets.get(key);
  if (!specSet) {
    specSet = compare({ spec: zero.spec }, { spec }, root).changed;
    remember(specSets, SPEC_CACHE_SIZE, key, specSet);
  }
  return { changed: { ...rest.changed, ...specSet }, removed: rest.removed };
}
