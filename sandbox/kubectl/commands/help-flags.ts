/** The flags a real help text documents (its `Options:` section), as specs the parser accepts. */
import type { FlagSpec, FlagType } from '../flags';

const FLAG_LINE = /^ {4}(?:-(\S), )?--([a-z0-9-]+)=(.*):$/;

function typeOf(def: string): FlagType {
  if (def === 'true' || def === 'false') return 'bool';
  if (def.startsWith('[')) return 'stringSlice';
  if (/^-?\d+$/.test(def)) return 'int';
  return 'string';
}

export function flagsFromHelp(text: string): FlagSpec[] {
  const start = text.indexOf('\nOptions:\n');
  if (start < 0) return [];
  const end = text.indexOf('\nUsage:\n', start);
  const lines = text.slice(start + 10, end < 0 ? undefined : end).split('\n');
  const out: FlagSpec[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = FLAG_LINE.exec(lines[i]);
    if (!m) continue;
    const raw = m[3];
    const def = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
    const usage: string[] = [];
    while (i + 1 < lines.length && lines[i + 1].startsWith('\t')) usage.push(lines[++i].slice(1));
    out.push({
      name: m[2],
      short: m[1],
      type: raw.startsWith("'") ? 'string' : typeOf(def),
      default: def,
      usage: usage.join('\n'),
      ...(m[2] === 'dry-run' ? { noOptDefault: 'unchanged' } : {}),
    });
  }
  return out;
}
