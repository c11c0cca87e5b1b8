/**
 * Creating JSON merge patches as kubectl does for types without a strategic schema (custom
 * resources): evanphx/json-patch `CreateMergePatch` and apimachinery
 * `jsonmergepatch.CreateThreeWayJSONMergePatch` (client-side apply).
 */
import type { JsonObject, JsonValue } from '../types';
import { deepEqual } from './equal';
import { goKind, hasKey, isJsonObject, setKey } from './json-value';
import { mergeObjects } from './json-merge';
import { MergeConflictError, type PreconditionFn, PreconditionFailedError, sortKeysDeep } from './smp/create';

/** `getDiff`: keys added or changed in `b` with b's value, keys gone from `a` as `null`. */
function getDiff(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const key of Object.keys(b)) {
    const bv = b[key];
    if (!hasKey(a, key) || goKind(a[key]) !== goKind(bv)) {
      setKey(into, key, bv);
      continue;
    }
    const av = a[key];
    if (isJsonObject(av)) {
      const d = getDiff(av, bv as JsonObject);
      if (Object.keys(d).length > 0) setKey(into, key, d);
    } else if (!deepEqual(av, bv)) {
      setKey(into, key, bv);
    }
  }
  for (const key of Object.keys(a)) if (!hasKey(b, key)) setKey(into, key, null);
  return into;
}

/** `CreateMergePatch(original, modified)` for two objects. Keys come out sorted. */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  return sortKeysDeep(getDiff(original, modified));
}

/** `keepOrDeleteNullInObj`: keep only the nulls (deletions), or only the non-nulls. */
function keepOrDeleteNull(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(m)) {
    const v = m[key];
    if (v === null) {
      if (keepNull) setKey(out, key, null);
    } else if (isJsonObject(v)) {
      if (Object.keys(v).length === 0) {
        if (!keepNull) setKey(out, key, v);
        continue;
      }
      const sub = keepOrDeleteNull(v, keepNull);
      if (Object.keys(sub).length > 0) setKey(out, key, sub);
    } else if (!keepNull) {
      setKey(out, key, v);
    }
  }
  return out;
}

/** `mergepatch.HasConflicts`: both patches set a key to different values. */
function hasConflicts(left: JsonValue, right: JsonValue): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true;
    return Object.keys(left).some((k) => hasKey(right, k) && hasConflicts(left[k], right[k]));
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true;
    return left.some((v, i) => hasConflicts(v, right[i]));
  }
  return !deepEqual(left, right);
}

/**
 * kubectl's client-side apply patch for custom resources: additions and changes from `current`
 * to `modified`, deletions from `original` (last-applied) to `modified`.
 */
export function createThreeWayJsonMergePatch(
  original: JsonObject,
  modified: JsonObject,
  current: JsonObject,
  preconditions: readonly PreconditionFn[] = [],
): JsonObject {
  const addAndChange = keepOrDeleteNull(getDiff(current, modified), false);
  const deletions = keepOrDeleteNull(getDiff(original, modified), true);
  if (hasConflicts(addAndChange, deletions)) throw new MergeConflictError(addAndChange, deletions);
  const patch = mergeObjects(deletions, addAndChange);
  for (const fn of preconditions) if (!fn(patch)) throw new PreconditionFailedError(patch);
  return sortKeysDeep(patch);
}
