/**
 * The strategic merge patch directives: `$patch` on a map, `$retainKeys`, the parallel lists'
 * key prefixes, and the clean-up of directives from values that are taken as they are.
 */
import type { JsonObject, JsonValue } from '../../types';
import { formatV } from '../go-format';
import { goEqual, hasKey, isJsonObject, setKey } from '../json-value';
import { deepEqual } from '../equal';
import {
  ERR_BAD_PRIMITIVE_LIST,
  ERR_BAD_RETAIN_KEYS,
  ERR_BAD_SET_ELEMENT_ORDER,
  badFormat,
  errBadArgType,
  errBadPatchType,
  errNoMergeKey,
  smpError,
} from './errors';
import { extractToDeleteItems } from './order';

export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER = '$setElementOrder';

export interface MergeOptions {
  /** Apply the parallel lists (server side); when false they are carried over (merging two patches). */
  mergeParallelList: boolean;
  /** Drop nulls that match nothing (server side); when false they stay (a patch for a patch). */
  ignoreUnmatchedNulls: boolean;
}

/** `$patch` in a map: `replace` takes the patch as it is, `delete` leaves `{}`. */
export function handleDirectiveInMergeMap(directive: JsonValue, patch: JsonObject): JsonObject {
  if (directive === 'replace') {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === 'delete') return {};
  throw errBadPatchType(directive, patch);
}

/** `removeDirectives`: maps carrying `$patch` are dropped (`keep` false), deep. Mutates `v`. */
export function removeDirectives(v: JsonValue): { value: JsonValue; keep: boolean } {
  if (isJsonObject(v)) {
    if (hasKey(v, DIRECTIVE)) return { value: null, keep: false };
    for (const k of Object.keys(v)) {
      const r = removeDirectives(v[k]);
      if (r.keep) setKey(v, k, r.value);
      else delete v[k];
    }
    return { value: v, keep: true };
  }
  if (Array.isArray(v)) {
    const out: JsonValue[] = [];
    for (const x of v) {
      const r = removeDirectives(x);
      if (r.keep) out.push(r.value);
    }
    return { value: out, keep: true };
  }
  return { value: v, keep: true };
}

/** Sets `o[k]` to the patch value without its directives, or deletes `k` if the value is one. */
export function takePatchValue(o: JsonObject, k: string, v: JsonValue): void {
  const r = removeDirectives(v);
  if (r.keep) setKey(o, k, r.value);
  else delete o[k];
}

/** `discardNullValuesFromPatch`: deep, also inside lists. Mutates `v`. */
export function discardNulls(v: JsonValue): void {
  if (isJsonObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNulls(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) discardNulls(x);
  }
}

/** `extractKey`: `$setElementOrder/containers` → `containers`. */
export function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    throw badFormat(prefix === SET_ELEMENT_ORDER ? ERR_BAD_SET_ELEMENT_ORDER : ERR_BAD_PRIMITIVE_LIST);
  }
  return s.slice(slash + 1);
}

/**
 * `$retainKeys`: keys of the original missing from the list are cleared, and every non-null
 * patch key must be listed. Between two patches the directive is only carried over.
 */
export function applyRetainKeys(original: JsonObject, patch: JsonObject, opts: MergeOptions): void {
  if (!hasKey(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!opts.mergeParallelList) {
    if (!hasKey(original, RETAIN_KEYS)) {
      setKey(original, RETAIN_KEYS, retain);
    } else if (!deepEqual(original[RETAIN_KEYS], retain)) {
      const msg = `${formatV(original[RETAIN_KEYS])} and ${formatV(retain)} are not deep equal`;
      throw smpError(`${msg}: this may happen when calculating the 3-way diff patch`);
    }
    return;
  }
  if (!Array.isArray(retain)) throw badFormat(ERR_BAD_RETAIN_KEYS);
  const keep = new Set(retain.filter((k): k is string => typeof k === 'string'));
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER))
      continue;
    if (!keep.has(k)) throw badFormat(ERR_BAD_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** `mergeKeyValueEqual`: same merge key value (or the same scalar without a merge key). */
export function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(left, right);
  if (!isJsonObject(left)) throw errBadArgType('map', left);
  if (!isJsonObject(right)) throw errBadArgType('map', right);
  if (!hasKey(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!hasKey(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}

/**
 * `validatePatchWithSetOrderList`: the patch's items (deletions and other directives aside)
 * appear in `$setElementOrder` in the same relative order.
 */
export function validatePatchWithSetOrderList(
  patchList: JsonValue[],
  setOrder: JsonValue[],
  mergeKey: string,
): void {
  if (setOrder.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrder.length) {
    const item = nonDelete[p];
    if (isJsonObject(item) && hasKey(item, DIRECTIVE)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrder[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrder.length) {
    throw smpError(
      `The order in patch list:\n${formatV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${formatV(setOrder)}\n`,
    );
  }
}
