import type { CommandIO } from '../../../sandbox/shell/types';
import type { VirtualFs } from '../../../sandbox/fs/types';

export interface TestIO extends CommandIO {
  out(): string;
  err(): string;
  /** Everything in write order, as a terminal shows it. */
  all(): string;
  interruptNow(): void;
  files: Map<string, string>;
}

export function makeIO(): TestIO {
  let out = '';
  let err = '';
  let all = '';
  let interrupted = false;
  const handlers = new Set<() => void>();
  const files = new Map<string, string>();
  const fs: VirtualFs = {
    resolve: (_cwd, p) => p,
    exists: (p) => files.has(p) || p === '/tmp',
    isDirectory: (p) => p === '/tmp',
    readFile: (p) => files.get(p) ?? '',
    writeFile: (p, c) => void files.set(p, c),
    appendFile: (p, c) => void files.set(p, (files.get(p) ?? '') + c),
    readdir: () => [...files.keys()],
    mkdir: () => {},
    remove: (p) => void files.delete(p),
  };
  return {
    stdin: { readAll: async () => '', isTerminal: true },
    stdout: { write: (t) => ((out += t), (all += t)) && undefined },
    stderr: { write: (t) => ((err += t), (all += t)) && undefined },
    interrupt: {
      get interrupted() {
        return interrupted;
      },
      onInterrupt(fn) {
        handlers.add(fn);
        return () => handlers.delete(fn);
      },
    },
    env: {},
    cwd: '/root',
    fs,
    isTTY: true,
    out: () => out,
    err: () => err,
    all: () => all,
    interruptNow() {
      interrupted = true;
      for (const h of [...handlers]) h();
    },
    files,
  };
}

/** Let promise continuations run (the virtual clock resolves sleeps synchronously). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
