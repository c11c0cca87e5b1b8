/**
 * Decoding an object after a patch was applied, with the errors of the real patch handler
 * (k8s.io/apiserver endpoints/handlers/patch.go, v1.32). They are not the create/update texts: a
 * failure is a 422 Invalid about the field `patch`, whose value is the patch (strategic merge, as
 * Go prints the decoded map) or the patched object (JSON merge patch, JSON patch):
 *
 *    "" is invalid: patch: Invalid value: "map[spec:map[replica:3]]": strict decoding error: unknown field "spec.replica"
 *
 * kubectl prints such an error as `The request is invalid: patch: Invalid value: ...`.
 */
import { invalid, type StatusError } from '../errors';
import { typeOfKind } from '../schema';
import type { JsonObject } from '../types';
import { convertUnstructured } from './converter';
import { goQuote, goSprint } from './go-format';
import { decodeJson } from './json-decoder';
import { type FieldValidation, strictDecodingMessage } from './strict';

export type PatchFormat = 'strategic' | 'merge' | 'json';

export interface PatchDecodeResult {
  object: JsonObject;
  /** Warn mode: one per unknown field. */
  warnings: string[];
  /** The 422 the patch request fails with, if it does. */
  error?: StatusError;
}

/** The 422 Invalid the patch handler builds: no kind, no name, one cause on the field `patch`. */
export function patchInvalid(valueText: string, detail: string): StatusError {
  return invalid('', '', '', [
    { type: 'FieldValueInvalid', field: 'patch', body: `Invalid value: ${goQuote(valueText)}: ${detail}` },
  ]);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Decode `patched` (the object after applying `patch`) for the resource's apiVersion and kind.
 * Strategic merge patches go through the unstructured converter (unknown fields sorted, converter
 * wording); JSON merge and JSON patches are re-decoded as JSON (keys taken in sorted order, as the
 * patch library re-encodes them).
 */
export function decodePatched(
  patched: unknown,
  apiVersion: string,
  kind: string,
  mode: FieldValidation,
  format: PatchFormat,
  patch: unknown,
): PatchDecodeResult {
  const type = typeOfKind(apiVersion, kind);
  const body = isPlainObject(patched) ? patched : {};
  if (!type) return { object: body as JsonObject, warnings: [] };
  const strict = mode !== 'Ignore';
  const result =
    format === 'strategic'
      ? convertUnstructured(body, type, strict)
      : decodeJson(body, type, { strict, sortKeys: true });
  const valueText = format === 'strategic' ? goSprint(patch) : JSON.stringify(patched);
  if (result.error !== undefined) {
    return { object: result.object, warnings: [], error: patchInvalid(valueText, result.error) };
  }
  if (result.strictErrors.length > 0 && mode === 'Strict') {
    return {
      object: result.object,
      warnings: [],
      error: patchInvalid(valueText, strictDecodingMessage(result.strictErrors)),
    };
  }
  return { object: result.object, warnings: mode === 'Warn' ? result.strictErrors : [] };
}
