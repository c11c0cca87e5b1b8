/**
 * Decoding a JSON patch body as the API server does before applying it. With field validation
 * Strict or Warn (the server default) the body is first decoded into `[]handlers.jsonPatchOp`
 * (`op`, `path` and `from` must be strings), and a failure reads `error decoding patch: …`; then
 * evanphx/json-patch decodes it into `jsonpatch.Patch` (an array of objects).
 */
import type { JsonObject } from '../types';
import { jsonKindName } from './go-format';
import { isJsonObject } from './json-value';
import type { JsonPatchOperation } from './json-patch';

import type { FieldValidation } from '../request';

export type { FieldValidation };

export class JsonPatchDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPatchDecodeError';
  }
}

function typedOpError(op: JsonObject): string | undefined {
  for (const field of Object.keys(op)) {
    if (field !== 'op' && field !== 'path' && field !== 'from') continue;
    const v = op[field];
    if (v !== null && typeof v !== 'string') {
      return `json: cannot unmarshal ${jsonKindName(v)} into Go struct field jsonPatchOp.${field} of type string`;
    }
  }
  return undefined;
}

/** The error of the strict, typed decode (the first one encoding/json records), if any. */
function strictDecodeError(patch: unknown): string | undefined {
  if (patch === null) return undefined;
  if (!Array.isArray(patch)) {
    return `json: cannot unmarshal ${jsonKindName(patch)} into Go value of type []handlers.jsonPatchOp`;
  }
  for (const op of patch as unknown[]) {
    if (op === null) continue;
    if (!isJsonObject(op))
      return `json: cannot unmarshal ${jsonKindName(op)} into Go value of type handlers.jsonPatchOp`;
    const err = typedOpError(op);
    if (err) return err;
  }
  return undefined;
}

/** Decodes a parsed JSON patch body; throws `JsonPatchDecodeError` with the server's message (a 400). */
export function decodeJsonPatch(patch: unknown, validation: FieldValidation = 'Warn'): JsonPatchOperation[] {
  if (validation !== 'Ignore') {
    const err = strictDecodeError(patch);
    if (err) throw new JsonPatchDecodeError(`error decoding patch: ${err}`);
  }
  if (patch === null) return [];
  if (!Array.isArray(patch)) {
    throw new JsonPatchDecodeError(
      `json: cannot unmarshal ${jsonKindName(patch)} into Go value of type jsonpatch.Patch`,
    );
  }
  return (patch as unknown[]).map((op) => {
    if (op === null) return null;
    if (!isJsonObject(op)) {
      throw new JsonPatchDecodeError(
        `json: cannot unmarshal ${jsonKindName(op)} into Go value of type jsonpatch.Operation`,
      );
    }
    return op;
  });
}
