/**
 * The error helpers the rollout, describe and ops commands use, on top of kubectl's one error
 * printer (`../errors`).
 */
import { isStatusError } from '../../api/errors';
import type { CommandIO } from '../../shell/types';
import { KubectlError, errorText, printError } from '../errors';

export { KubectlError, errorText };

/** Print the error to stderr as kubectl does; returns kubectl's exit code 1. */
export function fail(io: CommandIO, e: unknown): number {
  printError(io.stderr, e);
  return 1;
}

/** A StatusError's message without the `Error from server` decoration (kubectl's `%v` of an API error). */
export function plainMessage(e: unknown): string {
  if (isStatusError(e)) return e.status.message ?? '';
  return e instanceof Error ? e.message : String(e);
}
