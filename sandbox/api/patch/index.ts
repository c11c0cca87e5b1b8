/**
 * The three patch formats the API server accepts, applied as the real one applies them, with its
 * errors: `applyPatch` is what the PATCH verb calls. The single formats and kubectl's patch
 * computations are exported too.
 */
import type { JsonObject, JsonValue } from '../types';
import { jsonKindName } from './go-format';
import { isJsonObject } from './json-value';
import { MergePatchError, jsonMergePatch } from './json-merge';
import { JsonPatchError, JsonPatchPanic, applyJsonPatch } from './json-patch';
import { type FieldValidation, JsonPatchDecodeError, decodeJsonPatch } from './json-patch-decode';
import {
  apiserverPanic,
  entityTooLarge,
  notAnObjectDecodeError,
  patchBadRequest,
  patchRejected,
  undecodablePatchResult,
  unknownError,
} from './patch-errors';
import { SmpPanic, StrategicMergePatchError } from './smp/errors';
import { type SchemaResolver, strategicMergePatch } from './strategic-merge';

export { deepEqual } from './equal';
export { jsonMergePatch, MergePatchError } from './json-merge';
export { createMergePatch, createThreeWayJsonMergePatch } from './json-merge-create';
export { applyJsonPatch, JsonPatchError, type JsonPatchOperation } from './json-patch';
export { decodeJsonPatch, JsonPatchDecodeError, type FieldValidation } from './json-patch-decode';
export { PatchError, PATCH_REJECTED_MESSAGE, APISERVER_PANIC_MESSAGE } from './patch-errors';
export * from './strategic-merge';

export type PatchKind = 'strategic' | 'merge' | 'json';

export interface ApplyPatchOptions {
  /** Schema type of `current` for strategic merge patch, e.g. `io.k8s.api.apps.v1.Deployment`. */
  typeName?: string;
  /** Looks up type schemas by name (`typeSchema` of `api/schema`). */
  resolve?: SchemaResolver;
  /** The request's `fieldValidation` (default `Warn`, as on the server); it changes decode errors. */
  fieldValidation?: FieldValidation;
}

/** apiserver `maxJSONPatchOperations`. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

function asObject(result: JsonValue): JsonObject {
  if (isJsonObject(result)) return result;
  throw undecodablePatchResult(JSON.stringify(result), notAnObjectDecodeError(jsonKindName(result)));
}

function applyJson(current: JsonObject, patch: unknown, validation: FieldValidation): JsonObject {
  let ops;
  try {
    ops = decodeJsonPatch(patch, validation);
  } catch (e) {
    if (e instanceof JsonPatchDecodeError) throw patchBadRequest(e.message);
    throw e;
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw entityTooLarge(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
    );
  }
  try {
    return asObject(applyJsonPatch(current, ops));
  } catch (e) {
    if (e instanceof JsonPatchError) throw patchRejected(e.message);
    if (e instanceof JsonPatchPanic) throw apiserverPanic();
    throw e;
  }
}

function applyMerge(current: JsonObject, patch: unknown, validation: FieldValidation): JsonObject {
  if (validation !== 'Ignore' && patch !== null && !isJsonObject(patch)) {
    throw patchBadRequest(
      `error decoding patch: json: cannot unmarshal ${jsonKindName(patch)} into Go value of type map[string]interface {}`,
    );
  }
  try {
    return asObject(jsonMergePatch(current, patch as JsonValue));
  } catch (e) {
    if (e instanceof MergePatchError) throw patchBadRequest(e.message);
    throw e;
  }
}

function applyStrategic(current: JsonObject, patch: unknown, opts: ApplyPatchOptions): JsonObject {
  if (patch !== null && !isJsonObject(patch)) {
    throw patchBadRequest(
      `json: cannot unmarshal ${jsonKindName(patch)} into Go value of type map[string]interface {}`,
    );
  }
  try {
    return strategicMergePatch(current, patch, opts.typeName, opts.resolve);
  } catch (e) {
    if (e instanceof StrategicMergePatchError) {
      if (e.kind === 'badRequest') throw patchBadRequest(e.message);
      if (e.kind === 'invalid') throw patchRejected(e.message);
      throw unknownError(e.message);
    }
    if (e instanceof SmpPanic) throw apiserverPanic();
    throw e;
  }
}

/**
 * Applies a PATCH body (already parsed from JSON) to a copy of `current`. Throws a StatusError
 * with the status, reason and message the real API server answers for a patch that is
 * malformed or does not apply.
 */
export function applyPatch(
  current: JsonObject,
  patch: unknown,
  type: PatchKind,
  opts: ApplyPatchOptions = {},
): JsonObject {
  const validation = opts.fieldValidation ?? 'Warn';
  switch (type) {
    case 'json':
      return applyJson(current, patch, validation);
    case 'merge':
      return applyMerge(current, patch, validation);
    case 'strategic':
      return applyStrategic(current, patch, opts);
  }
}
