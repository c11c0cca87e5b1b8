/**
 * Field errors as apimachinery's `field` package builds them: `Required value[: detail]`,
 * `Invalid value: <v>: detail`, `Forbidden: detail`, `Unsupported value: <v>: supported values: ...`,
 * `Duplicate value: <v>`, `Not found: <v>`, `Too long: may not be more than N bytes`.
 * Paths are the strings field.Path prints: `spec.containers[0].name`, `data[bad key]`.
 */
import type { FieldError } from '../errors';
import { goBadValue, goQuote, type GoValue } from './gofmt';

export type { FieldError };

export function child(path: string, ...names: string[]): string {
  let out = path;
  for (const n of names) out = out ? `${out}.${n}` : n;
  return out;
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}

function withDetail(head: string, detail: string): string {
  return detail ? `${head}: ${detail}` : head;
}

export function requiredError(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, body: withDetail('Required value', detail) };
}

export function invalidError(field: string, value: GoValue, detail: string): FieldError {
  return {
    type: 'FieldValueInvalid',
    field,
    body: withDetail(`Invalid value: ${goBadValue(value)}`, detail),
  };
}

export function forbiddenError(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, body: withDetail('Forbidden', detail) };
}

export function notSupportedError(field: string, value: GoValue, supported: readonly string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
  return {
    type: 'FieldValueNotSupported',
    field,
    body: withDetail(`Unsupported value: ${goBadValue(value)}`, detail),
  };
}

export function duplicateError(field: string, value: GoValue): FieldError {
  return { type: 'FieldValueDuplicate', field, body: `Duplicate value: ${goBadValue(value)}` };
}

export function notFoundError(field: string, value: GoValue, detail = ''): FieldError {
  return { type: 'FieldValueNotFound', field, body: withDetail(`Not found: ${goBadValue(value)}`, detail) };
}

/** field.TooLong of apimachinery v0.32: the value is never printed. */
export function tooLongError(field: string, maxBytes: number): FieldError {
  return { type: 'FieldValueTooLong', field, body: `Too long: may not be more than ${maxBytes} bytes` };
}

/** The message of ValidateNonnegativeField. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';
/** The message of ValidateImmutableField. */
export const FIELD_IMMUTABLE = 'field is immutable';
