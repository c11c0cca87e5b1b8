/**
 * JSON merge patch (RFC 7386, `application/merge-patch+json`) as the API server applies it with
 * evanphx/json-patch v4 `MergePatch`: `null` deletes a key, objects merge recursively, anything
 * else (arrays included) replaces. One upstream detail differs from the RFC's pseudo-code: nulls
 * are pruned from a value that does not merge into an object (also inside arrays), but not from
 * a non-object value that replaces an existing object.
 */
import type { JsonObject, JsonValue } from '../types';
import { cloneJson, hasKey, isJsonObject, setKey } from './json-value';

/** `ErrBadJSONPatch`: a `null` or scalar merge patch. */
export const BAD_MERGE_PATCH = 'Invalid JSON Patch';

export class MergePatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergePatchError';
  }
}

function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map((x) => (x === null ? null : pruneNulls(x)));
  if (!isJsonObject(v)) return v;
  const out: JsonObject = {};
  for (const k of Object.keys(v)) if (v[k] !== null) setKey(out, k, pruneNulls(v[k]));
  return out;
}

function mergeValue(cur: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(cur)) return pruneNulls(patch);
  if (!isJsonObject(patch)) return cloneJson(patch);
  return mergeObjects(cur, patch);
}

/** Merges `patch` into a copy of `doc`. */
export function mergeObjects(doc: JsonObject, patch: JsonObject): JsonObject {
  const out = cloneJson(doc);
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      delete out[k];
    } else if (!hasKey(out, k) || out[k] === null) {
      setKey(out, k, pruneNulls(v));
    } else {
      setKey(out, k, mergeValue(out[k], v));
    }
  }
  return out;
}

/**
 * `MergePatch(doc, patch)`. An object patch merges; an array patch becomes the document (the
 * server then fails to decode it); `null` or a scalar is `Invalid JSON Patch`.
 */
export function jsonMergePatch(doc: JsonObject, patch: JsonValue): JsonValue {
  if (isJsonObject(patch)) return mergeObjects(doc, patch);
  if (Array.isArray(patch)) return pruneNulls(patch);
  throw new MergePatchError(BAD_MERGE_PATCH);
}
