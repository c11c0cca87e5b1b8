import type { Builtin } from '../context';
import { compile } from './regex';
import { errorText, lines, linesOf, splitFlags } from './util';

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/**
 * grep -i -v -c -E -F -n -q -o -w -h -H -l -s -e PATTERN, context -A/-B/-C NUM (groups split by
 * `--`), -m NUM. Exit 0 (match), 1 (none), 2 (error).
 */
export const grep: Builtin = async (argv, io) => {
  const { flags, rest, bad } = splitFlags(argv.slice(1), 'eABCm');
  if (bad) {
    io.stderr.write(
      `grep: option requires an argument -- '${bad}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
    );
    return 2;
  }
  const has = (f: string): boolean => flags.some(([x]) => x === f);
  const patterns = flags.filter(([f]) => f === 'e').map(([, v]) => v ?? '');
  const args = [...rest];
  if (patterns.length === 0) {
    const p = args.shift();
    if (p === undefined) {
      io.stderr.write(
        "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      );
      return 2;
    }
    patterns.push(...p.split('\n'));
  }
  let res: RegExp[];
  try {
    res = patterns.map((p) =>
      compile(p, { extended: has('E'), fixed: has('F'), ignoreCase: has('i'), global: true, word: has('w') }),
    );
  } catch {
    io.stderr.write('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const num = (f: string): number | undefined => {
    const v = flags.filter(([x]) => x === f).pop()?.[1];
    return v === undefined ? undefined : Number(v);
  };
  for (const f of ['A', 'B', 'C', 'm']) {
    const v = num(f);
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) {
      const arg = flags.filter(([x]) => x === f).pop()?.[1];
      io.stderr.write(
        f === 'm' ? `grep: invalid max count\n` : `grep: ${arg}: invalid context length argument\n`,
      );
      return 2;
    }
  }
  const after = num('A') ?? num('C') ?? 0;
  const before = num('B') ?? num('C') ?? 0;
  const maxCount = num('m');
  const invert = has('v');
  const showName = has('H') || (args.length > 1 && !has('h'));
  let matched = false;
  let error = false;
  const context = (after > 0 || before > 0) && !has('o');
  const scan = async (name: string, source: AsyncIterable<{ line: string }>): Promise<void> => {
    let count = 0;
    let idx = 0;
    // Context: lines kept for -B, lines still owed to -A, the last line printed (for `--`).
    const held: Array<{ idx: number; line: string }> = [];
    let owed = 0;
    let lastPrinted = 0;
    const emit = (n: number, line: string, sep: string): void => {
      if (context && lastPrinted > 0 && n > lastPrinted + 1) io.stdout.write('--\n');
      io.stdout.write((showName ? `${name}${sep}` : '') + (has('n') ? `${n}${sep}` : '') + line + '\n');
      lastPrinted = n;
    };
    for await (const { line } of source) {
      idx++;
      if (maxCount !== undefined && count >= maxCount) {
        if (owed-- > 0 && !has('c') && !has('l') && !has('q')) emit(idx, line, '-');
        else break;
        continue;
      }
      const hit = res.some((r) => {
        r.lastIndex = 0;
        return r.test(line);
      });
      if (hit === invert) {
        if (owed > 0) {
          owed--;
          if (!has('c') && !has('l') && !has('q')) emit(idx, line, '-');
        } else if (before > 0) {
          held.push({ idx, line });
          if (held.length > before) held.shift();
        }
        continue;
      }
      count++;
      matched = true;
      if (has('q')) return;
      if (has('c') || has('l')) continue;
      if (context) {
        for (const h of held.splice(0)) emit(h.idx, h.line, '-');
        emit(idx, line, ':');
        owed = after;
        continue;
      }
      const prefix = (showName ? `${name}:` : '') + (has('n') ? `${idx}:` : '');
      if (has('o') && !invert) {
        for (const r of res) {
          r.lastIndex = 0;
          for (const m of line.matchAll(r)) if (m[0]) io.stdout.write(prefix + m[0] + '\n');
        }
      } else io.stdout.write(prefix + line + '\n');
    }
    if (has('c')) io.stdout.write((showName ? `${name}:` : '') + count + '\n');
    if (has('l') && count > 0) io.stdout.write(name + '\n');
  };
  for (const file of args.length ? args : ['-']) {
    if (file === '-') {
      await scan('(standard input)', linesOf(io.stdin));
      continue;
    }
    let text: string;
    try {
      text = io.fs.readFile(io.fs.resolve(io.cwd, file));
    } catch (e) {
      if (!has('s')) io.stderr.write(`grep: ${file}: ${errorText(e)}\n`);
      error = true;
      continue;
    }
    await scan(file, fromArray(lines(text).map((line) => ({ line }))));
    if (has('q') && matched) break;
  }
  if (error && !(has('q') && matched)) return 2;
  return matched ? 0 : 1;
};
