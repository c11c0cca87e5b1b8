/**
 * How Go prints values in the messages the API server returns: `encoding/json` type errors,
 * `strconv.Quote`, `fmt`'s `%v` of decoded JSON (`map[a:1 b:[x y]]`) and number literals.
 */

/** The JSON kind a decode error names: `string`, `number`, `bool`, `object`, `array`. */
import { goFloat, goQuote } from '../go/strconv';

export { goFloat, goQuote };
export function jsonKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return 'object';
}

/**
 * The literal text of a JSON number as a Go decoder sees it. Integers print in full; other numbers
 * the way JavaScript prints them (JSON.parse has already lost `1.0` versus `1`).
 */
export function numberLiteral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** Where a type error happened: the innermost Go struct and the JSON field names leading to it. */
export interface ErrorContext {
  struct: string;
  fields: readonly string[];
}

/**
 * `encoding/json`'s UnmarshalTypeError: `json: cannot unmarshal string into Go struct field
 * DeploymentSpec.spec.replicas of type int32`, or `... into Go value of type int32` without a context.
 */
export function unmarshalTypeError(value: string, goType: string, ctx: ErrorContext | undefined): string {
  if (ctx && (ctx.struct !== '' || ctx.fields.length > 0)) {
    return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${goType}`;
  }
  return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
}

/**
 * `fmt.Sprintf("%+v", v)` of a value decoded from JSON into `interface{}` (integers as int64, other
 * numbers as float64): `map[metadata:map[name:x] spec:map[replicas:3]]`, maps with sorted keys.
 */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? numberLiteral(value) : goFloat(value);
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort(compareGoStrings);
  return `map[${keys.map((k) => `${k}:${goSprint(obj[k])}`).join(' ')}]`;
}

/** Go compares strings byte by byte (UTF-8); for the ASCII keys of Kubernetes objects this is code-unit order. */
export function compareGoStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
