/**
 * Ctrl+C. kubectl v1.32 ends on SIGINT with status 1 and no message, whatever it was doing
 * (measured: `get -w`, `events -w`, `rollout status`, `wait`, `logs -f`, a `delete` waiting for
 * the object to go). `port-forward` closes its listeners and returns normally (0). The shell's
 * default for a command that does not catch the signal is 130; kubectl catches it.
 */
import type { CommandIO } from '../shell/types';

/** The exit status of a kubectl that Ctrl+C ended. */
export const INTERRUPT_HANDLED = 1;

/** The command ends on Ctrl+C in its own way and returns its own status (see `withInterrupt`). */
export function catchInterrupt(io: CommandIO): void {
  io.trapInterrupt?.();
}

/**
 * Run a kubectl command as the real binary runs: Ctrl+C ends it with 1 and silences it, unless
 * the command said (`catchInterrupt`) that it ends by itself.
 */
export async function withInterrupt(io: CommandIO, run: (io: CommandIO) => Promise<number>): Promise<number> {
  let own = false;
  let open = true;
  const gate = (s: CommandIO['stdout']): CommandIO['stdout'] => ({
    write: (t) => {
      if (open) s.write(t);
    },
  });
  const inner: CommandIO = {
    ...io,
    stdout: gate(io.stdout),
    stderr: gate(io.stderr),
    trapInterrupt: () => {
      own = true;
    },
  };
  io.trapInterrupt?.();
  let off = (): void => {};
  const stopped = new Promise<number>((resolve) => {
    off = io.interrupt.onInterrupt(() => {
      if (own) return;
      open = false;
      resolve(INTERRUPT_HANDLED);
    });
  });
  try {
    const code = await Promise.race([run(inner), stopped]);
    return io.interrupt.interrupted && !own ? INTERRUPT_HANDLED : code;
  } finally {
    off();
  }
}
