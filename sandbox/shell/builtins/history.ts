import type { Builtin } from '../context';

/** `history` (numbered like bash), `history N`, `history -c`. */
export const history: Builtin = async (argv, io, sh) => {
  if (argv[1] === '-c') {
    sh.clearHistory();
    return 0;
  }
  const all = sh.history;
  const n = argv[1] !== undefined ? Number(argv[1]) : all.length;
  if (!Number.isInteger(n) || n < 0) {
    io.stderr.write(`bash: history: ${argv[1]}: numeric argument required\n`);
    return 1;
  }
  const start = Math.max(0, all.length - n);
  for (let i = start; i < all.length; i++) io.stdout.write(`${String(i + 1).padStart(5)}  ${all[i]}\n`);
  return 0;
};
