/** Word expansion: variables, command substitution, arithmetic, `~`, field splitting, globbing. */
import type { List, Word, WordPart } from './ast';
import type { VirtualFs } from '../fs/types';
import { evalArith } from './arith';

export interface ExpandEnv {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Run `$(...)`: its stdout. */
  substitute(list: List): Promise<string>;
  home: string;
  fs: VirtualFs;
  cwd: string;
}

export class ExpansionError extends Error {}

async function partText(p: WordPart, env: ExpandEnv): Promise<string> {
  switch (p.t) {
    case 'lit':
      return p.v;
    case 'tilde':
      return env.home;
    case 'sub':
      return (await env.substitute(p.list)).replace(/\n+$/, '');
    case 'arith': {
      const expr = await expandString(p.expr, env);
      try {
        return String(evalArith(expr, { get: (n) => env.getVar(n), set: (n, v) => env.setVar(n, v) }));
      } catch (e) {
        throw new ExpansionError((e as Error).message);
      }
    }
    case 'var': {
      const value = env.getVar(p.name);
      if (p.length) return String((value ?? '').length);
      if (!p.op) return value ?? '';
      const unset = p.op.startsWith(':') ? !value : value === undefined;
      const arg = async (): Promise<string> => (p.arg ? expandString(p.arg, env) : '');
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
    const text = await partText(p, env);
    const quoted = p.t === 'tilde' || p.q;
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
