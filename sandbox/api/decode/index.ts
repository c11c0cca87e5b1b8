/**
 * Request-body decoding with the real API server's strictness and messages. See README.md.
 */
import { badRequest } from '../errors';
import type { KubeObjectInput } from '../types';
import { type PatchFormat, decodePatched } from './patch';
import { type DecodeOptions, type FieldValidation, decodeStrict } from './strict';

export {
  type DecodeOptions,
  type DecodeResult,
  type FieldValidation,
  SCHEME_NAME,
  decodeError,
  decodeStrict,
  strictDecodingMessage,
} from './strict';
export { type PatchDecodeResult, type PatchFormat, decodePatched, patchInvalid } from './patch';
export { QUANTITY_FORMAT_WRONG, QUANTITY_SUFFIX, quantityError } from './quantity';
export { goQuote, goSprint } from './go-format';
export { markDecoded } from './json-decoder';

export interface Decoded {
  /** The decoded object: unknown fields dropped, null fields absent. */
  object: KubeObjectInput;
  /** Warn mode: `unknown field "spec.foo"`, one per unknown field. */
  warnings: string[];
}

/**
 * Decode a create or update body; throws the 400 BadRequest StatusError the real server answers
 * with (strict decoding error, type mismatch).
 */
export function checkDecoding(
  input: unknown,
  apiVersion: string,
  kind: string,
  mode: FieldValidation,
  options: DecodeOptions = {},
): Decoded {
  const result = decodeStrict(input, apiVersion, kind, mode, options);
  if (result.message !== undefined) throw badRequest(result.message);
  return { object: result.object as KubeObjectInput, warnings: result.warnings };
}

/** Decode the object a patch produced; throws the 422 Invalid StatusError of the real patch handler. */
export function checkPatchedDecoding(
  patched: unknown,
  apiVersion: string,
  kind: string,
  mode: FieldValidation,
  format: PatchFormat,
  patch: unknown,
): Decoded {
  const result = decodePatched(patched, apiVersion, kind, mode, format, patch);
  if (result.error) throw result.error;
  return { object: result.object as KubeObjectInput, warnings: result.warnings };
}
