/** The shell's public surface (the site and the CLI use these). */
export type { CommandIO, InputStream, Interrupt, OutputStream, Program } from './types';
export type { Builtin, ShellApi } from './context';
export type { HttpOutcome, HttpRequestSpec, ShellNetwork } from './net';
export { Shell, type RunOptions, type RunSinks, type ShellOptions } from './shell';
export { parse, type ParseResult } from './parser';
export { eofMessage, type IncompleteReason } from './errors';
export { drive, type DriveOptions } from './driver';
export {
  createSession,
  sandboxNetwork,
  type LineOutcome,
  type Session,
  type SessionOptions,
} from './session';
export { runScript, type ScriptOptions } from './script';
export { BUILTINS } from './builtins';
export { complete, type Completion } from './complete';
