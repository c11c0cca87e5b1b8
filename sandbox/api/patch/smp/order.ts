/**
 * The order of a merged list (apimachinery `normalizeElementOrder` and friends): items named in
 * the patch (or in `$setElementOrder`) keep the patch's order, items only on the server keep
 * theirs, and the two are interleaved by the server's order where both are known; an item the
 * server does not know goes before the server-only item it is compared with. So a new container
 * added by a patch without `$setElementOrder` lands first.
 */
import type { JsonObject, JsonValue } from '../../types';
import type { GoKind } from '../json-value';
import { goEqual, hasKey, isJsonObject } from '../json-value';
import { errBadArgType, errNoMergeKey, smpError } from './errors';

/** `index`: the position of an item in `list`, by merge key for maps, by value otherwise. */
export function indexOf(list: JsonValue[], item: JsonValue, mergeKey: string, kind: GoKind): number {
  const key = (v: JsonValue): JsonValue | undefined =>
    kind === 'map' ? (isJsonObject(v) ? v[mergeKey] : null) : v;
  const want = key(item);
  return list.findIndex((v) => goEqual(key(v), want));
}

/** `findMapInSliceBasedOnKeyValue`. */
export function findMapByKey(
  list: JsonValue[],
  key: string,
  value: JsonValue | undefined,
): { map: JsonObject; index: number } | undefined {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isJsonObject(v)) throw smpError(`value for key ${i} is not a map`);
    if (hasKey(v, key) && goEqual(v[key], value)) return { map: v, index: i };
  }
  return undefined;
}

export function validateMergeKeyInLists(mergeKey: string, ...lists: JsonValue[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw errBadArgType('map', item);
      if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** `extractToDeleteItems`: items without and with `$patch: delete`. */
export function extractToDeleteItems(list: JsonValue[]): [JsonValue[], JsonValue[]] {
  const keep: JsonValue[] = [];
  const del: JsonValue[] = [];
  for (const v of list) {
    if (!isJsonObject(v)) throw errBadArgType('map', v);
    (hasKey(v, '$patch') && v.$patch === 'delete' ? del : keep).push(v);
  }
  return [keep, del];
}

/** Go's `sort.SliceStable` (insertion sort, exact for up to 20 items whatever `less` does). */
function stableSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const s = [...items];
  for (let i = 1; i < s.length; i++) {
    for (let j = i; j > 0 && less(s[j], s[j - 1]); j--) [s[j], s[j - 1]] = [s[j - 1], s[j]];
  }
  return s;
}

/** `normalizeSliceOrder`: sort by the position in `order` (delete directives go last). */
export function normalizeSliceOrder(
  toSort: JsonValue[],
  order: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  let toDelete: JsonValue[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order);
    [toSort, toDelete] = extractToDeleteItems(toSort);
  }
  const sorted = stableSort(toSort, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    const ib = ia >= 0 ? indexOf(order, b, mergeKey, kind) : -1;
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  });
  return [...sorted, ...toDelete];
}

/** `mergeSortedSlice`: interleave server-only items (`left`) into patch items (`right`). */
export function mergeSortedSlice(
  left: JsonValue[],
  right: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) {
      out.push(right[j++]);
    } else if (j >= right.length) {
      out.push(left[i++]);
    } else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

export function normalizeElementOrder(
  patch: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/** Items of `list` present in `by` (compared by value) and the others. */
export function partitionPrimitives(list: JsonValue[], by: JsonValue[]): [JsonValue[], JsonValue[]] {
  const inPatch = (v: JsonValue): boolean =>
    by.some((b) => goEqual(b, v) && (b === null || typeof b !== 'object'));
  return [list.filter(inPatch), list.filter((v) => !inPatch(v))];
}

/** Items of `list` whose merge key value appears in `by`, and the others. */
export function partitionMaps(
  list: JsonValue[],
  by: JsonValue[],
  mergeKey: string,
): [JsonValue[], JsonValue[]] {
  const patch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of list) {
    if (!isJsonObject(v)) throw errBadArgType('map', v);
    if (!hasKey(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    (findMapByKey(by, mergeKey, v[mergeKey]) ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}
