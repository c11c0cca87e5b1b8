/**
 * Ctrl+C in the commands that catch it. `get -w`, `events -w`, `rollout status` and `wait` run
 * their watch under kubectl's util/interrupt handler: SIGINT runs its cleanups and exits 1.
 * `port-forward` closes its listeners and returns normally (0). Everything else dies of the
 * signal (130, the shell's default).
 */
import type { CommandIO } from '../shell/types';

/** The exit status of a command kubectl's interrupt handler ended. */
export const INTERRUPT_HANDLED = 1;

/** From here on the command catches Ctrl+C itself: the shell tells it and keeps its status. */
export function catchInterrupt(io: CommandIO): void {
  io.trapInterrupt?.();
}
