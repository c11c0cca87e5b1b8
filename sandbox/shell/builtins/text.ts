/** seq, sort, uniq, cut, tr: the text tools a curl loop's output meets (`| sort | uniq -c`). */
import type { Builtin } from '../context';
import { lines, readInputs, splitFlags, usage } from './util';

async function inputLines(
  files: string[],
  io: Parameters<Builtin>[1],
  cmd: string,
): Promise<string[] | number> {
  const out: string[] = [];
  for (const input of await readInputs(files, io)) {
    if ('error' in input) {
      io.stderr.write(`${cmd}: ${input.name}: ${input.error}\n`);
      return 2;
    }
    out.push(...lines(input.text));
  }
  return out;
}

export const seq: Builtin = async (argv, io) => {
  const nums = argv.slice(1).map(Number);
  if (nums.length === 0 || nums.length > 3) return usage(io, 'seq', 'missing operand');
  const bad = argv.slice(1).find((a) => Number.isNaN(Number(a)));
  if (bad !== undefined) return usage(io, 'seq', `invalid floating point argument: ‘${bad}’`);
  const [first, step, last] =
    nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) return usage(io, 'seq', `invalid Zero increment value: ‘${argv[2]}’`);
  let out = '';
  for (let v = first, n = 0; step > 0 ? v <= last : v >= last; v += step, n++) {
    out += `${v}\n`;
    if (n > 1_000_000) break;
  }
  io.stdout.write(out);
  return 0;
};

export const sort: Builtin = async (argv, io) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'kt');
  const has = (f: string): boolean => flags.some(([x]) => x === f);
  const all = await inputLines(rest, io, 'sort');
  if (typeof all === 'number') return all;
  let sorted = [...all].sort((a, b) => {
    if (has('n')) {
      const d = (parseFloat(a) || 0) - (parseFloat(b) || 0);
      if (d !== 0) return d;
    }
    const x = has('f') ? a.toLowerCase() : a;
    const y = has('f') ? b.toLowerCase() : b;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (has('r')) sorted.reverse();
  if (has('u')) sorted = sorted.filter((l, i) => i === 0 || l !== sorted[i - 1]);
  io.stdout.write(sorted.map((l) => l + '\n').join(''));
  return 0;
};

export const uniq: Builtin = async (argv, io) => {
  const { flags, rest } = splitFlags(argv.slice(1), '');
  const has = (f: string): boolean => flags.some(([x]) => x === f);
  const all = await inputLines(rest.slice(0, 1), io, 'uniq');
  if (typeof all === 'number') return 1;
  const groups: Array<{ line: string; n: number }> = [];
  for (const l of all) {
    const last = groups[groups.length - 1];
    if (last && (has('i') ? last.line.toLowerCase() === l.toLowerCase() : last.line === l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  const out = groups
    .filter((g) => (has('d') ? g.n > 1 : has('u') ? g.n === 1 : true))
    .map((g) => (has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`));
  io.stdout.write(out.join(''));
  return 0;
};

function parseList(spec: string): Array<[number, number]> {
  return spec.split(',').map((part) => {
    const [a, b] = part.split('-');
    const from = a === '' ? 1 : Number(a);
    const to = b === undefined ? from : b === '' ? Infinity : Number(b);
    return [from, to];
  });
}

export const cut: Builtin = async (argv, io) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'dfc');
  const delim = flags.find(([f]) => f === 'd')?.[1] ?? '\t';
  const fields = flags.find(([f]) => f === 'f')?.[1];
  const chars = flags.find(([f]) => f === 'c')?.[1];
  if (!fields && !chars) return usage(io, 'cut', 'you must specify a list of bytes, characters, or fields');
  const ranges = parseList((fields ?? chars)!);
  const pick = (n: number): boolean => ranges.some(([a, b]) => n >= a && n <= b);
  const all = await inputLines(rest, io, 'cut');
  if (typeof all === 'number') return 1;
  const out = all.map((l) => {
    if (chars) return [...l].filter((_, i) => pick(i + 1)).join('');
    if (!l.includes(delim)) return l;
    return l
      .split(delim)
      .filter((_, i) => pick(i + 1))
      .join(delim);
  });
  io.stdout.write(out.map((l) => l + '\n').join(''));
  return 0;
};

function expandSet(s: string): string {
  const t = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i + 1] === '-' && i + 2 < t.length) {
      for (let c = t.charCodeAt(i); c <= t.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += t[i];
  }
  return out;
}

export const tr: Builtin = async (argv, io) => {
  const del = argv[1] === '-d';
  const args = argv.slice(del ? 2 : 1);
  if (args.length < (del ? 1 : 2)) return usage(io, 'tr', 'missing operand');
  const from = expandSet(args[0]);
  const to = del ? '' : expandSet(args[1]);
  const text = await io.stdin.readAll();
  let out = '';
  for (const c of text) {
    const i = from.indexOf(c);
    if (i < 0) out += c;
    else if (!del) out += to[Math.min(i, to.length - 1)] ?? '';
  }
  io.stdout.write(out);
  return 0;
};
