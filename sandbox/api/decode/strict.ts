/**
 * Decoding a create or update body the way the API server does (`fieldValidation` Strict, Warn or
 * Ignore), with the 400 BadRequest texts of the real create and update handlers:
 *
 *   Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"
 *   Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32
 */
import { badRequest, type StatusError } from '../errors';
import { kindSchema, typeSchema } from '../schema';
import type { JsonObject } from '../types';
import { jsonKind } from './go-format';
import { decodeJson, type JsonDecodeOptions } from './json-decoder';

import type { FieldValidation } from '../request';

export type { FieldValidation };

export interface DecodeResult {
  /** The decoded object: unknown fields dropped, null fields absent. Empty when decoding failed. */
  object: JsonObject;
  /**
   * What fails the request: the decoding error (any mode), or in Strict mode the strict errors
   * (`unknown field "spec.foo"`). Empty when the body is accepted.
   */
  errors: string[];
  /** Warn mode: one warning per strict error, as the server sends them in `Warning` headers. */
  warnings: string[];
  /** The message of the 400 BadRequest when `errors` is not empty. */
  message?: string;
}

export interface DecodeOptions {
  /**
   * Visit object keys in sorted order. A real kubectl sends bodies it re-encoded from a Go map, so
   * their keys are sorted at every level; the decoder itself keeps document order.
   */
  sortKeys?: boolean;
  /** Keep frozen values that decode into themselves as they are (see JsonDecodeOptions). */
  shareFrozen?: boolean;
  /** Collect the objects decoded without error (see JsonDecodeOptions). */
  collect?: JsonDecodeOptions['collect'];
}

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** The scheme name real kube-apiserver builds print in `no kind ... is registered` errors. */
export const SCHEME_NAME = 'pkg/api/legacyscheme/scheme.go:30';

const FIND_KIND_TYPE =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseGroupVersion(gv: string): { group: string; version: string } | string {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: gv };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return `unexpected GroupVersion string: ${gv}`;
}

function groupVersionString(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/**
 * The apiVersion and kind of a body, as the serializer reads them first (with Go's standard,
 * case-insensitive decoder), or the error it gives.
 */
function interpret(body: unknown): GroupVersionKind | string {
  if (body === null) return { group: '', version: '', kind: '' };
  if (!isPlainObject(body)) {
    return `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(body)} into Go value of type ${FIND_KIND_TYPE}`;
  }
  let apiVersion = '';
  let kind = '';
  let error: string | undefined;
  for (const [key, value] of Object.entries(body)) {
    const name =
      key.toLowerCase() === 'apiversion' ? 'apiVersion' : key.toLowerCase() === 'kind' ? 'kind' : '';
    if (!name || value === null || value === undefined) continue;
    if (typeof value !== 'string') {
      error ??= `json: cannot unmarshal ${jsonKind(value)} into Go struct field .${name} of type string`;
      continue;
    }
    if (name === 'apiVersion') apiVersion = value;
    else kind = value;
  }
  if (error) return `couldn't get version/kind; json parse error: ${error}`;
  const gv = parseGroupVersion(apiVersion);
  if (typeof gv === 'string') return gv;
  return { ...gv, kind };
}

/** Fill what the body left out from the kind the request is for (the serializer's gvkWithDefaults). */
function withDefaults(actual: GroupVersionKind, defaults: GroupVersionKind): GroupVersionKind {
  const out = { ...actual };
  if (!out.kind) out.kind = defaults.kind;
  if (!out.version && !out.group) {
    out.group = defaults.group;
    out.version = defaults.version;
  }
  if (!out.version && out.group === defaults.group) out.version = defaults.version;
  return out;
}

/** The start of a body in an error message: 30 characters of JSON text, or hex for anything else. */
function summarize(body: unknown): string {
  const data = body === undefined ? '' : JSON.stringify(body);
  if (data.length === 0) return '<empty>';
  if (data[0] === '{') return data.length > 30 ? `${data.slice(0, 30)} ...` : data;
  const hex = [...data.slice(0, 30)]
    .map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(2, '0'))
    .join('');
  return data.length > 30 ? `${hex} ...` : hex;
}

function failed(message: string, errors: string[]): DecodeResult {
  return { object: {}, errors, warnings: [], message };
}

/**
 * Decode a request body for `apiVersion`/`kind` (the resource of the request) in the given
 * fieldValidation mode. Strict: unknown fields fail the request; Warn: they become warnings and are
 * dropped; Ignore: they are dropped silently. Type errors fail the request in every mode.
 */
export function decodeStrict(
  obj: unknown,
  apiVersion: string,
  kind: string,
  mode: FieldValidation,
  options: DecodeOptions = {},
): DecodeResult {
  const target = parseGroupVersion(apiVersion);
  const defaults: GroupVersionKind =
    typeof target === 'string' ? { group: '', version: apiVersion, kind } : { ...target, kind };
  const found = interpret(obj);
  if (typeof found === 'string') {
    return failed(
      `the object provided is unrecognized (must be of type ${kind}): ${found} (${summarize(obj)})`,
      [found],
    );
  }
  const gvk = withDefaults(found, defaults);
  const handled = (err: string): string =>
    `${gvk.kind} in version "${gvk.version}" cannot be handled as a ${kind}: ${err}`;
  if (!gvk.version) {
    const err = `Object 'apiVersion' is missing in '${JSON.stringify(obj)}'`;
    return failed(handled(err), [err]);
  }
  const gv = groupVersionString(gvk.group, gvk.version);
  const k = kindSchema(gv, gvk.kind);
  const type = k ? typeSchema(k.type) : undefined;
  if (!type) {
    const err = `no kind "${gvk.kind}" is registered for version "${gv}" in scheme "${SCHEME_NAME}"`;
    return failed(handled(err), [err]);
  }
  const body = isPlainObject(obj) ? obj : {};
  const decoded = decodeJson(body, type, {
    strict: mode !== 'Ignore',
    sortKeys: options.sortKeys,
    shareFrozen: options.shareFrozen,
    collect: options.collect,
  });
  if (decoded.error !== undefined) return failed(handled(decoded.error), [decoded.error]);
  const strict = decoded.strictErrors;
  if (strict.length > 0 && mode === 'Strict') {
    return {
      object: decoded.object,
      errors: strict,
      warnings: [],
      message: handled(strictDecodingMessage(strict)),
    };
  }
  return { object: decoded.object, errors: [], warnings: mode === 'Warn' ? strict : [] };
}

/** `strict decoding error: unknown field "a", unknown field "b"` */
export function strictDecodingMessage(errors: readonly string[]): string {
  return `strict decoding error: ${errors.join(', ')}`;
}

/** The 400 BadRequest a create or update with this body gets, or undefined if the body decodes. */
export function decodeError(
  obj: unknown,
  apiVersion: string,
  kind: string,
  mode: FieldValidation,
  options: DecodeOptions = {},
): StatusError | undefined {
  const result = decodeStrict(obj, apiVersion, kind, mode, options);
  return result.message === undefined ? undefined : badRequest(result.message);
}
