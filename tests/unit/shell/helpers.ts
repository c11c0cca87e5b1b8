import { VirtualClock } from '../../../sandbox/clock/clock';
import { MemoryFs } from '../../../sandbox/fs/memory';
import { Shell, type ShellOptions } from '../../../sandbox/shell/shell';
import { drive } from '../../../sandbox/shell/driver';

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function makeShell(opts: Partial<ShellOptions> = {}): {
  shell: Shell;
  fs: MemoryFs;
  clock: VirtualClock;
} {
  const clock = new VirtualClock({ start: Date.UTC(2026, 10, 27, 2, 3, 12) });
  const fs = new MemoryFs();
  const shell = new Shell({ fs, clock, yieldToHost: nextTurn, isTTY: false, ...opts });
  return { shell, fs, clock };
}

/** Run a line headless (clock driven); stdout and stderr separately and interleaved. */
export async function sh(
  shell: Shell,
  clock: VirtualClock,
  src: string,
): Promise<{ code: number; out: string; err: string; all: string }> {
  let out = '';
  let err = '';
  let all = '';
  const code = await drive(
    clock,
    shell.run(src, {
      stdout: { write: (t) => ((out += t), (all += t)) },
      stderr: { write: (t) => ((err += t), (all += t)) },
    }),
    { yieldToHost: nextTurn },
  );
  return { code, out, err, all };
}
