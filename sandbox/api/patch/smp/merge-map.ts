/**
 * `mergeMap`: merges a strategic merge patch map into an original map, in place. The steps run
 * in upstream's order: a `$patch` directive on the map, `$retainKeys`, the `$setElementOrder`
 * lists, then each remaining key (`null` deletes; a missing or differently typed original takes
 * the patch value; maps and lists recurse by their patch strategy; scalars are replaced).
 */
import type { JsonObject, JsonValue } from '../../types';
import { goKind, hasKey, setKey } from '../json-value';
import {
  DELETE_FROM_PRIMITIVE_LIST,
  DIRECTIVE,
  type MergeOptions,
  applyRetainKeys,
  discardNulls,
  extractKey,
  handleDirectiveInMergeMap,
  takePatchValue,
} from './directives';
import { mergeSliceHandler } from './merge-list';
import { type PatchSchema, extractStrategy } from './schema';
import { mergeSetElementOrder } from './set-element-order';

export const SERVER_MERGE: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };
export const PATCH_MERGE: MergeOptions = { mergeParallelList: false, ignoreUnmatchedNulls: false };

export function mergeMap(
  original: JsonObject | null,
  patch: JsonObject,
  schema: PatchSchema,
  opts: MergeOptions,
): JsonObject {
  if (hasKey(patch, DIRECTIVE)) return handleDirectiveInMergeMap(patch[DIRECTIVE], patch);
  const out = original ?? {};
  applyRetainKeys(out, patch, opts);
  mergeSetElementOrder(out, patch, schema, opts);

  for (const patchKey of Object.keys(patch)) {
    const patchV = patch[patchKey];
    let k = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!opts.mergeParallelList) {
        setKey(out, patchKey, patchV);
        continue;
      }
      isDeleteList = true;
      k = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST) || patchKey;
    }

    if (patchV === null) {
      delete out[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }

    if (!hasKey(out, k) || goKind(out[k]) !== goKind(patchV)) {
      if (!isDeleteList) {
        if (opts.ignoreUnmatchedNulls) discardNulls(patchV);
        takePatchValue(out, k, patchV);
      }
      continue;
    }

    const cur = out[k];
    switch (goKind(cur)) {
      case 'map': {
        const [sub, meta] = schema.forStruct(k);
        const { strategy } = extractStrategy(meta.strategies);
        setKey(
          out,
          k,
          strategy === 'replace' ? patchV : mergeMap(cur as JsonObject, patchV as JsonObject, sub, opts),
        );
        break;
      }
      case 'slice': {
        const [sub, meta] = schema.forSlice(k);
        const { strategy } = extractStrategy(meta.strategies);
        const merged = mergeSliceHandler(
          cur as JsonValue[],
          patchV as JsonValue[],
          sub,
          strategy,
          meta.mergeKey,
          isDeleteList,
          opts,
        );
        setKey(out, k, merged);
        break;
      }
      default:
        takePatchValue(out, k, patchV);
    }
  }
  return out;
}
