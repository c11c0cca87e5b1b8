/**
 * Mutating decoded JSON the way Go defaulting sees it: a field is "unset" when it is absent or
 * null (a nil pointer), and a string is "empty" when it is also "" (Go cannot tell them apart).
 */
export type JsonMap = Record<string, unknown>;

export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isUnset(v: unknown): boolean {
  return v === undefined || v === null;
}

export function isEmptyString(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** The struct at `key`, created empty when absent (a Go struct field always exists). */
export function ensureMap(parent: JsonMap, key: string): JsonMap {
  const v = parent[key];
  if (isMap(v)) return v;
  const m: JsonMap = {};
  parent[key] = m;
  return m;
}

/** The elements of a list that are objects (others are left alone). */
export function maps(v: unknown): JsonMap[] {
  return Array.isArray(v) ? v.filter(isMap) : [];
}

export function setIfUnset(m: JsonMap, key: string, value: unknown): void {
  if (isUnset(m[key])) m[key] = value;
}

export function setIfEmpty(m: JsonMap, key: string, value: unknown): void {
  if (isEmptyString(m[key])) m[key] = value;
}

/** For int32 fields defaulted when zero (`if obj.TimeoutSeconds == 0`). */
export function setIfZero(m: JsonMap, key: string, value: number): void {
  if (isUnset(m[key]) || m[key] === 0) m[key] = value;
}
