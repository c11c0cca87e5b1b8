/**
 * `$setElementOrder/<list>` (apimachinery `mergePatchIntoOriginal`): the list named by the
 * directive is merged first, then ordered: items named in the directive follow its order, items
 * only on the server keep their relative place. Between two patches (client side) the directive
 * is carried over instead and must agree if both patches have it.
 */
import type { JsonObject, JsonValue } from '../../types';
import { deepEqual } from '../equal';
import { hasKey, setKey } from '../json-value';
import { ERR_BAD_SET_ELEMENT_ORDER, badFormat, errBadArgType } from './errors';
import {
  type MergeOptions,
  SET_ELEMENT_ORDER,
  extractKey,
  removeDirectives,
  validatePatchWithSetOrderList,
} from './directives';
import { type ListView, mergeSliceHandler } from './merge-list';
import { normalizeElementOrder, partitionMaps, partitionPrimitives } from './order';
import { sliceElementType } from './scalars';
import { type PatchSchema, extractStrategy } from './schema';

function listOrThrow(v: JsonValue | undefined): JsonValue[] {
  if (!Array.isArray(v)) throw errBadArgType('slice', v);
  return v;
}

export function mergeSetElementOrder(
  original: JsonObject,
  patch: JsonObject,
  schema: PatchSchema,
  opts: MergeOptions,
): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    if (!opts.mergeParallelList) {
      if (!hasKey(original, key)) setKey(original, key, order);
      else if (!deepEqual(original[key], order)) throw badFormat(ERR_BAD_SET_ELEMENT_ORDER);
    }
    delete patch[key];

    const setOrder = listOrThrow(order);
    const listKey = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = hasKey(original, listKey);
    const foundPatch = hasKey(patch, listKey);
    const originalList = foundOriginal ? listOrThrow(original[listKey]) : [];
    const patchList = foundPatch ? listOrThrow(patch[listKey]) : [];
    const [sub, meta] = schema.forSlice(listKey);
    const { strategy } = extractStrategy(meta.strategies);
    validatePatchWithSetOrderList(patchList, setOrder, meta.mergeKey);

    let merged: JsonValue[];
    const view: ListView = { serverOrder: originalList };
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList).value as JsonValue[];
    else if (foundOriginal && foundPatch) {
      merged = mergeSliceHandler(originalList, patchList, sub, strategy, meta.mergeKey, false, opts, view);
    } else continue;

    const [patchItems, serverOnly] =
      meta.mergeKey === ''
        ? partitionPrimitives(merged, setOrder)
        : partitionMaps(merged, setOrder, meta.mergeKey);
    const kind = sliceElementType(originalList, patchList);
    const ordered = normalizeElementOrder(
      patchItems,
      serverOnly,
      setOrder,
      view.serverOrder,
      meta.mergeKey,
      kind,
    );
    setKey(original, listKey, ordered);
    delete patch[listKey];
  }
}
