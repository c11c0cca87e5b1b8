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
}

/** A program the shell can run: resolves to its exit code. */
export type Program = (argv: readonly string[], io: CommandIO) => Promise<number>;
