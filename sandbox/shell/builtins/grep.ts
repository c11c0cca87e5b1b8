import type { Builtin } from '../context';
import { compile } from './regex';
import { errorText, lines, linesOf, splitFlags } from './util';

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** grep -i -v -c -E -F -n -q -o -w -h -H -e PATTERN. Exit 0 (match), 1 (none), 2 (error). */
export const grep: Builtin = async (argv, io) => {
  const { flags, rest, bad } = splitFlags(argv.slice(1), 'e');
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
  const invert = has('v');
  const showName = has('H') || (args.length > 1 && !has('h'));
  let matched = false;
  let error = false;
  const scan = async (name: string, source: AsyncIterable<{ line: string }>): Promise<void> => {
    let count = 0;
    let idx = 0;
    for await (const { line } of source) {
      idx++;
      const hit = res.some((r) => {
        r.lastIndex = 0;
        return r.test(line);
      });
      if (hit === invert) continue;
      count++;
      matched = true;
      if (has('q')) return;
      if (has('c') || has('l')) continue;
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
