/**
 * Server-side apply of one configuration (SMD's Updater.Apply): merge it into the live object,
 * remove what this manager applied before and nobody owns any more, find the fields whose values
 * it changes that other managers own (a conflict unless forced, then they lose them), and record
 * the applier's entry (operation Apply) with exactly the fields of the configuration.
 */
import type { FieldSchema } from '../schema/types';
import { deepEqual } from '../patch/equal';
import { compare } from './compare';
import { appliedSet } from './applied-set';
import { type Fields, LEAF, difference, intersection, isEmpty, overlaps, union } from './fields';
import { type ManagedFieldsEntry, type ManagerId, entry, sameManager, sortEntries } from './entries';
import { mergeValue } from './merge';
import { pruneSet, removeItems } from './prune';
import { conflictError, type ManagerConflict } from './conflict';

export interface ApplyRequest {
  /** The live object without managedFields (a zero object when the apply creates it). */
  live: Record<string, unknown>;
  config: Record<string, unknown>;
  entries: ManagedFieldsEntry[];
  root: FieldSchema | undefined;
  id: ManagerId;
  force: boolean;
  now: string;
  /** Drops the paths this endpoint does not own (status on the main resource...). */
  owned: (set: Fields) => Fields;
}

export interface ApplyResult {
  object: Record<string, unknown>;
  entries: ManagedFieldsEntry[];
  /** Did the object (not counting managedFields) change? */
  changed: boolean;
}

/** Fields that are never pruned themselves (their children may be). */
const KEEP: Fields = { 'f:metadata': LEAF, 'f:apiVersion': LEAF, 'f:kind': LEAF };

export function applyConfiguration(a: ApplyRequest): ApplyResult {
  let merged = mergeValue(a.live, a.config, a.root) as Record<string, unknown>;
  const set = a.owned(appliedSet(a.config, a.root));
  const mine = a.entries.find((e) => sameManager(e, a.id));
  const others = a.entries.filter((e) => e !== mine);

  if (mine && !isEmpty(mine.fieldsV1)) {
    let owned = union(KEEP, set);
    for (const e of others) owned = union(owned, e.fieldsV1);
    const gone = pruneSet(mine.fieldsV1, owned, a.root);
    if (!isEmpty(gone)) merged = removeItems(merged, gone, a.root) as Record<string, unknown>;
  }

  const cmp = compare(a.live, merged, a.root);
  const changedFields = union(cmp.changed, {});
  const conflicts: ManagerConflict[] = [];
  for (const e of others) {
    if (!overlaps(e.fieldsV1, changedFields)) continue;
    conflicts.push({ entry: e, fields: intersection(e.fieldsV1, changedFields) });
  }
  if (conflicts.length && !a.force) throw conflictError(conflicts);

  const out: ManagedFieldsEntry[] = [];
  for (const e of others) {
    let s = e.fieldsV1;
    if (overlaps(s, changedFields)) s = difference(s, changedFields);
    if (overlaps(s, cmp.removed)) s = difference(s, cmp.removed);
    if (isEmpty(s)) continue;
    out.push(s === e.fieldsV1 ? e : { ...e, fieldsV1: s });
  }
  const changed = !deepEqual(a.live, merged);
  if (!isEmpty(set)) out.push(entry(a.id, set, changed ? a.now : mine?.time));
  return { object: merged, entries: sortEntries(out), changed };
}
