import type { Builtin } from '../context';
import { unescape } from './echo';

/** bash's printf: %s %d %i %f %x %o %c %b %%, widths and precision; the format repeats for extra arguments. */
export const printf: Builtin = async (argv, io) => {
  const format = argv[1];
  if (format === undefined) {
    io.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const args = argv.slice(2);
  let k = 0;
  let code = 0;
  let out = '';
  do {
    const used = k;
    out += unescape(format).replace(
      /%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdifxXocb%])/g,
      (m, flags: string, width: string, prec: string | undefined, conv: string) => {
        if (conv === '%') return '%';
        const arg = args[k++] ?? '';
        let s: string;
        if (conv === 's') s = prec !== undefined ? arg.slice(0, Number(prec)) : arg;
        else if (conv === 'b') s = unescape(arg);
        else if (conv === 'c') s = arg.slice(0, 1);
        else {
          const n = arg === '' ? 0 : Number(arg);
          if (Number.isNaN(n)) {
            io.stderr.write(`bash: printf: ${arg}: invalid number\n`);
            code = 1;
          }
          const v = Number.isNaN(n) ? 0 : n;
          if (conv === 'f') s = v.toFixed(prec !== undefined ? Number(prec) : 6);
          else if (conv === 'x') s = Math.trunc(v).toString(16);
          else if (conv === 'X') s = Math.trunc(v).toString(16).toUpperCase();
          else if (conv === 'o') s = Math.trunc(v).toString(8);
          else s = String(Math.trunc(v));
          if (flags.includes('+') && v >= 0) s = '+' + s;
        }
        const w = Number(width || 0);
        if (s.length >= w) return s;
        if (flags.includes('-')) return s.padEnd(w);
        return flags.includes('0') && conv !== 's' ? s.padStart(w, '0') : s.padStart(w);
      },
    );
    if (k === used) break;
  } while (k < args.length);
  io.stdout.write(out);
  return code;
};
