/** Word expansion: variables, command substitution, arithmetic, `~`, field splitting, globbing. */
import type { List, Word, WordPart } from './ast';
import type { VirtualFs } from '../fs/types';
import { evalArith } from './arith';

export interface ExpandEnv {
  getVar(name: string): string | undefined;
  /** Every set element of array `name` in index order (a scalar is one element; `@`: `$1…`). */
  getList(name: string): string[];
  /** The set indices of array `name`. */
  getKeys(name: string): string[];
  /** Element `index` of array `name` (negative: from the end); a scalar is element 0. */
  getElement(name: string, index: number): string | undefined;
  setVar(name: string, value: string): void;
  /** Run `$(...)`: its stdout. */
  substitute(list: List): Promise<string>;
  home: string;
  fs: VirtualFs;
  cwd: string;
}

export class ExpansionError extends Error {}

/** An expansion to several words: `"${a[@]}"` and `"$@"` keep their elements apart even quoted. */
interface Fields {
  fields: string[];
}

async function arith(expr: string, env: ExpandEnv): Promise<number> {
  // A subscript may hold `$i` or `${i}` (`${a[$i+1]}`): their values go into the expression.
  expr = expr.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9#?])\}?/g, (_m, n: string) => env.getVar(n) ?? '');
  try {
    return evalArith(expr, { get: (n) => env.getVar(n), set: (n, v) => env.setVar(n, v) });
  } catch (e) {
    throw new ExpansionError((e as Error).message);
  }
}

/** `${v:offset}`, `${v:offset:length}` over a string or an element list (negative: from the end). */
async function slice<T extends string | string[]>(
  value: T,
  p: Extract<WordPart, { t: 'var' }>,
  env: ExpandEnv,
): Promise<T> {
  const spec = p.arg ? await expandString(p.arg, env) : '';
  const [offText = '', lenText] = spec.split(':');
  const n = value.length;
  let start = offText.trim() ? await arith(offText, env) : 0;
  if (start < 0) start = Math.max(0, n + start);
  let end = n;
  if (lenText !== undefined) {
    const len = lenText.trim() ? await arith(lenText, env) : 0;
    if (len < 0) {
      if (typeof value === 'string') end = n + len;
      else throw new ExpansionError(`${lenText}: substring expression < 0`);
    } else end = Math.min(n, start + len);
    if (end < start) throw new ExpansionError(`${lenText}: substring expression < 0`);
  }
  return value.slice(start, end) as T;
}

/** `${a[@]}`, `${a[*]}`, `${a[i]}`, `${#a[@]}`, `${!a[@]}`, `$@`, `$*`: a word list or a value. */
async function listOrValue(
  p: Extract<WordPart, { t: 'var' }>,
  env: ExpandEnv,
): Promise<string | Fields | undefined> {
  const whole =
    p.index === '@' || p.index === '*' || (p.index === undefined && (p.name === '@' || p.name === '*'));
  if (whole) {
    const list = p.keys ? env.getKeys(p.name) : env.getList(p.index === undefined ? '@' : p.name);
    const star = p.index === '*' || (p.index === undefined && p.name === '*');
    if (p.length) return String(list.length);
    if (p.op === ':') {
      // Offsets into the positional parameters count `$0` as 0.
      const from = p.index === undefined ? [env.getVar('0') ?? '', ...list] : list;
      const picked = await slice(from, p, env);
      return star ? picked.join(' ') : { fields: picked };
    }
    if (p.op) return undefined;
    // Quoted `[*]` joins with a space (the first character of IFS); `[@]` stays separate words.
    return star ? list.join(' ') : { fields: list };
  }
  if (p.index === undefined) return undefined;
  const index = await arith(p.index, env);
  const value = env.getElement(p.name, index);
  if (p.length) return String((value ?? '').length);
  return p.op ? undefined : (value ?? '');
}

async function partText(p: WordPart, env: ExpandEnv): Promise<string> {
  const v = await partValue(p, env);
  return typeof v === 'string' ? v : v.fields.join(' ');
}

async function partValue(p: WordPart, env: ExpandEnv): Promise<string | Fields> {
  if (p.t === 'var') {
    const special = await listOrValue(p, env);
    if (special !== undefined) return special;
  }
  switch (p.t) {
    case 'lit':
      return p.v;
    case 'tilde':
      return env.home;
    case 'sub':
      return (await env.substitute(p.list)).replace(/\n+$/, '');
    case 'arith':
      return String(await arith(await expandString(p.expr, env), env));
    case 'var': {
      const value =
        p.index !== undefined ? env.getElement(p.name, await arith(p.index, env)) : env.getVar(p.name);
      if (p.length) return String((value ?? '').length);
      if (!p.op) return value ?? '';
      const unset = p.op.startsWith(':') ? !value : value === undefined;
      const arg = async (): Promise<string> => (p.arg ? expandString(p.arg, env) : '');
      if (p.op === ':') return slice(value ?? '', p, env);
      if (/^(##?|%%?|\/\/?)$/.test(p.op)) return trimOrReplace(value ?? '', p.op, await arg());
      const kind = p.op.slice(-1);
      if (kind === '-') return unset ? arg() : (value ?? '');
      if (kind === '+') return unset ? '' : arg();
      if (kind === '=') {
        if (!unset) return value ?? '';
        const v = await arg();
        env.setVar(p.name, v);
        return v;
      }
      if (unset) {
        const msg = await arg();
        throw new ExpansionError(`${p.name}: ${msg || 'parameter null or not set'}`);
      }
      return value ?? '';
    }
  }
}

/** A glob pattern (`*`, `?`, `[...]`) as a regular expression source, unanchored. */
function patternSource(pattern: string, greedy: boolean): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else if (c === '*') re += greedy ? '[\\s\\S]*' : '[\\s\\S]*?';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, close).replace(/^!/, '^') + ']';
        i = close;
      }
    } else re += escapeRe(c);
  }
  return re;
}

/** `${v#p}` `${v##p}` (prefix), `${v%p}` `${v%%p}` (suffix), `${v/p/s}` `${v//p/s}` (replace). */
function trimOrReplace(value: string, op: string, arg: string): string {
  if (op === '#' || op === '##') {
    const m = new RegExp(`^(?:${patternSource(arg, op === '##')})`).exec(value);
    return m ? value.slice(m[0].length) : value;
  }
  if (op === '%' || op === '%%') {
    // Shortest suffix: try the latest start first; longest: the earliest.
    const re = new RegExp(`^(?:${patternSource(arg, true)})$`);
    const starts = [...Array(value.length + 1).keys()];
    for (const i of op === '%' ? starts.reverse() : starts)
      if (re.test(value.slice(i))) return value.slice(0, i);
    return value;
  }
  const slash = arg.indexOf('/');
  let pattern = slash >= 0 ? arg.slice(0, slash) : arg;
  const replacement = slash >= 0 ? arg.slice(slash + 1) : '';
  // `${v/#p/s}` and `${v/%p/s}`: the match must start at the beginning / end at the end.
  const anchor = op === '/' && (pattern.startsWith('#') || pattern.startsWith('%')) ? pattern[0] : '';
  if (anchor) pattern = pattern.slice(1);
  if (pattern === '' && !anchor) return value;
  const source = patternSource(pattern, true);
  const re = new RegExp(
    anchor === '#' ? `^${source}` : anchor === '%' ? `${source}$` : source,
    op === '//' ? 'g' : '',
  );
  return value.replace(re, () => replacement);
}

/** Expand without splitting or globbing (assignments, heredocs, redirection targets). */
export async function expandString(w: Word, env: ExpandEnv): Promise<string> {
  let out = '';
  for (const p of w.parts) out += await partText(p, env);
  return out;
}

const GLOB = /[*?[]/;

/** Expand into fields: unquoted expansions split on blanks; unquoted `*`, `?`, `[` glob. */
export async function expandWord(w: Word, env: ExpandEnv): Promise<string[]> {
  const fields: Array<{ text: string; pattern: string; glob: boolean }> = [];
  let cur: { text: string; pattern: string; glob: boolean } | undefined;
  const add = (text: string, quoted: boolean): void => {
    cur ??= { text: '', pattern: '', glob: false };
    cur.text += text;
    cur.pattern += quoted ? text.replace(/[*?[\]\\]/g, '\\$&') : text;
    if (!quoted && GLOB.test(text)) cur.glob = true;
  };
  for (const p of w.parts) {
    const value = await partValue(p, env);
    const quoted = p.t === 'tilde' || p.q;
    if (typeof value !== 'string' && quoted) {
      // "a${x[@]}b" → "a1" "2" "3b"; no elements → no word at all (unless other text is there).
      value.fields.forEach((f, idx) => {
        if (idx > 0 && cur) {
          fields.push(cur);
          cur = undefined;
        }
        add(f, true);
      });
      continue;
    }
    const text = typeof value === 'string' ? value : value.fields.join(' ');
    if (quoted || p.t === 'lit') {
      add(text, quoted);
      continue;
    }
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((piece, idx) => {
      if (idx > 0 && cur) {
        fields.push(cur);
        cur = undefined;
      }
      if (piece) add(piece, false);
    });
  }
  if (cur) fields.push(cur);
  const out: string[] = [];
  for (const f of fields) {
    if (f.glob) {
      const matches = glob(f.pattern, env);
      if (matches.length > 0) {
        out.push(...matches);
        continue;
      }
    }
    out.push(f.text);
  }
  return out;
}

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, close).replace(/^!/, '^') + ']';
        i = close;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Globbing in the last path component only (enough for `*.yaml`, `dir/*`). */
function glob(pattern: string, env: ExpandEnv): string[] {
  const slash = pattern.lastIndexOf('/');
  const dirPart = slash >= 0 ? pattern.slice(0, slash + 1) : '';
  const base = slash >= 0 ? pattern.slice(slash + 1) : pattern;
  if (GLOB.test(dirPart.replace(/\\./g, ''))) return [];
  const dirLiteral = dirPart.replace(/\\(.)/g, '$1');
  const dir = env.fs.resolve(env.cwd, dirLiteral || '.');
  if (!env.fs.isDirectory(dir)) return [];
  const re = globToRegExp(base);
  return env.fs
    .readdir(dir)
    .filter((n) => (n.startsWith('.') ? base.startsWith('.') : true) && re.test(n))
    .map((n) => dirLiteral + n);
}
