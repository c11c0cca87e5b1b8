/**
 * How kubectl prints a failure (cmdutil.CheckErr): API Status errors as `Error from server
 * (<Reason>): <message>` or the Invalid form, anything else as `error: <message>`.
 * Local copy until the shared kubectl error printer exists.
 */
import { isStatusError } from '../../api/errors';
import type { CommandIO } from '../../shell/types';

/** A client-side failure whose message kubectl prints after `error: `. */
export class KubectlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubectlError';
  }
}

export function errorText(e: unknown): string {
  if (isStatusError(e)) {
    const s = e.status;
    if (s.reason === 'Invalid' && s.details?.kind) {
      const causes = s.details.causes ?? [];
      const head = `The ${s.details.kind} "${s.details.name ?? ''}" is invalid: `;
      if (causes.length === 0) return head + (s.message ?? '');
      if (causes.length === 1) return `${head}${causes[0].field}: ${causes[0].message}`;
      return head + '\n' + causes.map((c) => `* ${c.field}: ${c.message}`).join('\n');
    }
    return `Error from server (${s.reason || 'Unknown'}): ${s.message ?? ''}`;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/** Print the error to stderr; returns kubectl's exit code 1. */
export function fail(io: CommandIO, e: unknown): number {
  io.stderr.write(`${errorText(e)}\n`);
  return 1;
}

/** A StatusError's message without the `Error from server` decoration (kubectl's `%v` of an API error). */
export function plainMessage(e: unknown): string {
  if (isStatusError(e)) return e.status.message ?? '';
  return e instanceof Error ? e.message : String(e);
}
