/**
 * Creating strategic merge patches as kubectl does (apimachinery `CreateTwoWayMergePatch`,
 * `CreateThreeWayMergePatch`). Patches come out with their keys sorted, as Go's JSON encoder
 * writes them.
 */
import type { JsonObject, JsonValue } from '../../types';
import { formatV } from '../go-format';
import { cloneJson, compareStrings, hasKey, isJsonObject, setKey } from '../json-value';
import { mergingMapsHaveConflicts } from './conflicts';
import { DIFF_DEFAULTS, diffMaps } from './diff';
import { PATCH_MERGE, mergeMap } from './merge-map';
import { PatchSchema, type SchemaResolver } from './schema';
import { toYaml } from './yaml';

/** A check on a computed patch (apimachinery `mergepatch.PreconditionFunc`). */
export type PreconditionFn = (patch: JsonObject) => boolean;

/** The patch must not touch `key` (kubectl apply: `apiVersion`, `kind`). */
export function requireKeyUnchanged(key: string): PreconditionFn {
  return (patch) => !hasKey(patch, key);
}

/** The patch must not touch `metadata.<key>` (kubectl apply: `name`). */
export function requireMetadataKeyUnchanged(key: string): PreconditionFn {
  return (patch) => {
    const m = patch.metadata;
    return !isJsonObject(m) || !hasKey(m, key);
  };
}

/** A precondition failed: `precondition failed for: map[...]`. */
export class PreconditionFailedError extends Error {
  constructor(patch: JsonObject) {
    super(`precondition failed for: ${formatV(patch)}`);
    this.name = 'PreconditionFailedError';
  }
}

/** With overwrite off: the patch changes keys that changed differently from last-applied to live. */
export class MergeConflictError extends Error {
  constructor(patch: JsonObject, changed: JsonObject) {
    super(
      `patch:\n${toYaml(patch)}\nconflicts with changes made from original to current:\n${toYaml(changed)}\n`,
    );
    this.name = 'MergeConflictError';
  }
}

export function sortKeysDeep<T extends JsonValue>(v: T): T {
  if (Array.isArray(v)) return v.map(sortKeysDeep) as T;
  if (!isJsonObject(v)) return v;
  const out: JsonObject = {};
  for (const k of Object.keys(v).sort(compareStrings)) setKey(out, k, sortKeysDeep(v[k]));
  return out as T;
}

function checkPreconditions(patch: JsonObject, fns: readonly PreconditionFn[]): void {
  for (const fn of fns) if (!fn(patch)) throw new PreconditionFailedError(patch);
}

/** The patch that turns `original` into `modified` (kubectl edit, set, …), with `$setElementOrder`. */
export function createTwoWayMergePatch(
  original: JsonObject,
  modified: JsonObject,
  typeName: string | undefined,
  resolve: SchemaResolver | undefined,
  preconditions: readonly PreconditionFn[] = [],
): JsonObject {
  const schema = PatchSchema.of(typeName, resolve);
  const patch = diffMaps(cloneJson(original), cloneJson(modified), schema, {
    ...DIFF_DEFAULTS,
    setElementOrder: true,
  });
  checkPreconditions(patch, preconditions);
  return sortKeysDeep(patch);
}

/**
 * kubectl's client-side apply patch: the changes and additions from `current` (live) to
 * `modified` (the new manifest), plus the deletions from `original` (last-applied) to
 * `modified`. Fields others added to the live object stay. With `overwrite` false, a patch that
 * changes a field someone changed since the last apply throws `MergeConflictError`.
 */
export function createThreeWayMergePatch(
  original: JsonObject,
  modified: JsonObject,
  current: JsonObject,
  typeName: string | undefined,
  resolve: SchemaResolver | undefined,
  overwrite: boolean,
  preconditions: readonly PreconditionFn[] = [],
): JsonObject {
  const schema = PatchSchema.of(typeName, resolve);
  const originalMap = cloneJson(original);
  const modifiedMap = cloneJson(modified);
  const currentMap = cloneJson(current);
  const delta = diffMaps(currentMap, modifiedMap, schema, {
    ...DIFF_DEFAULTS,
    ignoreDeletions: true,
    setElementOrder: true,
  });
  const deletions = diffMaps(originalMap, modifiedMap, schema, {
    ...DIFF_DEFAULTS,
    setElementOrder: true,
    ignoreChangesAndAdditions: true,
  });
  const patch = mergeMap(deletions, delta, schema, PATCH_MERGE);
  checkPreconditions(patch, preconditions);
  if (!overwrite) {
    const changed = diffMaps(originalMap, currentMap, schema, DIFF_DEFAULTS);
    if (mergingMapsHaveConflicts(patch, changed, schema)) throw new MergeConflictError(patch, changed);
  }
  return sortKeysDeep(patch);
}
