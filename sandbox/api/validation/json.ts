/**
 * Reading decoded JSON the way Go's decoder fills structs: an absent or null field is the zero
 * value (empty string, 0, nil map/slice). Validation never trusts the shape of its input.
 */
export type JsonMap = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A struct field: absent or not an object is an empty struct. */
export function rec(v: unknown): JsonMap {
  return isRecord(v) ? v : {};
}

/** A pointer-to-struct field: undefined when nil. */
export function optRec(v: unknown): JsonMap | undefined {
  return isRecord(v) ? v : undefined;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

export function optNum(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** A slice of structs. */
export function recList(v: unknown): JsonMap[] {
  return Array.isArray(v) ? v.map(rec) : [];
}

export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str) : [];
}

/** A `map[string]string`; undefined when nil. */
export function strMap(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v))
    out[k] = typeof val === 'string' ? val : val == null ? '' : String(val);
  return out;
}

export function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return m ? Object.keys(m).sort() : [];
}

/**
 * apiequality.Semantic.DeepEqual on decoded JSON: absent, null and the zero value of a scalar
 * compare equal (Go cannot tell them apart once omitempty has dropped them), and an empty map or
 * slice equals a nil one.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isZero(a) && isZero(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  if (isRecord(a) || isRecord(b) || Array.isArray(a) || Array.isArray(b)) return false;
  return a === b;
}

function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isRecord(v)) return Object.keys(v).length === 0;
  return false;
}

/** Two `map[string]string` values, nil equal to empty. */
export function mapsEqual(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  return semanticEqual(a ?? {}, b ?? {});
}
