/**
 * `diffLists`: the patch for a list with patch strategy `merge`. Lists of maps give the changed
 * and added items (changed ones reduced to their diff plus the merge key), `$patch: delete` items
 * for removed ones, and a `$setElementOrder` list of merge keys; lists of scalars give the added
 * values, the removed ones (for `$deleteFromPrimitiveList`) and the full new order.
 */
import type { JsonObject, JsonValue } from '../../types';
import { deepEqual } from '../equal';
import { formatV } from '../go-format';
import { compareStrings, hasKey, isJsonObject } from '../json-value';
import { DIRECTIVE, mergeKeyValueEqual } from './directives';
import { errBadArgType, errNoMergeKey, noListOfLists } from './errors';
import { diffMaps, type DiffOptions } from './diff';
import { normalizeSliceOrder } from './order';
import {
  deduplicateAndSortScalars,
  deduplicateScalars,
  sliceElementType,
  sortMapsByField,
  sortScalars,
} from './scalars';
import type { PatchSchema } from './schema';

export interface ListDiff {
  add: JsonValue[];
  del: JsonValue[];
  order: JsonValue[];
}

function isOrderSame(original: JsonValue[], modified: JsonValue[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => mergeKeyValueEqual(original[i], m, mergeKey));
}

/** `sortMergeListsByNameArray` without recursion. */
function sortByMergeKey(list: JsonValue[], mergeKey: string): JsonValue[] {
  if (list.length === 0) return list;
  if (sliceElementType(list) !== 'map') return deduplicateAndSortScalars(list);
  return sortMapsByField(list, mergeKey);
}

function mapAndKey(list: JsonValue[], i: number, mergeKey: string): [JsonObject, JsonValue] {
  const m = list[i];
  if (!isJsonObject(m)) throw errBadArgType('map', m);
  if (!hasKey(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
  return [m, m[mergeKey]];
}

function diffListsOfMaps(
  original: JsonValue[],
  modified: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  opts: DiffOptions,
): [JsonValue[], JsonValue[]] {
  const patch: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  const o = sortByMergeKey(original, mergeKey);
  const m = sortByMergeKey(modified, mergeKey);
  let oi = 0;
  let mi = 0;
  while (oi < o.length || mi < m.length) {
    const [oe, ok] = oi < o.length ? mapAndKey(o, oi, mergeKey) : [undefined, undefined];
    const [me, mk] = mi < m.length ? mapAndKey(m, mi, mergeKey) : [undefined, undefined];
    const cmp = oe && me ? compareStrings(formatV(ok), formatV(mk)) : 0;
    if (oe && me && cmp === 0) {
      const value = diffMaps(oe, me, schema, opts);
      if (Object.keys(value).length > 0) {
        value[mergeKey] = mk as JsonValue;
        patch.push(value);
      }
      oi++;
      mi++;
    } else if (me && (!oe || cmp > 0)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(me);
      mi++;
    } else {
      if (!opts.ignoreDeletions) deletions.push({ [mergeKey]: ok as JsonValue, [DIRECTIVE]: 'delete' });
      oi++;
    }
  }
  return [patch, deletions];
}

/** Sorts `original` in place, as upstream does (the caller then compares the sorted list). */
function diffListsOfScalars(
  original: JsonValue[],
  modified: JsonValue[],
  opts: DiffOptions,
): [JsonValue[], JsonValue[]] {
  const o = sortScalars(original);
  const m = sortScalars([...modified]);
  const add: JsonValue[] = [];
  const del: JsonValue[] = [];
  let oi = 0;
  let mi = 0;
  while (oi < o.length || mi < m.length) {
    const cmp = oi < o.length && mi < m.length ? compareStrings(formatV(o[oi]), formatV(m[mi])) : 0;
    if (oi < o.length && mi < m.length && cmp === 0) {
      oi++;
      mi++;
    } else if (oi >= o.length || cmp > 0) {
      if (!opts.ignoreChangesAndAdditions) add.push(m[mi]);
      mi++;
    } else {
      if (!opts.ignoreDeletions) del.push(o[oi]);
      oi++;
    }
  }
  return [add, deduplicateScalars(del)];
}

export function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  opts: DiffOptions,
): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return { add: [], del: [], order: [] };
    return { add: modified, del: [], order: [] };
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'slice') throw noListOfLists();
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(original, modified, schema, mergeKey, opts);
    const sorted = normalizeSliceOrder(changes, modified, mergeKey, kind);
    const orderSame = isOrderSame(original, modified, mergeKey);
    const add = [...sorted, ...deletions];
    const wantOrder =
      opts.setElementOrder &&
      ((!opts.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) ||
        (!opts.ignoreDeletions && add.length > 0));
    const order = wantOrder ? modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] })) : [];
    return { add, del: [], order };
  }
  const [added, del] = diffListsOfScalars(original, modified, opts);
  const add = normalizeSliceOrder(added, modified, mergeKey, kind);
  const wantOrder =
    opts.setElementOrder &&
    ((!opts.ignoreDeletions && del.length > 0) ||
      (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)));
  return { add, del, order: wantOrder ? modified : [] };
}
