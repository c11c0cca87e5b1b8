/**
 * Go's encoding/json with 4-space indentation, HTML characters escaped; keys sorted (a map, as for
 * the unstructured objects kubectl prints) unless `sortKeys` is false (a typed struct: field order).
 */
function quote(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function encode(v: unknown, indent: string, step: string, sortKeys: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const inner = indent + step;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + encode(x, inner, step, sortKeys)).join(',\n')}\n${indent}]`;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (sortKeys) keys.sort();
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${quote(k)}: ${encode(obj[k], inner, step, sortKeys)}`).join(',\n')}\n${indent}}`;
}

export function toJson(value: unknown, step = '    ', sortKeys = true): string {
  return `${encode(value, '', step, sortKeys)}\n`;
}

/** Compact JSON with sorted keys (the last-applied annotation, patches). */
export function compactJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${quote(k)}:${compactJson(obj[k])}`).join(',')}}`;
}
