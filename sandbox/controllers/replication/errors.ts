/** Error helpers: the Go-style wording of the errors the controller returns. */
import { isStatusError } from '../../api/errors';

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function isNotFound(err: unknown): boolean {
  return isStatusError(err) && err.code === 404;
}

export function isInvalid(err: unknown): boolean {
  return isStatusError(err) && err.reason === 'Invalid';
}

/** The API refused a create because the namespace is being deleted (StatusCause NamespaceTerminating). */
export function isNamespaceTerminating(err: unknown): boolean {
  if (!isStatusError(err)) return false;
  const causes = err.status.details?.causes ?? [];
  return (
    causes.some((c) => c.reason === 'NamespaceTerminating') ||
    (err.code === 403 && (err.message ?? '').includes('because it is being terminated'))
  );
}

/** utilerrors.NewAggregate: one error as itself, several as `[a, b]`. */
export function aggregate(errs: unknown[]): Error | undefined {
  if (errs.length === 0) return undefined;
  if (errs.length === 1) return errs[0] instanceof Error ? errs[0] : new Error(messageOf(errs[0]));
  return new Error(`[${errs.map(messageOf).join(', ')}]`);
}
