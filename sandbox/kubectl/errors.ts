/** How kubectl prints failures (cmdutil.CheckErr): API Status errors, Invalid, client errors. */
import { StatusError } from '../api/errors';
import type { OutputStream } from '../shell/types';

/** A client-side failure: printed as `error: <message>` unless `raw`. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly raw = false,
  ) {
    super(message);
    this.name = 'KubectlError';
  }
}

/** A usage error: `error: <msg>` + `See 'kubectl <cmd> -h' for help and examples`. */
export function usageError(path: readonly string[], message: string): KubectlError {
  return new KubectlError(
    `error: ${message}\nSee 'kubectl ${path.join(' ')} -h' for help and examples`,
    true,
  );
}

/** `error when creating "file": <message>` (kubectl's AddSourceToErr), keeping the Status. */
export function withSource(e: unknown, verb: string, source: string): unknown {
  if (!(e instanceof StatusError) || !source) return e;
  const status = { ...e.status, message: `error when ${verb} "${source}": ${e.status.message ?? ''}` };
  return new StatusError(status);
}

function multiline(prefix: string, errs: string[]): string {
  if (errs.length === 1) return prefix + errs[0];
  return `${prefix}\n${errs.map((x) => `* ${x}\n`).join('')}`;
}

export function errorText(e: unknown): string {
  if (e instanceof StatusError) {
    const s = e.status;
    if (s.reason === 'Invalid') {
      const d = s.details;
      const causes = d?.causes ?? [];
      // checkErr: the server's message only when there is neither a kind/name nor a cause to show.
      let head = 'The request is invalid';
      if (d && (d.kind || d.name)) head = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
      else if (s.message && causes.length === 0) head += `: ${s.message}`;
      if (causes.length === 0) return head;
      return multiline(
        `${head}: `,
        // statusCausesToAggrError drops repeated `field: message` lines.
        [...new Set(causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))],
      );
    }
    return s.reason
      ? `Error from server (${s.reason}): ${s.message ?? ''}`
      : `Error from server: ${s.message ?? ''}`;
  }
  if (e instanceof KubectlError) return e.raw ? e.message : `error: ${e.message}`;
  if (e instanceof Error) return `error: ${e.message}`;
  return `error: ${String(e)}`;
}

export function printError(stderr: OutputStream, e: unknown): void {
  const text = errorText(e);
  stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function isNotFound(e: unknown): boolean {
  return e instanceof StatusError && e.code === 404;
}

/**
 * cmdutil.CheckErr on an aggregate: one error prints as usual; several print one line each, API
 * errors as `Error from server (Reason): message` (Invalid too) and client errors without `error: `.
 */
export function printErrors(stderr: OutputStream, errs: readonly unknown[]): void {
  if (errs.length === 0) return;
  if (errs.length === 1) {
    printError(stderr, errs[0]);
    return;
  }
  for (const e of errs) {
    let text: string;
    if (e instanceof StatusError) {
      text = e.status.reason
        ? `Error from server (${e.status.reason}): ${e.status.message ?? ''}`
        : `Error from server: ${e.status.message ?? ''}`;
    } else text = e instanceof Error ? e.message : String(e);
    stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
