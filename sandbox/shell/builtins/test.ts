import type { Builtin } from '../context';
import type { CommandIO } from '../types';

/** `test` and `[`: strings, integers, files, `!`, `-a`, `-o`. */
export const test: Builtin = async (argv, io) => {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      io.stderr.write("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, io) ? 0 : 1;
  } catch (e) {
    io.stderr.write(`bash: ${argv[0]}: ${(e as Error).message}\n`);
    return 2;
  }
};

function evaluate(args: string[], io: CommandIO): boolean {
  const orIdx = args.indexOf('-o');
  if (orIdx > 0) return evaluate(args.slice(0, orIdx), io) || evaluate(args.slice(orIdx + 1), io);
  const andIdx = args.indexOf('-a');
  if (andIdx > 0) return evaluate(args.slice(0, andIdx), io) && evaluate(args.slice(andIdx + 1), io);
  if (args[0] === '!') return !evaluate(args.slice(1), io);
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  const path = (p: string): string => io.fs.resolve(io.cwd, p);
  if (args.length === 2) {
    const [op, v] = args;
    switch (op) {
      case '-z':
        return v === '';
      case '-n':
        return v !== '';
      case '-e':
        return io.fs.exists(path(v));
      case '-f':
        return io.fs.exists(path(v)) && !io.fs.isDirectory(path(v));
      case '-d':
        return io.fs.isDirectory(path(v));
      case '-s':
        return io.fs.exists(path(v)) && !io.fs.isDirectory(path(v)) && io.fs.readFile(path(v)).length > 0;
    }
    throw new Error(`${op}: unary operator expected`);
  }
  const [a, op, b] = args;
  const int = (s: string): number => {
    if (!/^\s*-?\d+\s*$/.test(s)) throw new Error(`${s}: integer expression expected`);
    return Number(s);
  };
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '-eq':
      return int(a) === int(b);
    case '-ne':
      return int(a) !== int(b);
    case '-lt':
      return int(a) < int(b);
    case '-le':
      return int(a) <= int(b);
    case '-gt':
      return int(a) > int(b);
    case '-ge':
      return int(a) >= int(b);
  }
  throw new Error('too many arguments');
}
