/**
 * `diffMaps`: the strategic merge patch that turns `original` into `modified` (what kubectl
 * computes for apply, edit and set): added and changed keys, `null` for removed keys, lists with
 * patch strategy `merge` diffed item by item (see `diff-list.ts`), and `$retainKeys` for fields
 * with the `retainKeys` strategy.
 */
import type { JsonObject, JsonValue } from '../../types';
import { deepEqual } from '../equal';
import { goKind, hasKey, setKey } from '../json-value';
import { DELETE_FROM_PRIMITIVE_LIST, DIRECTIVE, RETAIN_KEYS, SET_ELEMENT_ORDER } from './directives';
import { smpError } from './errors';
import { diffLists } from './diff-list';
import { sortScalars } from './scalars';
import { type PatchSchema, extractStrategy } from './schema';

export interface DiffOptions {
  /** Emit `$setElementOrder/<list>` for merged lists. */
  setElementOrder: boolean;
  /** Leave out additions and changes (only deletions). */
  ignoreChangesAndAdditions: boolean;
  /** Leave out deletions. */
  ignoreDeletions: boolean;
  /** Emit `$retainKeys` for this map (its field has the retainKeys strategy). */
  buildRetainKeysDirective: boolean;
}

export const DIFF_DEFAULTS: DiffOptions = {
  setElementOrder: false,
  ignoreChangesAndAdditions: false,
  ignoreDeletions: false,
  buildRetainKeysDirective: false,
};

function replaceIfNotEqual(
  key: string,
  original: JsonValue,
  modified: JsonValue,
  patch: JsonObject,
  opts: DiffOptions,
): void {
  if (opts.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  setKey(patch, key, modified);
}

function diffMapField(
  key: string,
  original: JsonObject,
  modified: JsonObject,
  patch: JsonObject,
  schema: PatchSchema,
  opts: DiffOptions,
): void {
  const [sub, meta] = schema.forStruct(key);
  const { retainKeys, strategy } = extractStrategy(meta.strategies);
  if (strategy === 'replace') {
    if (!opts.ignoreChangesAndAdditions) setKey(patch, key, modified);
    return;
  }
  const value = diffMaps(original, modified, sub, { ...opts, buildRetainKeysDirective: retainKeys });
  if (Object.keys(value).length > 0) setKey(patch, key, value);
}

function diffListField(
  key: string,
  original: JsonValue[],
  modified: JsonValue[],
  patch: JsonObject,
  schema: PatchSchema,
  opts: DiffOptions,
): void {
  const [sub, meta] = schema.forSlice(key);
  const { retainKeys, strategy } = extractStrategy(meta.strategies);
  if (strategy !== 'merge') {
    replaceIfNotEqual(key, original, modified, patch, opts);
    return;
  }
  const { add, del, order } = diffLists(original, modified, sub, meta.mergeKey, {
    ...opts,
    buildRetainKeysDirective: retainKeys,
  });
  if (add.length > 0) setKey(patch, key, add);
  if (del.length > 0) setKey(patch, `${DELETE_FROM_PRIMITIVE_LIST}/${key}`, del);
  if (order.length > 0) setKey(patch, `${SET_ELEMENT_ORDER}/${key}`, order);
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.keys(original).some((k) => original[k] !== null && !hasKey(modified, k));
}

export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  schema: PatchSchema,
  opts: DiffOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeysList: JsonValue[] = [];
  for (const key of Object.keys(modified)) {
    const mv = modified[key];
    if (opts.buildRetainKeysDirective && mv !== null) retainKeysList.push(key);
    if (!hasKey(original, key)) {
      if (!opts.ignoreChangesAndAdditions) setKey(patch, key, mv);
      continue;
    }
    const ov = original[key];
    if (key === DIRECTIVE) {
      if (typeof ov !== 'string' || typeof mv !== 'string')
        throw smpError(`invalid value for special key: ${DIRECTIVE}`);
      if (ov !== mv) setKey(patch, DIRECTIVE, mv);
      continue;
    }
    if (goKind(ov) !== goKind(mv)) {
      if (!opts.ignoreChangesAndAdditions) setKey(patch, key, mv);
      continue;
    }
    if (goKind(ov) === 'map') diffMapField(key, ov as JsonObject, mv as JsonObject, patch, schema, opts);
    else if (Array.isArray(ov)) diffListField(key, ov, mv as JsonValue[], patch, schema, opts);
    else replaceIfNotEqual(key, ov, mv, patch, opts);
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasKey(modified, key)) setKey(patch, key, null);
  }
  if (
    retainKeysList.length > 0 &&
    (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))
  ) {
    setKey(patch, RETAIN_KEYS, sortScalars(retainKeysList));
  }
  return patch;
}
