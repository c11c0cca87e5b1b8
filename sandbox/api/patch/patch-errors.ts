/**
 * The Status errors the API server's PATCH handler returns, built as upstream builds them
 * (apiserver `endpoints/handlers/patch.go`, apimachinery `api/errors`).
 */
import type { Status } from '../types';
import { StatusError, internalError } from '../errors';

/** `NewGenericServerResponse(422, …)`: the message a client sees for a JSON patch that does not apply. */
export const PATCH_REJECTED_MESSAGE = 'the server rejected our request due to an error in our request';

/** The plain-text body of the apiserver's panic recovery filter. */
export const APISERVER_PANIC_MESSAGE =
  'This request caused apiserver to panic. Look in the logs for details.';

/**
 * A patch the server refused. `detail` is the upstream error text: for the generic 422 the server
 * keeps it to itself (`details` is `{}`), but it says what went wrong.
 */
export class PatchError extends StatusError {
  readonly detail: string;

  constructor(status: Status, detail: string) {
    super(status);
    this.name = 'PatchError';
    this.detail = detail;
  }
}

/** 422 Invalid with the generic message and empty details (JSON patch op failures, lists of lists). */
export function patchRejected(detail: string): PatchError {
  return new PatchError(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: PATCH_REJECTED_MESSAGE,
      reason: 'Invalid',
      details: {},
      code: 422,
    },
    detail,
  );
}

/** A plain Go error that reached the handler: 500, no reason, the error text as message. */
export function unknownError(message: string): PatchError {
  return new PatchError(
    { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 },
    message,
  );
}

/** 400 BadRequest with the upstream message. */
export function patchBadRequest(message: string): PatchError {
  return new PatchError(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason: 'BadRequest',
      code: 400,
    },
    message,
  );
}

/** `NewRequestEntityTooLargeError`. */
export function entityTooLarge(message: string): PatchError {
  return new PatchError(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Request entity too large: ${message}`,
      reason: 'RequestEntityTooLarge',
      code: 413,
    },
    message,
  );
}

/** Where upstream code panics (nil dereference); real kubectl then reports a 500 with this text. */
export function apiserverPanic(): StatusError {
  return internalError(APISERVER_PANIC_MESSAGE);
}

/**
 * The patched document does not decode into the object (it is not a JSON object):
 * `NewInvalid(GroupKind{}, "", [field.Invalid("patch", <patched JSON>, <decode error>)])`.
 */
export function undecodablePatchResult(patchedJson: string, decodeError: string): PatchError {
  const body = `Invalid value: ${JSON.stringify(patchedJson)}: ${decodeError}`;
  return new PatchError(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: ` "" is invalid: patch: ${body}`,
      reason: 'Invalid',
      details: { causes: [{ reason: 'FieldValueInvalid', message: body, field: 'patch' }] },
      code: 422,
    },
    decodeError,
  );
}

/** What decoding a non-object into a typed object says (the serializer first looks for apiVersion/kind). */
export function notAnObjectDecodeError(jsonKind: string): string {
  return (
    `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind} into Go value of type ` +
    'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'
  );
}
