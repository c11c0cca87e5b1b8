/**
 * The unstructured-to-typed conversion the API server runs after a strategic merge patch
 * (runtime.DefaultUnstructuredConverter.FromUnstructuredWithValidation). It differs from the JSON
 * decoder: it walks the Go struct fields in declaration order and stops at the first error, its
 * type errors have their own wording (`cannot convert float64 to int32`, `unrecognized type: int32`,
 * `cannot restore struct from: string`), and its unknown fields come back sorted.
 */
import type { FieldSchema, TypeSchema } from '../schema/types';
import { goTypeName, typeSchema } from '../schema';
import type { JsonObject, JsonValue } from '../types';
import { base64Error } from './base64';
import { jsonKind, numberLiteral, unmarshalTypeError } from './go-format';
import { fitsInteger, setKey, zeroValue } from './json-decoder';
import { quantityValueError } from './quantity';
import { RFC3339, RFC3339_MICRO, timeParseError } from './time';

export interface ConvertResult {
  object: JsonObject;
  /** The conversion error, if any. */
  error?: string;
  /** `unknown field "spec.foo"`, sorted, when unknown fields are asked for. */
  strictErrors: string[];
}

class ConvertAbort {
  constructor(readonly message: string) {}
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The reflect kind of a value decoded from JSON into interface{} (integers are int64). */
function goKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (Array.isArray(value)) return 'slice';
  return 'map';
}

/** The reflect kind of the target: what `unrecognized type: %v` prints. */
function targetKind(field: FieldSchema): string {
  switch (field.type) {
    case 'integer':
      return field.format ?? 'int64';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
    default:
      return 'string';
  }
}

class Converter {
  readonly unknown: string[] = [];

  constructor(private readonly returnUnknownFields: boolean) {}

  struct(obj: Record<string, unknown>, type: TypeSchema, path: string): JsonObject {
    const out: JsonObject = {};
    for (const [key, field] of Object.entries(type.fields)) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
      const value = this.value(obj[key], field, path ? `${path}.${key}` : key);
      if (value !== undefined) setKey(out, key, value);
    }
    if (this.returnUnknownFields) {
      for (const key of Object.keys(obj)) {
        if (!Object.prototype.hasOwnProperty.call(type.fields, key)) {
          this.unknown.push(`unknown field ${JSON.stringify(path ? `${path}.${key}` : key)}`);
        }
      }
    }
    return out;
  }

  private value(value: unknown, field: FieldSchema, path: string): JsonValue | undefined {
    if (value === undefined || value === null) return undefined;
    switch (field.type) {
      case 'string':
        return this.string(value, field);
      case 'integer':
      case 'number':
      case 'boolean':
        return this.simple(value, field);
      case 'int-or-string':
        // The JSON unmarshaler of the type, fed the re-encoded value: encoding/json errors, no context.
        if (typeof value === 'string') return value;
        if (typeof value === 'number') {
          if (fitsInteger(value, 'int32')) return value;
          throw new ConvertAbort(unmarshalTypeError(`number ${numberLiteral(value)}`, 'int32', undefined));
        }
        throw new ConvertAbort(unmarshalTypeError(jsonKind(value), 'int32', undefined));
      case 'quantity': {
        const err = quantityValueError(value);
        if (err) throw new ConvertAbort(err);
        return value as JsonValue;
      }
      case 'any':
        return value as JsonValue;
      case 'ref': {
        if (!isPlainObject(value)) throw new ConvertAbort(`cannot restore struct from: ${goKind(value)}`);
        const type = typeSchema(field.ref);
        return type ? this.struct(value, type, path) : (value as JsonObject);
      }
      case 'map': {
        if (!isPlainObject(value)) throw new ConvertAbort(`cannot restore map from ${goKind(value)}`);
        const out: JsonObject = {};
        for (const key of Object.keys(value).sort()) {
          const v = this.value(value[key], field.values, path);
          setKey(out, key, v === undefined ? zeroValue(field.values) : v);
        }
        return out;
      }
      case 'array': {
        if (!Array.isArray(value)) throw new ConvertAbort(`cannot restore slice from ${goKind(value)}`);
        return value.map((item, i) => {
          const v = this.value(item, field.items, `${path}[${i}]`);
          return v === undefined ? zeroValue(field.items) : v;
        });
      }
    }
  }

  private string(value: unknown, field: FieldSchema & { type: 'string' }): JsonValue | undefined {
    if (field.goType === 'v1.Time' || field.goType === 'v1.MicroTime') {
      if (typeof value !== 'string')
        throw new ConvertAbort(unmarshalTypeError(jsonKind(value), 'string', undefined));
      const err = timeParseError(field.goType === 'v1.Time' ? RFC3339 : RFC3339_MICRO, value);
      if (err) throw new ConvertAbort(err);
      return value;
    }
    if (field.format === 'byte') {
      if (typeof value === 'string') {
        const err = value.length > 0 ? base64Error(value) : undefined;
        if (err) throw new ConvertAbort(`error decoding from json: ${err}`);
        return value;
      }
      if (!Array.isArray(value)) throw new ConvertAbort(`cannot restore slice from ${goKind(value)}`);
      return undefined;
    }
    return this.simple(value, field);
  }

  /** Plain strings, integers and booleans: Go's assignability and conversion rules. */
  private simple(value: unknown, field: FieldSchema): JsonValue {
    const target = targetKind(field);
    const source = goKind(value);
    if (target === 'string') {
      if (source === 'string') return value as string;
      if (source === 'int64') throw new ConvertAbort(`cannot convert int64 to ${goTypeName(field)}`);
    } else if (target === 'bool') {
      if (source === 'bool') return value as boolean;
    } else if (source === 'int64') {
      return value as number;
    } else if (source === 'float64') {
      if (target === 'float64' || Number.isInteger(value)) return value as number;
      throw new ConvertAbort(`cannot convert float64 to ${goTypeName(field)}`);
    }
    throw new ConvertAbort(`unrecognized type: ${target}`);
  }
}

/** Convert a patched object (as a JSON map) into a type, the way the strategic-merge-patch handler does. */
export function convertUnstructured(
  body: Record<string, unknown>,
  type: TypeSchema,
  returnUnknownFields: boolean,
): ConvertResult {
  const converter = new Converter(returnUnknownFields);
  try {
    const object = converter.struct(body, type, '');
    return { object, strictErrors: [...converter.unknown].sort() };
  } catch (e) {
    if (e instanceof ConvertAbort) return { object: {}, error: e.message, strictErrors: [] };
    throw e;
  }
}
