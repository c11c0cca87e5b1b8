/**
 * `MergingMapsHaveConflicts`: whether two strategic merge patches change a key differently.
 * kubectl's three-way patch runs it when overwriting is off (`kubectl apply --overwrite=false`).
 */
import type { JsonObject, JsonValue } from '../../types';
import { deepEqual } from '../equal';
import { formatS } from '../go-format';
import { hasKey, isJsonObject } from '../json-value';
import { DIRECTIVE, RETAIN_KEYS } from './directives';
import { smpError } from './errors';
import { deduplicateAndSortScalars, sliceElementType } from './scalars';
import { type PatchSchema, extractStrategy } from './schema';

export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema): boolean {
  return fieldsHaveConflicts(left, right, schema, '', '');
}

function fieldsHaveConflicts(
  left: JsonValue,
  right: JsonValue,
  schema: PatchSchema,
  strategy: string,
  mergeKey: string,
): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true;
    const l = hasKey(left, DIRECTIVE);
    const r = hasKey(right, DIRECTIVE);
    if ((l || r) && (l !== r || left[DIRECTIVE] !== right[DIRECTIVE])) return true;
    if (strategy === 'replace') return false;
    return mapsHaveConflicts(left, right, schema);
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    return slicesHaveConflicts(left, right, schema, strategy, mergeKey);
  }
  return !deepEqual(left, right);
}

function mapsHaveConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema): boolean {
  for (const key of Object.keys(left)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || !hasKey(right, key)) continue;
    const lv = left[key];
    let sub = schema;
    let strategy = '';
    let mergeKey = '';
    if (Array.isArray(lv) || isJsonObject(lv)) {
      const [s, meta] = Array.isArray(lv) ? schema.forSlice(key) : schema.forStruct(key);
      sub = s;
      strategy = extractStrategy(meta.strategies).strategy;
      mergeKey = meta.mergeKey;
    }
    if (fieldsHaveConflicts(lv, right[key], sub, strategy, mergeKey)) return true;
  }
  return false;
}

function byMergeKey(list: JsonValue[], mergeKey: string): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  for (const v of list) {
    if (!isJsonObject(v)) throw smpError(`invalid element type in merging list:${formatS(list)}`);
    if (!hasKey(v, mergeKey))
      throw smpError(`cannot find merge key \`${mergeKey}\` in merging list element:${formatS(v)}`);
    out.set(formatS(v[mergeKey]), v);
  }
  return out;
}

function slicesHaveConflicts(
  left: JsonValue[],
  right: JsonValue[],
  schema: PatchSchema,
  strategy: string,
  mergeKey: string,
): boolean {
  const kind = sliceElementType(left, right);
  if (strategy === 'merge') {
    if (kind !== 'map') return false;
    const l = byMergeKey(left, mergeKey);
    const r = byMergeKey(right, mergeKey);
    for (const [k, v] of l) {
      if (r.has(k) && fieldsHaveConflicts(v, r.get(k)!, schema, '', '')) return true;
    }
    return false;
  }
  if (left.length !== right.length) return true;
  const a = kind === 'map' ? left : deduplicateAndSortScalars([...left]);
  const b = kind === 'map' ? right : deduplicateAndSortScalars([...right]);
  return a.some((v, i) => fieldsHaveConflicts(v, b[i], schema, '', ''));
}
