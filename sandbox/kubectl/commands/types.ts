/** The command table's shape: what `--help`, completion and dispatch are generated from. */
import type { CommandIO } from '../../shell/types';
import type { KubectlEnv } from '../env';
import type { FlagSpec, Flags } from '../flags';

export interface RunContext {
  env: KubectlEnv;
  io: CommandIO;
  flags: Flags;
  /** Command words (`['set', 'image']`). */
  path: string[];
  /** Namespace from `-n` or the context. */
  namespace: string;
  /** `-n` was given explicitly. */
  namespaceSet: boolean;
}

export interface CommandDef {
  name: string;
  aliases?: string[];
  short: string;
  long?: string;
  examples?: string;
  usage: string;
  /** Section of `kubectl --help`. */
  group?: string;
  flags?: FlagSpec[];
  subcommands?: CommandDef[];
  hidden?: boolean;
  /** Cobra's `Deprecated`: `Command "x" is deprecated, <text>` on stderr before running. */
  deprecated?: string;
  /** Flags cobra requires (`required flag(s) "replicas" not set`). */
  required?: string[];
  run?: (ctx: RunContext) => Promise<number>;
}
