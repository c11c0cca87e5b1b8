/**
 * Merging lists: a list with patch strategy `merge` is merged (maps by merge key, scalars as a
 * set), any other list is replaced by the patch's. List items may carry `$patch: delete` (by
 * merge key) or `$patch: replace` (the list becomes the patch's items); `$patch: merge` is
 * refused upstream. `$deleteFromPrimitiveList/<list>` removes scalars.
 *
 * Upstream deletes and appends in place on the original list's backing array, and the
 * `$setElementOrder` step then orders items by that array read at its old length: deleted slots
 * are refilled by the shift and then by the first appended items. `ListView` reproduces what
 * that step sees, which changes where server-only items land next to new ones.
 */
import type { JsonObject, JsonValue } from '../../types';
import { hasKey } from '../json-value';
import { DIRECTIVE, type MergeOptions } from './directives';
import { errBadPatchType, errNoMergeKey, smpError } from './errors';
import { mergeMap } from './merge-map';
import { findMapByKey, normalizeElementOrder, partitionMaps, partitionPrimitives } from './order';
import { deduplicateScalars, sliceElementType } from './scalars';
import type { PatchSchema } from './schema';

/** The original list as the upstream code sees it after a merge (see above). */
export interface ListView {
  serverOrder: JsonValue[];
}

export function mergeSliceHandler(
  original: JsonValue[],
  patch: JsonValue[],
  schema: PatchSchema,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  opts: MergeOptions,
  view?: ListView,
): JsonValue[] {
  if (strategy === 'merge' || isDeleteList)
    return mergeSlice(original, patch, schema, mergeKey, opts, isDeleteList, view);
  return patch;
}

/** The old-length window on a backing array after in-place deletions and appends. */
function sharedView(original: JsonValue[], deleted: number[], appended: JsonValue[]): JsonValue[] {
  const arr = [...original];
  let len = arr.length;
  for (const i of deleted) {
    arr.copyWithin(i, i + 1, len);
    len--;
  }
  for (const v of appended) if (len < arr.length) arr[len++] = v;
  return arr;
}

function deleteFromSlice(current: JsonValue[], toDelete: JsonValue[]): JsonValue[] {
  const del = new Set<JsonValue>(toDelete.filter((v) => v === null || typeof v !== 'object'));
  return current.filter((v) => !del.has(v));
}

/** Applies `$patch: delete` items to `original`; with `$patch: replace` the patch's items replace it. */
function mergeSpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  deleted: number[],
): [JsonValue[], JsonValue[]] {
  const plain: JsonValue[] = [];
  let replace = false;
  let out = original;
  for (const v of patch) {
    const item = v as JsonObject;
    if (!hasKey(item, DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      for (
        let found = findMapByKey(out, mergeKey, item[mergeKey]);
        found;
        found = findMapByKey(out, mergeKey, item[mergeKey])
      ) {
        out = [...out.slice(0, found.index), ...out.slice(found.index + 1)];
        deleted.push(found.index);
      }
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw smpError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, item);
    }
  }
  return replace ? [plain, []] : [out, plain];
}

/** Patch items merge into the original item with the same merge key value, or are appended. */
function mergeByKey(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  schema: PatchSchema,
  opts: MergeOptions,
  appended: JsonValue[],
): JsonValue[] {
  const out = [...original];
  for (const v of patch) {
    const item = v as JsonObject;
    if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    const found = findMapByKey(out, mergeKey, item[mergeKey]);
    if (found) out[found.index] = mergeMap(found.map, item, schema, opts);
    else {
      out.push(v);
      appended.push(v);
    }
  }
  return out;
}

export function mergeSlice(
  original: JsonValue[],
  patch: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  opts: MergeOptions,
  isDeleteList: boolean,
  view?: ListView,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  let merged: JsonValue[];
  if (kind !== 'map') {
    if (opts.mergeParallelList && isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw smpError(`cannot merge lists without merge key for ${schema.name()}`);
    const deleted: number[] = [];
    const appended: JsonValue[] = [];
    const before = original;
    [original, patch] = mergeSpecialElements(original, patch, mergeKey, deleted);
    merged = mergeByKey(original, patch, mergeKey, schema, opts, appended);
    if (view) view.serverOrder = sharedView(before, deleted, appended);
  }
  const [patchItems, serverOnly] =
    mergeKey === '' ? partitionPrimitives(merged, patch) : partitionMaps(merged, patch, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind);
}
