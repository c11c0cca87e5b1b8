/**
 * API errors as values: every failure carries the Kubernetes `Status` the real API server sends,
 * with the same reason, code and message, so kubectl (ours or a real one) prints the same lines.
 */
import type { Status, StatusCause, StatusDetails } from './types';

export class StatusError extends Error {
  readonly status: Status;

  constructor(status: Status) {
    super(status.message ?? status.reason ?? 'unknown error');
    this.name = 'StatusError';
    this.status = status;
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): string {
    return this.status.reason ?? '';
  }
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): StatusError {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (details) status.details = details;
  return new StatusError(status);
}

/** `resource` is `plural[.group]`, as in `deployments.apps "kubia" not found`. */
function qualified(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function notFound(resource: string, group: string, name: string): StatusError {
  return failure(404, 'NotFound', `${qualified(resource, group)} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function alreadyExists(resource: string, group: string, name: string): StatusError {
  return failure(409, 'AlreadyExists', `${qualified(resource, group)} "${name}" already exists`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function conflict(resource: string, group: string, name: string, detail: string): StatusError {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${detail}`,
    {
      name,
      ...(group ? { group } : {}),
      kind: resource,
    },
  );
}

export const OBJECT_MODIFIED =
  'the object has been modified; please apply your changes to the latest version and try again';

/** One field error: `<field>: <body>`, as apimachinery's field.Error prints it. */
export interface FieldError {
  type:
    | 'FieldValueRequired'
    | 'FieldValueInvalid'
    | 'FieldValueForbidden'
    | 'FieldValueNotSupported'
    | 'FieldValueDuplicate'
    | 'FieldValueTooLong'
    | 'FieldValueTooMany'
    | 'FieldValueNotFound';
  field: string;
  /** The part after `<field>: `, e.g. `Invalid value: -1: must be greater than or equal to 0`. */
  body: string;
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${e.body}`;
}

/**
 * 422 Invalid: `Deployment.apps "nginx" is invalid: [<e1>, <e2>]` (one error: no brackets).
 * `details.kind` is the Kind (not the plural), which is what kubectl prints in `The Deployment "x" is invalid`.
 */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): StatusError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const list = errors.map(fieldErrorString);
  const joined = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  const causes: StatusCause[] = errors.map((e) => ({ reason: e.type, message: e.body, field: e.field }));
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes,
  });
}

export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

export function methodNotAllowed(
  message = 'the server does not allow this method on the requested resource',
): StatusError {
  return failure(405, 'MethodNotAllowed', message);
}

export function gone(message: string): StatusError {
  return failure(410, 'Expired', message);
}

export function forbidden(message: string, details?: StatusDetails): StatusError {
  return failure(403, 'Forbidden', message, details);
}

export function unsupportedMediaType(message: string): StatusError {
  return failure(415, 'UnsupportedMediaType', message);
}

export function internalError(message: string): StatusError {
  return failure(500, 'InternalError', message);
}

export function tooManyRequests(message: string): StatusError {
  return failure(429, 'TooManyRequests', message);
}
