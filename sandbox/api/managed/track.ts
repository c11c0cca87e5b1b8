/**
 * managedFields of create, update and patch (operation Update): the writer owns what it changed,
 * which is taken from every other manager, as are the fields it removed; entries left empty go;
 * the writer's entry (same manager, operation, API version and subresource) grows and gets the
 * write's time only when the write changed something.
 */
import type { FieldSchema } from '../schema/types';
import { type Comparison, compare } from './compare';
import { type Fields, difference, isEmpty, overlaps, union } from './fields';
import { type ManagedFieldsEntry, type ManagerId, entry, sameManager, sortEntries } from './entries';

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
  for (const e of entries) {
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
  if (!isEmpty(changed)) out.push(entry(id, union(own, changed), now));
  else if (mine && !isEmpty(own)) out.push(own === mine.fieldsV1 ? mine : { ...mine, fieldsV1: own });
  return sortEntries(out);
}

/**
 * The spec sets of recent creates, by content: a controller creating a thousand pods from one
 * template computes the set of that spec once, and every pod shares it (frozen once, stored once).
 */
const specSets = new Map<string, Fields>();
const SPEC_CACHE_SIZE = 32;

function compareCreated(
  zero: Record<string, unknown>,
  obj: Record<string, unknown>,
  root: FieldSchema | undefined,
): Comparison {
  const spec = obj.spec;
  if (spec === undefined || spec === null || typeof spec !== 'object') return compare(zero, obj, root);
  const key = String(obj.kind) + JSON.stringify(spec);
  let specSet = specSets.get(key);
  if (!specSet) {
    specSet = compare({ spec: zero.spec }, { spec }, root).changed;
    if (specSets.size >= SPEC_CACHE_SIZE) specSets.delete(specSets.keys().next().value!);
    specSets.set(key, specSet);
  }
  const rest = compare({ ...zero, spec: undefined }, { ...obj, spec: undefined }, root);
  return { changed: { ...rest.changed, ...specSet }, removed: rest.removed };
}
