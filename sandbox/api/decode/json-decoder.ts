/**
 * The typed JSON decoding the API server does for a request body (sigs.k8s.io/json, a fork of Go's
 * encoding/json): case-sensitive field names, unknown fields collected as strict errors, type
 * mismatches reported with the Go struct and field path, custom unmarshalers for IntOrString,
 * Quantity and timestamps.
 *
 * Go's decoder walks the body in document order. A type mismatch on a plain field is remembered
 * (the first one wins) and decoding goes on; an error from a custom unmarshaler (IntOrString,
 * Quantity, Time) stops decoding at once and wins over a remembered one. Strict errors (unknown
 * fields) only matter when there is no other error.
 */
import type { FieldSchema, TypeSchema } from '../schema/types';
import { goStructName, goTypeName, typeSchema } from '../schema';
import type { JsonObject, JsonValue } from '../types';
import { deepEqual } from '../patch/equal';
import { base64Error } from './base64';
import { type ErrorContext, jsonKind, numberLiteral, unmarshalTypeError } from './go-format';
import { quantityValueError } from './quantity';
import { RFC3339, RFC3339_MICRO, timeParseError } from './time';

/** sigs.k8s.io/json stops collecting strict errors after this many. */
export const MAX_STRICT_ERRORS = 100;

export interface JsonDecodeOptions {
  /** The strict decoder (fieldValidation Strict or Warn): collect unknown fields. */
  strict: boolean;
  /** Visit object keys in sorted order (a body re-encoded from a Go map) instead of document order. */
  sortKeys?: boolean;
  /**
   * Keep a frozen value already known to decode into itself as it is, instead of copying it: for
   * writes whose pipeline never modifies the decoded object below its top level (status updates).
   */
  shareFrozen?: boolean;
  /**
   * Collects the objects this decoding produced without any error (with their field), for
   * `markDecoded` once they are stored: a later write sending them back is then not decoded again.
   */
  collect?: Array<[object, FieldSchema]>;
}

export interface JsonDecodeResult {
  /** What the typed object holds afterwards: unknown fields dropped, null fields absent. */
  object: JsonObject;
  /** The decoding error, if any: a type mismatch, a bad quantity, a bad timestamp. */
  error?: string;
  /** `unknown field "spec.foo"`, in the order the decoder met them. */
  strictErrors: string[];
}

class DecodeAbort {
  constructor(readonly message: string) {}
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63],
};

/** Set a key, even `__proto__` (a plain assignment would change the prototype instead). */
export function setKey(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Does a JSON number fit a Go integer type? (strconv.ParseInt of its literal, then the range.) */
export function fitsInteger(n: number, format: string): boolean {
  const [lo, hi] = INT_RANGES[format] ?? INT_RANGES.int64;
  if (!Number.isInteger(n)) return false;
  return format === 'int64' ? n >= lo && n < hi : n >= lo && n <= hi;
}

/** The zero value Go leaves for a `null` list element or map value. */
export function zeroValue(field: FieldSchema): JsonValue {
  switch (field.type) {
    case 'string':
      return field.format === 'date-time' ? null : '';
    case 'integer':
    case 'number':
    case 'int-or-string':
      return 0;
    case 'boolean':
      return false;
    case 'quantity':
      return '0';
    case 'ref':
    case 'map':
      return {};
    case 'array':
      return [];
    case 'any':
      return null;
  }
}

/**
 * Frozen values (subtrees of stored objects, which components inside the cluster pass back in
 * their writes) already known to decode under a field's type into an equal value with no error
 * and no unknown field. Decoding is a pure function of the value and the type, so such a subtree
 * is copied instead of walked again: a status update of a pod does not re-check its whole spec.
 */
const cleanFor = new WeakMap<object, FieldSchema | FieldSchema[]>();

function isClean(value: object, field: FieldSchema): boolean {
  const f = cleanFor.get(value);
  return f === field || (Array.isArray(f) && f.includes(field));
}

/**
 * Remember decoded objects as clean once they are stored (frozen) unchanged: only for a write whose
 * pipeline does not modify what the decoder produced (see JsonDecodeOptions.collect).
 */
export function markDecoded(pairs: ReadonlyArray<[object, FieldSchema]>): void {
  for (const [value, field] of pairs)
    if (Object.isFrozen(value) && !isClean(value, field)) markClean(value, field);
}

function markClean(value: object, field: FieldSchema): void {
  const f = cleanFor.get(value);
  if (f === undefined) cleanFor.set(value, field);
  else if (Array.isArray(f)) f.push(field);
  else cleanFor.set(value, [f, field]);
}

/** A copy of a JSON value (keys as the decoder sets them, `__proto__` included). */
function copyJson(v: unknown): JsonValue {
  if (v === null || typeof v !== 'object') return v as JsonValue;
  if (Array.isArray(v)) return v.map(copyJson);
  const out: JsonObject = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) setKey(out, k, copyJson(x));
  }
  return out;
}

function scalarsOnly(v: object): boolean {
  if (Array.isArray(v)) {
    for (const x of v) if (typeof x === 'object' && x !== null) return false;
    return true;
  }
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'object' && x !== null) return false;
  }
  return true;
}

/** Does a JSON scalar decode into itself under this field (a plain string, boolean or number)? */
function plainScalar(v: unknown, field: FieldSchema): boolean {
  switch (typeof v) {
    case 'string':
      return field.type === 'string' && field.format === undefined;
    case 'boolean':
      return field.type === 'boolean';
    case 'number':
      return field.type === 'number' || (field.type === 'integer' && fitsInteger(v, field.format ?? 'int64'));
    default:
      return false;
  }
}

/** time.Parse's verdict per layout and text (timestamps repeat a lot: second precision). */
const timeErrors = new Map<string, string | undefined>();

function timeError(layout: string, value: string): string | undefined {
  const key = `${layout}\u0000${value}`;
  if (timeErrors.has(key)) return timeErrors.get(key);
  const err = timeParseError(layout, value);
  if (timeErrors.size >= 10_000) timeErrors.clear();
  timeErrors.set(key, err);
  return err;
}

/**
 * The error context of a field (Go struct and field trail), built only when an error needs it:
 * most bodies decode without one, and copying the trail for every key was most of the cost.
 */
class FieldContext implements ErrorContext {
  private trail: readonly string[] | undefined;

  constructor(
    readonly struct: string,
    private readonly parent: ErrorContext | undefined,
    private readonly key: string,
  ) {}

  get fields(): readonly string[] {
    return (this.trail ??= this.parent ? [...this.parent.fields, this.key] : [this.key]);
  }
}

class JsonDecoder {
  private saved: string | undefined;
  readonly strictErrors: string[] = [];
  /** Every type error and unknown field met so far (the kept ones are capped). */
  private issues = 0;

  constructor(private readonly options: JsonDecodeOptions) {}

  run(body: Record<string, unknown>, type: TypeSchema): JsonDecodeResult {
    try {
      const object = this.struct(body, type, '', undefined);
      const result: JsonDecodeResult = { object, strictErrors: this.options.strict ? this.strictErrors : [] };
      if (this.saved !== undefined) result.error = this.saved;
      return result;
    } catch (e) {
      if (e instanceof DecodeAbort) return { object: {}, error: e.message, strictErrors: [] };
      throw e;
    }
  }

  private keys(obj: Record<string, unknown>): string[] {
    const keys = Object.keys(obj);
    return this.options.sortKeys ? keys.sort() : keys;
  }

  private save(message: string): void {
    this.issues++;
    if (this.saved === undefined) this.saved = message;
  }

  private mismatch(value: unknown, field: FieldSchema, ctx: ErrorContext): void {
    this.save(unmarshalTypeError(jsonKind(value), goTypeName(field), ctx));
  }

  private unknown(path: string, key: string): void {
    this.issues++;
    if (!this.options.strict || this.strictErrors.length >= MAX_STRICT_ERRORS) return;
    this.strictErrors.push(`unknown field ${JSON.stringify(path ? `${path}.${key}` : key)}`);
  }

  private struct(
    obj: Record<string, unknown>,
    type: TypeSchema,
    path: string,
    parent: ErrorContext | undefined,
  ): JsonObject {
    const out: JsonObject = {};
    const structName = goStructName(type.name);
    for (const key of this.keys(obj)) {
      if (!Object.prototype.hasOwnProperty.call(type.fields, key)) {
        this.unknown(path, key);
        continue;
      }
      const field = type.fields[key];
      const raw = obj[key];
      // A scalar of the field's plain type decodes into itself: no error context or path needed.
      if (plainScalar(raw, field)) {
        setKey(out, key, raw as JsonValue);
        continue;
      }
      const ctx = new FieldContext(structName, parent, key);
      const value = this.value(raw, field, path ? `${path}.${key}` : key, ctx);
      if (value !== undefined) setKey(out, key, value);
    }
    return out;
  }

  /** Decode one value; undefined means "leave the field absent" (null, or a value that did not fit). */
  private value(value: unknown, field: FieldSchema, path: string, ctx: ErrorContext): JsonValue | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || this.options.sortKeys) return this.decodeValue(value, field, path, ctx);
    const frozen = Object.isFrozen(value);
    if (frozen && isClean(value, field))
      return this.options.shareFrozen ? (value as JsonValue) : copyJson(value);
    const issues = this.issues;
    const out = this.decodeValue(value, field, path, ctx);
    if (this.issues !== issues || out === undefined) return out;
    // Objects of scalars only (a condition, a label map) decode faster than they are remembered.
    const worthMarking = typeof out === 'object' && out !== null && !scalarsOnly(out);
    if (frozen && deepEqual(out, value)) {
      if (worthMarking) markClean(value, field);
      if (this.options.shareFrozen) return value as JsonValue;
    } else if (this.options.collect && worthMarking) {
      this.options.collect.push([out as object, field]);
    }
    return out;
  }

  private decodeValue(
    value: unknown,
    field: FieldSchema,
    path: string,
    ctx: ErrorContext,
  ): JsonValue | undefined {
    switch (field.type) {
      case 'string':
        return this.string(value, field, ctx);
      case 'integer':
        if (typeof value === 'number') {
          if (fitsInteger(value, field.format ?? 'int64')) return value;
          this.save(unmarshalTypeError(`number ${numberLiteral(value)}`, goTypeName(field), ctx));
          return undefined;
        }
        this.mismatch(value, field, ctx);
        return undefined;
      case 'number':
        if (typeof value === 'number') return value;
        this.mismatch(value, field, ctx);
        return undefined;
      case 'boolean':
        if (typeof value === 'boolean') return value;
        this.mismatch(value, field, ctx);
        return undefined;
      case 'int-or-string':
        return this.intOrString(value, ctx);
      case 'quantity': {
        const err = quantityValueError(value);
        if (err) throw new DecodeAbort(err);
        return value as JsonValue;
      }
      case 'any':
        return value as JsonValue;
      case 'ref': {
        const type = typeSchema(field.ref);
        if (!isPlainObject(value)) {
          this.mismatch(value, field, ctx);
          return undefined;
        }
        if (!type) return value as JsonObject;
        return this.struct(value, type, path, ctx);
      }
      case 'map': {
        if (!isPlainObject(value)) {
          this.mismatch(value, field, ctx);
          return undefined;
        }
        const out: JsonObject = {};
        for (const key of this.keys(value)) {
          const v = this.value(value[key], field.values, `${path}.${key}`, ctx);
          setKey(out, key, v === undefined ? zeroValue(field.values) : v);
        }
        return out;
      }
      case 'array': {
        if (!Array.isArray(value)) {
          this.mismatch(value, field, ctx);
          return undefined;
        }
        return value.map((item, i) => {
          const v = this.value(item, field.items, `${path}[${i}]`, ctx);
          return v === undefined ? zeroValue(field.items) : v;
        });
      }
    }
  }

  private string(
    value: unknown,
    field: FieldSchema & { type: 'string' },
    ctx: ErrorContext,
  ): JsonValue | undefined {
    if (field.goType === 'v1.Time' || field.goType === 'v1.MicroTime') {
      // metav1.Time.UnmarshalJSON: a JSON string, then time.Parse; its errors end decoding.
      if (typeof value !== 'string')
        throw new DecodeAbort(unmarshalTypeError(jsonKind(value), 'string', ctx));
      const err = timeError(field.goType === 'v1.Time' ? RFC3339 : RFC3339_MICRO, value);
      if (err) throw new DecodeAbort(err);
      return value;
    }
    if (field.format === 'byte') {
      if (typeof value === 'string') {
        const err = base64Error(value);
        if (err) this.save(err);
        return err ? undefined : value;
      }
      if (Array.isArray(value)) {
        // A JSON array of numbers also decodes into []byte.
        for (const b of value) {
          if (b === null) continue;
          if (typeof b !== 'number') this.save(unmarshalTypeError(jsonKind(b), 'uint8', ctx));
          else if (!Number.isInteger(b) || b < 0 || b > 255) {
            this.save(unmarshalTypeError(`number ${numberLiteral(b)}`, 'uint8', ctx));
          }
        }
        return undefined;
      }
      this.mismatch(value, field, ctx);
      return undefined;
    }
    if (typeof value === 'string') return value;
    this.mismatch(value, field, ctx);
    return undefined;
  }

  /** intstr.IntOrString.UnmarshalJSON: a string, or else a JSON int32 (encoding/json errors end decoding). */
  private intOrString(value: unknown, ctx: ErrorContext): JsonValue | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') {
      if (fitsInteger(value, 'int32')) return value;
      throw new DecodeAbort(unmarshalTypeError(`number ${numberLiteral(value)}`, 'int32', ctx));
    }
    throw new DecodeAbort(unmarshalTypeError(jsonKind(value), 'int32', ctx));
  }
}

/** Decode a JSON object into a type, the way the API server's JSON decoder does. */
export function decodeJson(
  body: Record<string, unknown>,
  type: TypeSchema,
  options: JsonDecodeOptions,
): JsonDecodeResult {
  return new JsonDecoder(options).run(body, type);
}
