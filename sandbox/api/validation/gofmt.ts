/**
 * How the API server prints the bad value of a field error: apimachinery's field.Error renders
 * int/bool values plainly, strings with Go's %q, dereferences a pointer (a nil one prints as the
 * quoted string "null") and prints everything else (maps, slices, structs) with Go's %#v.
 *
 * `GoValue` describes the Go value the real validator holds, so the same text comes out:
 * `map[string]string{"app":"nginx"}`, `intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}`,
 * `v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
 */

import { goQuote } from '../go/strconv';

export { goQuote };
export type GoValue =
  | { kind: 'int'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  /** A nil map, slice or pointer of the given Go type (`map[string]string`, `*int32`). */
  | { kind: 'nil'; type: string }
  /** A non-nil pointer; `type` is the pointer type (`*apps.RollingUpdateDeployment`). */
  | { kind: 'ptr'; type: string; to: GoValue }
  /** A non-nil map; entries are printed with keys sorted, as fmt does. */
  | { kind: 'map'; type: string; entries: Array<[string, GoValue]> }
  /** A non-nil slice. */
  | { kind: 'slice'; type: string; items: GoValue[] }
  | { kind: 'struct'; type: string; fields: Array<[string, GoValue]> };

/** A stand-in for the heap address %#v prints for a non-nil pointer inside a struct. */
const FAKE_ADDRESS = '0xc000a2c3f0';

export const goInt = (value: number): GoValue => ({ kind: 'int', value });
export const goBool = (value: boolean): GoValue => ({ kind: 'bool', value });
export const goString = (value: string): GoValue => ({ kind: 'string', value });
export const goNil = (type: string): GoValue => ({ kind: 'nil', type });
export const goPtr = (type: string, to: GoValue): GoValue => ({ kind: 'ptr', type, to });
export const goStruct = (type: string, fields: Array<[string, GoValue]>): GoValue => ({
  kind: 'struct',
  type,
  fields,
});

/** Go's %#v. */
export function goSharpV(v: GoValue): string {
  switch (v.kind) {
    case 'int':
      return String(v.value);
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'string':
      return goQuote(v.value);
    case 'nil':
      return v.type.startsWith('*') ? `(${v.type})(nil)` : `${v.type}(nil)`;
    case 'ptr':
      return `(${v.type})(${FAKE_ADDRESS})`;
    case 'map': {
      const entries = [...v.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `${v.type}{${entries.map(([k, val]) => `${goQuote(k)}:${goSharpV(val)}`).join(', ')}}`;
    }
    case 'slice':
      return `${v.type}{${v.items.map(goSharpV).join(', ')}}`;
    case 'struct':
      return `${v.type}{${v.fields.map(([name, val]) => `${name}:${goSharpV(val)}`).join(', ')}}`;
  }
}

/** The bad value as field.Error.ErrorBody prints it (pointers dereferenced, nil as "null"). */
export function goBadValue(v: GoValue): string {
  switch (v.kind) {
    case 'nil':
      return goQuote('null');
    case 'ptr':
      return goBadValue(v.to);
    case 'int':
    case 'bool':
      return goSharpV(v);
    case 'string':
      return goQuote(v.value);
    default:
      return goSharpV(v);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarText(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** A Go `map[string]string` from JSON: absent or null is a nil map, `{}` an empty one. */
export function goStringMap(m: unknown, type = 'map[string]string'): GoValue {
  if (!isRecord(m)) return goNil(type);
  return { kind: 'map', type, entries: Object.entries(m).map(([k, val]) => [k, goString(scalarText(val))]) };
}

/** A Go slice of strings (or of a named string type such as `[]core.IPFamily`). */
export function goStringSlice(a: unknown, type = '[]string'): GoValue {
  if (!Array.isArray(a)) return goNil(type);
  return { kind: 'slice', type, items: a.map((x) => goString(scalarText(x))) };
}

/** intstr.IntOrString as decoded from JSON: a number is Type 0, a string Type 1. */
export function goIntOrString(v: unknown): GoValue {
  const isStr = typeof v === 'string';
  return goStruct('intstr.IntOrString', [
    ['Type', goInt(isStr ? 1 : 0)],
    ['IntVal', goInt(typeof v === 'number' ? v : 0)],
    ['StrVal', goString(isStr ? v : '')],
  ]);
}

/** A `*metav1.LabelSelector` (the `v1.LabelSelector` of the messages). */
export function goLabelSelector(sel: unknown): GoValue {
  if (!isRecord(sel)) return goNil('*v1.LabelSelector');
  const exprs = sel.matchExpressions;
  const expressions: GoValue = Array.isArray(exprs)
    ? {
        kind: 'slice',
        type: '[]v1.LabelSelectorRequirement',
        items: exprs.map((e) => {
          const r = isRecord(e) ? e : {};
          return goStruct('v1.LabelSelectorRequirement', [
            ['Key', goString(scalarText(r.key))],
            ['Operator', goString(scalarText(r.operator))],
            ['Values', goStringSlice(r.values)],
          ]);
        }),
      }
    : goNil('[]v1.LabelSelectorRequirement');
  return goPtr(
    '*v1.LabelSelector',
    goStruct('v1.LabelSelector', [
      ['MatchLabels', goStringMap(sel.matchLabels)],
      ['MatchExpressions', expressions],
    ]),
  );
}

/** A Go int32/int64 field from JSON (absent is 0). */
export function goNumber(v: unknown): GoValue {
  return goInt(typeof v === 'number' ? v : 0);
}

/** A Go `*int32`/`*int64` field from JSON: absent or null is nil. */
export function goIntPtr(v: unknown, type = '*int32'): GoValue {
  return typeof v === 'number' ? goPtr(type, goInt(v)) : goNil(type);
}

/** A Go `*string` (or pointer to a named string type). */
export function goStringPtr(v: unknown, type = '*string'): GoValue {
  return typeof v === 'string' ? goPtr(type, goString(v)) : goNil(type);
}

/** A Go `*bool`. */
export function goBoolPtr(v: unknown): GoValue {
  return typeof v === 'boolean' ? goPtr('*bool', goBool(v)) : goNil('*bool');
}

/** RFC 3339 (as stored) to Go's time.Time String(): `2025-01-01 10:00:00 +0000 UTC`. */
export function goTimeString(rfc3339: unknown): string {
  if (typeof rfc3339 !== 'string' || rfc3339 === '') return '0001-01-01 00:00:00 +0000 UTC';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(rfc3339);
  return m ? `${m[1]} ${m[2]}${m[3] ?? ''} +0000 UTC` : rfc3339;
}
