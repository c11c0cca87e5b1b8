/**
 * How Go's fmt prints decoded JSON values (`%v`, `%s`) and their types (reflect.TypeOf): the
 * upstream patch error messages embed them, e.g. `map: map[image:nginx] does not contain declared
 * merge key: name`, and strategic merge patch sorts scalars by their `%v` text.
 */
import type { JsonValue } from '../types';
import { compareStrings, goKind } from './json-value';

import { goFloat as formatGoFloat } from '../go/strconv';

export { formatGoFloat };

function sortedKeys(o: { [k: string]: JsonValue }): string[] {
  return Object.keys(o).sort(compareStrings);
}

/** Go's `%v`. */
export function formatV(v: JsonValue | undefined): string {
  switch (goKind(v)) {
    case 'nil':
      return '<nil>';
    case 'map': {
      const o = v as { [k: string]: JsonValue };
      return `map[${sortedKeys(o)
        .map((k) => `${k}:${formatV(o[k])}`)
        .join(' ')}]`;
    }
    case 'slice':
      return `[${(v as JsonValue[]).map(formatV).join(' ')}]`;
    case 'float64':
      return formatGoFloat(v as number);
    default:
      return String(v);
  }
}

/** Go's `%s`: strings as they are, other scalars as `%!s(int64=5)`. */
export function formatS(v: JsonValue | undefined): string {
  const kind = goKind(v);
  switch (kind) {
    case 'string':
      return v as string;
    case 'nil':
      return '%!s(<nil>)';
    case 'map': {
      const o = v as { [k: string]: JsonValue };
      return `map[${sortedKeys(o)
        .map((k) => `${k}:${formatS(o[k])}`)
        .join(' ')}]`;
    }
    case 'slice':
      return `[${(v as JsonValue[]).map(formatS).join(' ')}]`;
    default:
      return `%!s(${kind}=${formatV(v)})`;
  }
}

/** `reflect.TypeOf(v)` printed with `%s`, as in `expected a []interface {}, but received a string`. */
export function goTypeName(v: JsonValue | undefined): string {
  switch (goKind(v)) {
    case 'nil':
      return '%!s(<nil>)';
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    default:
      return goKind(v);
  }
}

/** The JSON kind encoding/json names in `json: cannot unmarshal <kind> into Go value of type ...`. */
export function jsonKindName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}
