import type { Builtin } from '../context';
import { fromUtf8, utf8 } from '../../api/go/bytes';
import { lines, linesOf, readInputs } from './util';

function headOrTail(cmd: 'head' | 'tail'): Builtin {
  return async (argv, io) => {
    let n = 10;
    let fromStart = false;
    let bytes = false;
    const files: string[] = [];
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i];
      let v: string | undefined;
      let unit: 'lines' | 'bytes' = 'lines';
      if (a === '-n' || a === '-c') {
        v = argv[++i];
        unit = a === '-c' ? 'bytes' : 'lines';
      } else if (/^-[nc]./.test(a)) {
        v = a.slice(2);
        unit = a[1] === 'c' ? 'bytes' : 'lines';
      } else if (a.startsWith('--lines=') || a.startsWith('--bytes=')) {
        v = a.slice(8);
        unit = a.startsWith('--bytes=') ? 'bytes' : 'lines';
      } else if (/^-\d+$/.test(a)) v = a.slice(1);
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
        io.stderr.write(`${cmd}: invalid number of ${unit}: ‘${v ?? ''}’\n`);
        return 1;
      }
      n = Number(v);
      bytes = unit === 'bytes';
    }
    if (bytes) return byteSlices(cmd, n, fromStart, files, io);
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
    return eachInput(cmd, files, io, (text) => {
      const ls = lines(text);
      let pick: string[];
      if (cmd === 'head') pick = n >= 0 ? ls.slice(0, n) : ls.slice(0, Math.max(0, ls.length + n));
      else if (fromStart) pick = ls.slice(Math.max(0, n - 1));
      else pick = n === 0 ? [] : ls.slice(-Math.abs(n));
      const endsWithNl = text.endsWith('\n');
      const lastIncluded = pick.length > 0 && (cmd === 'tail' || pick.length === ls.length);
      return pick.join('\n') + (pick.length && (endsWithNl || !lastIncluded) ? '\n' : '');
    });
  };
}

/** Each input in turn (a `==> name <==` header when there are several): what `pick` keeps of it. */
async function eachInput(
  cmd: 'head' | 'tail',
  files: string[],
  io: Parameters<Builtin>[1],
  pick: (text: string) => string,
): Promise<number> {
  let code = 0;
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
    io.stdout.write(pick(input.text));
  });
  return code;
}

/** `-c N`: the first (head) or last (tail) N bytes of UTF-8; `head -c -N` all but the last N, `tail -c +N` from byte N. */
async function byteSlices(
  cmd: 'head' | 'tail',
  n: number,
  fromStart: boolean,
  files: string[],
  io: Parameters<Builtin>[1],
): Promise<number> {
  return eachInput(cmd, files, io, (text) => {
    const data = utf8(text);
    let part: number[];
    if (cmd === 'head') part = n >= 0 ? data.slice(0, n) : data.slice(0, Math.max(0, data.length + n));
    else if (fromStart) part = data.slice(Math.max(0, n - 1));
    else part = n === 0 ? [] : data.slice(Math.max(0, data.length - Math.abs(n)));
    // A cut through a multi-byte character shows as U+FFFD, as a terminal shows the stray bytes.
    return fromUtf8(part);
  });
}

export const head = headOrTail('head');
export const tail = headOrTail('tail');
