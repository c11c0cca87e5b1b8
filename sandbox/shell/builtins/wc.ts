import type { Builtin } from '../context';
import { byteLength, readInputs, splitFlags } from './util';

/** wc -l -w -c (-m): GNU column widths. */
export const wc: Builtin = async (argv, io) => {
  const { flags, rest } = splitFlags(argv.slice(1), '');
  let which = flags.map(([f]) => (f === 'm' ? 'c' : f)).filter((f) => 'lwc'.includes(f));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const order = ['l', 'w', 'c'].filter((f) => which.includes(f));
  const inputs = await readInputs(rest, io);
  const rows: Array<{ counts: number[]; name: string }> = [];
  const totals = [0, 0, 0];
  let code = 0;
  let fileBytes = 0;
  for (const input of inputs) {
    if ('error' in input) {
      io.stderr.write(`wc: ${input.name}: ${input.error}\n`);
      code = 1;
      continue;
    }
    const bytes = byteLength(input.text);
    const all = {
      l: (input.text.match(/\n/g) ?? []).length,
      w: input.text.split(/\s+/).filter(Boolean).length,
      c: bytes,
    };
    const counts = order.map((f) => all[f as 'l' | 'w' | 'c']);
    counts.forEach((c, i) => (totals[i] += c));
    rows.push({ counts, name: input.name === '-' ? (rest.length ? '-' : '') : input.name });
    fileBytes += bytes;
  }
  if (inputs.length > 1) rows.push({ counts: totals.slice(0, order.length), name: 'total' });
  const stdin = inputs.some((i) => i.name === '-');
  const single = order.length === 1 && inputs.length === 1;
  const width = single ? 1 : stdin ? 7 : Math.max(1, String(fileBytes).length);
  for (const r of rows) {
    const text = r.counts.map((c) => String(c).padStart(width)).join(' ');
    io.stdout.write(text + (r.name ? ' ' + r.name : '') + '\n');
  }
  return code;
};
