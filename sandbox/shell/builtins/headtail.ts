import type { Builtin } from '../context';
import { lines, linesOf, readInputs } from './util';

function headOrTail(cmd: 'head' | 'tail'): Builtin {
  return async (argv, io) => {
    let n = 10;
    let fromStart = false;
    const files: string[] = [];
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i];
      let v: string | undefined;
      if (a === '-n') v = argv[++i];
      else if (a.startsWith('-n')) v = a.slice(2);
      else if (/^-\d+$/.test(a)) v = a.slice(1);
      else if (a === '-f' || a === '-q') continue;
      else {
        files.push(a);
        continue;
      }
      if (v !== undefined && cmd === 'tail' && v.startsWith('+')) {
        fromStart = true;
        v = v.slice(1);
      }
      if (v === undefined || !/^-?\d+$/.test(v)) {
        io.stderr.write(`${cmd}: invalid number of lines: ‘${v ?? ''}’\n`);
        return 1;
      }
      n = Number(v);
    }
    let code = 0;
    if (cmd === 'head' && n >= 0 && (files.length === 0 || (files.length === 1 && files[0] === '-'))) {
      // Stream, and stop reading after n lines (the writer then gets SIGPIPE).
      let left = n;
      if (left === 0) return 0;
      for await (const { line, newline } of linesOf(io.stdin)) {
        io.stdout.write(line + (newline ? '\n' : ''));
        if (--left === 0) break;
      }
      return 0;
    }
    const inputs = await readInputs(files, io);
    inputs.forEach((input, idx) => {
      if ('error' in input) {
        io.stderr.write(`${cmd}: cannot open '${input.name}' for reading: ${input.error}\n`);
        code = 1;
        return;
      }
      if (inputs.length > 1)
        io.stdout.write(
          `${idx > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`,
        );
      const ls = lines(input.text);
      let pick: string[];
      if (cmd === 'head') pick = n >= 0 ? ls.slice(0, n) : ls.slice(0, Math.max(0, ls.length + n));
      else if (fromStart) pick = ls.slice(Math.max(0, n - 1));
      else pick = n === 0 ? [] : ls.slice(-Math.abs(n));
      const endsWithNl = input.text.endsWith('\n');
      const lastIncluded = pick.length > 0 && (cmd === 'tail' || pick.length === ls.length);
      io.stdout.write(pick.join('\n') + (pick.length && (endsWithNl || !lastIncluded) ? '\n' : ''));
    });
    return code;
  };
}

export const head = headOrTail('head');
export const tail = headOrTail('tail');
