/**
 * Strategic merge patch errors with apimachinery's texts (`util/mergepatch/errors.go`). `kind`
 * is how the API server's `interpretStrategicMergePatchError` answers: the sentinel format
 * errors are 400s, lists of lists a generic 422, anything else a reason-less 500.
 */
import type { JsonObject, JsonValue } from '../../types';
import { formatS, formatV, goTypeName } from '../go-format';

export type SmpErrorKind = 'badRequest' | 'invalid' | 'internal';

export class StrategicMergePatchError extends Error {
  readonly kind: SmpErrorKind;

  constructor(message: string, kind: SmpErrorKind = 'internal') {
    super(message);
    this.name = 'StrategicMergePatchError';
    this.kind = kind;
  }
}

export const ERR_BAD_JSON_DOC = 'invalid JSON document';
export const ERR_NO_LIST_OF_LISTS = 'lists of lists are not supported';
export const ERR_BAD_PRIMITIVE_LIST = 'invalid patch format of primitive list';
export const ERR_BAD_RETAIN_KEYS = 'invalid patch format of retainKeys';
export const ERR_BAD_SET_ELEMENT_ORDER = 'invalid patch format of setElementOrder list';
export const ERR_UNSUPPORTED = 'strategic merge patch format is not supported';

export function badFormat(message: string): StrategicMergePatchError {
  return new StrategicMergePatchError(message, 'badRequest');
}

export function noListOfLists(): StrategicMergePatchError {
  return new StrategicMergePatchError(ERR_NO_LIST_OF_LISTS, 'invalid');
}

export function smpError(message: string): StrategicMergePatchError {
  return new StrategicMergePatchError(message, 'internal');
}

/** `map: map[image:nginx] does not contain declared merge key: name` */
export function errNoMergeKey(m: JsonObject, key: string): StrategicMergePatchError {
  return smpError(`map: ${formatV(m)} does not contain declared merge key: ${key}`);
}

/** `expected a []interface {}, but received a string` */
export function errBadArgType(
  expected: 'map' | 'slice',
  actual: JsonValue | undefined,
): StrategicMergePatchError {
  const want = expected === 'map' ? 'map[string]interface {}' : '[]interface {}';
  return smpError(`expected a ${want}, but received a ${goTypeName(actual)}`);
}

/** `unknown patch type: merge in map: map[$patch:merge name:x]` */
export function errBadPatchType(t: JsonValue | undefined, m: JsonObject): StrategicMergePatchError {
  return smpError(`unknown patch type: ${formatS(t)} in map: ${formatV(m)}`);
}

/** Where apimachinery itself would panic (nil dereference, unhashable map key). */
export class SmpPanic extends Error {
  constructor(message = 'runtime error: invalid memory address or nil pointer dereference') {
    super(message);
    this.name = 'SmpPanic';
  }
}
