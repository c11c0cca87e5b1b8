/** Builtins of one line each. */
import type { Builtin } from '../context';

export const trueCmd: Builtin = async () => 0;
export const falseCmd: Builtin = async () => 1;

export const pwd: Builtin = async (_argv, io) => {
  io.stdout.write(io.cwd + '\n');
  return 0;
};

export const hostname: Builtin = async (_argv, io, sh) => {
  io.stdout.write(sh.hostname + '\n');
  return 0;
};

export const whoami: Builtin = async (_argv, io, sh) => {
  io.stdout.write(sh.user + '\n');
  return 0;
};

/** `clear`: cursor home, erase the screen. */
export const clear: Builtin = async (_argv, io) => {
  io.stdout.write('\x1b[H\x1b[2J');
  return 0;
};
