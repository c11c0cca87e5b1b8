/** What builtins may use of the shell that runs them, beyond the CommandIO every program gets. */
import type { VirtualClock } from '../clock/clock';
import type { EditorHost } from '../kubectl/env';
import type { JobTable } from './jobs';
import type { ShellNetwork } from './net';
import type { CommandIO } from './types';

export interface ShellApi {
  readonly clock: VirtualClock;
  readonly hostname: string;
  readonly user: string;
  readonly editor: EditorHost | undefined;
  readonly network: ShellNetwork | undefined;
  readonly history: readonly string[];
  /** The shell's background jobs, for `jobs`, `kill`, `wait`, `fg`. */
  readonly jobs: JobTable;
  clearHistory(): void;
  getVar(name: string): string | undefined;
  setVar(name: string, value: string, exported?: boolean): void;
  unsetVar(name: string): void;
  /** Exported variables, for `env`/`export -p`. */
  exportedVars(): Record<string, string>;
  markExported(name: string): void;
  setCwd(path: string): void;
  /** `local`: scope `name` to the running function (false outside one), then set it when `value` is given. */
  declareLocal(name: string, value: string | undefined): boolean;
  /** `local` alone: the running function's locals as `declare` lines; undefined outside a function. */
  localsListing(): string | undefined;
  /** A shell function of that name is defined. */
  isFunction(name: string): boolean;
  /** Names of every command (builtins, programs, functions), sorted. */
  commandNames(): string[];
  /** Run a command given as argv (by `timeout`, `watch`). */
  runArgv(argv: readonly string[], io: CommandIO): Promise<number>;
  /** Run shell source (by `watch` with one quoted argument). */
  runSource(src: string, io: CommandIO): Promise<number>;
  /** `exit`: the shell ends after this line. */
  requestExit(code: number): void;
}

export type Builtin = (argv: readonly string[], io: CommandIO, sh: ShellApi) => Promise<number>;
