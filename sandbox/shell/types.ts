/**
 * The contract between the shell and the programs it runs (builtins, `kubectl`, `curl`): argv in,
 * text out on two streams, an exit code back, and an interrupt (Ctrl+C) to honour.
 */
import type { VirtualFs } from '../fs/types';

export interface OutputStream {
  write(text: string): void;
}

export interface InputStream {
  /** Everything until end of input (a pipe's producer finished, a heredoc, or empty stdin). */
  readAll(): Promise<string>;
  /**
   * The next chunk as soon as it is written, or null at end of input: lets `grep`, `head` and `cat`
   * stream from an endless producer (`kubectl get pods -w | grep web`). Optional: a stream without
   * it is read with `readAll`. Do not mix the two on one stream.
   */
  read?(): Promise<string | null>;
  /** True when stdin is the terminal itself (no pipe, no redirect). */
  readonly isTerminal: boolean;
}

/** Ctrl+C: programs check `interrupted` between steps or subscribe with `onInterrupt`. */
export interface Interrupt {
  readonly interrupted: boolean;
  /** Run `fn` on interrupt; returns an unsubscribe function. */
  onInterrupt(fn: () => void): () => void;
}

export interface CommandIO {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  interrupt: Interrupt;
  /** Exported variables (HOME, USER, EDITOR, KUBE_EDITOR, PATH...). */
  env: Readonly<Record<string, string>>;
  cwd: string;
  fs: VirtualFs;
  /** Terminal width in columns, when stdout is the terminal. */
  columns?: number;
  /** stdout is the terminal (not a pipe or a file): colours and interactive behaviour allowed. */
  isTTY: boolean;
  /**
   * stdout is the terminal screen (not a pipe or a file), even where colours are off (the headless
   * `--script` terminal). Decides layout (ls columns, watch redraws, curl's progress meter).
   * Absent: same as `isTTY`.
   */
  stdoutIsTerminal?: boolean;
  /**
   * The command catches Ctrl+C itself, as a program that handles SIGINT does (kubectl's watches,
   * `port-forward`): `interrupt` tells it, its own exit status stands, and the rest of the line
   * goes on (bash continues when the foreground child did not die of the signal). Absent where
   * nothing can interrupt the command separately.
   */
  trapInterrupt?(): void;
}

/** A program the shell can run: resolves to its exit code. */
export type Program = (argv: readonly string[], io: CommandIO) => Promise<number>;
