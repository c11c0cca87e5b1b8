/**
 * `-o go-template=...` / `-o template=...`: the part of Go's text/template that kubectl users
 * write: `{{.a.b}}`, `{{range}}`/`{{if}}`/`{{with}}` with `{{else}}`, variables (`$x :=`,
 * `range $i, $e :=`), pipelines (`| printf "%s"`), trim markers (`{{-`, `-}}`) and the functions
 * index, len, printf, print, println, eq, ne, lt, le, gt, ge, and, or, not. Values print as Go's
 * `%v` prints decoded JSON (`map[a:1]`, `[x y]`, `<no value>`).
 */
import { KubectlError } from '../errors';

type Node =
  | { t: 'text'; v: string }
  | { t: 'action'; pipe: Pipe }
  | { t: 'if' | 'with'; pipe: Pipe; body: Node[]; alt: Node[] }
  | { t: 'range'; pipe: Pipe; vars: string[]; body: Node[]; alt: Node[] };

interface Pipe {
  decl: string[];
  cmds: Arg[][];
}

type Arg =
  | { t: 'field'; base: 'dot' | string; path: string[] }
  | { t: 'lit'; v: unknown }
  | { t: 'ident'; name: string }
  | { t: 'sub'; pipe: Pipe };

class TemplateError extends KubectlError {}

// ---- lexing actions -------------------------------------------------------------------------

function tokenize(src: string): string[] {
  const toks: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      toks.push(src.slice(i, j + 1));
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      toks.push(src.slice(i, j < 0 ? src.length : j + 1));
      i = j < 0 ? src.length : j + 1;
    } else if (c === '(' || c === ')' || c === '|' || c === ',') {
      toks.push(c);
      i++;
    } else if (src.startsWith(':=', i) || (c === '=' && src[i + 1] !== '=')) {
      const op = src.startsWith(':=', i) ? ':=' : '=';
      toks.push(op);
      i += op.length;
    } else {
      let j = i;
      while (j < src.length && !/[\s()|,]/.test(src[j]) && !src.startsWith(':=', j)) j++;
      toks.push(src.slice(i, j));
      i = j;
    }
  }
  return toks;
}

function unquote(tok: string): string {
  if (tok.startsWith('`')) return tok.slice(1, -1);
  try {
    return JSON.parse(tok) as string;
  } catch {
    throw new TemplateError(`template: output:1: unterminated quoted string`);
  }
}

function parseArg(toks: string[], pos: { i: number }): Arg {
  const tok = toks[pos.i++];
  if (tok === '(') {
    const pipe = parsePipe(toks, pos, ')');
    pos.i++;
    return withFields({ t: 'sub', pipe }, toks, pos);
  }
  if (tok.startsWith('"') || tok.startsWith('`')) return { t: 'lit', v: unquote(tok) };
  if (/^-?\d+(\.\d+)?$/.test(tok)) return { t: 'lit', v: Number(tok) };
  if (tok === 'true' || tok === 'false') return { t: 'lit', v: tok === 'true' };
  if (tok === 'nil') return { t: 'lit', v: null };
  if (tok.startsWith('.'))
    return { t: 'field', base: 'dot', path: tok === '.' ? [] : tok.slice(1).split('.') };
  if (tok.startsWith('$')) {
    const [name, ...path] = tok.split('.');
    return { t: 'field', base: name, path };
  }
  return { t: 'ident', name: tok };
}

function withFields(arg: Arg, toks: string[], pos: { i: number }): Arg {
  const next = toks[pos.i];
  if (arg.t === 'sub' && next?.startsWith('.') && next !== '.') {
    pos.i++;
    return {
      t: 'sub',
      pipe: { decl: [], cmds: [[{ t: 'ident', name: '__field' }, arg, { t: 'lit', v: next.slice(1) }]] },
    };
  }
  return arg;
}

function parsePipe(toks: string[], pos: { i: number }, stop?: string): Pipe {
  const decl: string[] = [];
  // `$x :=` or `$i, $e :=`
  const assign = toks.findIndex((t, k) => k >= pos.i && (t === ':=' || t === '='));
  if (assign > pos.i && toks.slice(pos.i, assign).every((t) => t.startsWith('$') || t === ',')) {
    for (const t of toks.slice(pos.i, assign)) if (t !== ',') decl.push(t);
    pos.i = assign + 1;
  }
  const cmds: Arg[][] = [[]];
  while (pos.i < toks.length && toks[pos.i] !== stop) {
    if (toks[pos.i] === '|') {
      pos.i++;
      cmds.push([]);
      continue;
    }
    if (toks[pos.i] === ')') throw new TemplateError('template: output:1: unexpected ")" in operand');
    cmds[cmds.length - 1].push(parseArg(toks, pos));
  }
  if (cmds.some((c) => c.length === 0))
    throw new TemplateError('template: output:1: missing value for command');
  return { decl, cmds };
}

// ---- parsing the template ---------------------------------------------------------------------

interface Action {
  text: string;
}

function split(template: string): Array<string | Action> {
  const out: Array<string | Action> = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    if (open < 0) {
      out.push(template.slice(i));
      break;
    }
    let text = template.slice(i, open);
    let start = open + 2;
    if (template.startsWith('{{- ', open)) {
      text = text.replace(/\s+$/, '');
      start++;
    }
    if (text) out.push(text);
    const close = template.indexOf('}}', start);
    if (close < 0) throw new TemplateError('template: output:1: unclosed action');
    let inner = template.slice(start, close);
    let next = close + 2;
    if (inner.endsWith(' -')) {
      inner = inner.slice(0, -2);
      while (next < template.length && /\s/.test(template[next])) next++;
    }
    out.push({ text: inner.trim() });
    i = next;
  }
  return out;
}

function parse(template: string): Node[] {
  const parts = split(template);
  let k = 0;
  const block = (): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (k < parts.length) {
      const p = parts[k++];
      if (typeof p === 'string') {
        nodes.push({ t: 'text', v: p });
        continue;
      }
      const text = p.text;
      if (text.startsWith('/*')) continue;
      const word = /^(\w+)\b/.exec(text)?.[1];
      if (word === 'end' || word === 'else') return { nodes, end: text };
      if (word === 'if' || word === 'with' || word === 'range') {
        const toks = tokenize(text.slice(word.length));
        const pipe = parsePipe(toks, { i: 0 });
        const body = block();
        let alt: Node[] = [];
        if (body.end.startsWith('else')) {
          const rest = body.end.slice(4).trim();
          if (rest.startsWith('if ')) {
            // `else if` chains: the rest is a nested if that shares our `end`.
            k--;
            parts[k] = { text: rest };
            alt = [block().nodes[0]];
          } else {
            const a = block();
            if (!a.end.startsWith('end'))
              throw new TemplateError(`template: output:1: expected end; found ${a.end}`);
            alt = a.nodes;
          }
        } else if (!body.end.startsWith('end')) {
          throw new TemplateError(`template: output:1: unexpected EOF`);
        }
        if (word === 'range')
          nodes.push({
            t: 'range',
            pipe: { decl: [], cmds: pipe.cmds },
            vars: pipe.decl,
            body: body.nodes,
            alt,
          });
        else nodes.push({ t: word, pipe, body: body.nodes, alt });
        continue;
      }
      nodes.push({ t: 'action', pipe: parsePipe(tokenize(text), { i: 0 }) });
    }
    return { nodes, end: '' };
  };
  const top = block();
  if (top.end) throw new TemplateError(`template: output:1: unexpected {{${top.end}}}`);
  return top.nodes;
}

// ---- evaluation ------------------------------------------------------------------------------

const NO_VALUE = Symbol('no value');

function goString(v: unknown): string {
  if (v === NO_VALUE || v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : goFloat(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goString(o[k])}`)
    .join(' ')}]`;
}

function goFloat(v: number): string {
  const s = v.toExponential();
  return Math.abs(v) >= 1e21 ? s.replace(/e\+?(-?)(\d)$/, 'e+$10$2').replace('e+-', 'e-') : String(v);
}

function truthy(v: unknown): boolean {
  if (v === NO_VALUE || v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function field(v: unknown, key: string): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return NO_VALUE;
  return key in (v as object) ? (v as Record<string, unknown>)[key] : NO_VALUE;
}

function printf(format: string, args: unknown[]): string {
  let k = 0;
  return format.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([svdqftx%])/g, (_, flags: string, verb: string) => {
    if (verb === '%') return '%';
    const v = args[k++];
    let s: string;
    if (verb === 'q') s = JSON.stringify(goString(v));
    else if (verb === 'd') s = String(Math.trunc(Number(v)));
    else if (verb === 'f') s = Number(v).toFixed(Number(/\.(\d+)/.exec(flags)?.[1] ?? 6));
    else if (verb === 'x') s = Number(v).toString(16);
    else s = goString(v);
    const width = Number(/(\d+)/.exec(flags.replace(/\.\d+/, ''))?.[1] ?? 0);
    if (flags.includes('-')) return s.padEnd(width);
    return flags.includes('0') && verb !== 's' && verb !== 'q' ? s.padStart(width, '0') : s.padStart(width);
  });
}

const compare = (a: unknown, b: unknown): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;

type Scope = Map<string, unknown>;

function call(name: string, args: unknown[]): unknown {
  switch (name) {
    case 'index': {
      let v = args[0];
      for (const key of args.slice(1)) {
        v = Array.isArray(v) ? v[Number(key)] : field(v, String(key));
        if (v === NO_VALUE || v === undefined) return NO_VALUE;
      }
      return v;
    }
    case '__field':
      return field(args[0], String(args[1]));
    case 'len': {
      const v = args[0];
      if (Array.isArray(v) || typeof v === 'string') return v.length;
      if (v && typeof v === 'object') return Object.keys(v).length;
      throw new TemplateError(
        `template: output:1: error calling len: len of type ${v === null ? 'nil' : typeof v}`,
      );
    }
    case 'printf':
      return printf(String(args[0]), args.slice(1));
    case 'print':
      return args.map(goString).join('');
    case 'println':
      return `${args.map(goString).join(' ')}\n`;
    case 'eq':
      return args.slice(1).some((b) => compare(args[0], b) === 0);
    case 'ne':
      return compare(args[0], args[1]) !== 0;
    case 'lt':
      return compare(args[0], args[1]) < 0;
    case 'le':
      return compare(args[0], args[1]) <= 0;
    case 'gt':
      return compare(args[0], args[1]) > 0;
    case 'ge':
      return compare(args[0], args[1]) >= 0;
    case 'and':
      return args.find((a) => !truthy(a)) ?? args[args.length - 1];
    case 'or':
      return args.find((a) => truthy(a)) ?? args[args.length - 1];
    case 'not':
      return !truthy(args[0]);
    default:
      throw new TemplateError(`template: output:1: function "${name}" not defined`);
  }
}

function evalArg(a: Arg, dot: unknown, scope: Scope): unknown {
  switch (a.t) {
    case 'lit':
      return a.v;
    case 'sub':
      return evalPipe(a.pipe, dot, scope);
    case 'ident':
      return call(a.name, []);
    case 'field': {
      let v: unknown;
      if (a.base === 'dot') v = dot;
      else if (scope.has(a.base)) v = scope.get(a.base);
      else throw new TemplateError(`template: output:1: undefined variable "${a.base}"`);
      for (const key of a.path) v = field(v, key);
      return v;
    }
  }
}

function evalPipe(pipe: Pipe, dot: unknown, scope: Scope): unknown {
  let prev: unknown = NO_VALUE;
  pipe.cmds.forEach((cmd, n) => {
    const [head, ...rest] = cmd;
    const piped = n > 0 ? [prev] : [];
    if (head.t === 'ident') prev = call(head.name, [...rest.map((a) => evalArg(a, dot, scope)), ...piped]);
    else {
      if (rest.length > 0)
        throw new TemplateError(
          `template: output:1: can't give argument to non-function ${goString(evalArg(head, dot, scope))}`,
        );
      prev = evalArg(head, dot, scope);
    }
  });
  for (const d of pipe.decl) scope.set(d, prev);
  return prev;
}

function exec(nodes: Node[], dot: unknown, scope: Scope): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.v;
    else if (n.t === 'action') {
      const v = evalPipe(n.pipe, dot, scope);
      if (n.pipe.decl.length === 0) out += goString(v);
    } else if (n.t === 'if')
      out += truthy(evalPipe(n.pipe, dot, scope)) ? exec(n.body, dot, scope) : exec(n.alt, dot, scope);
    else if (n.t === 'with') {
      const v = evalPipe(n.pipe, dot, scope);
      out += truthy(v) ? exec(n.body, v, scope) : exec(n.alt, dot, scope);
    } else if (n.t === 'range') {
      const v = evalPipe(n.pipe, dot, scope);
      const entries: Array<[unknown, unknown]> = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : v && typeof v === 'object'
          ? Object.keys(v)
              .sort()
              .map((k) => [k, (v as Record<string, unknown>)[k]])
          : [];
      if (entries.length === 0) out += exec(n.alt, dot, scope);
      for (const [k, x] of entries) {
        if (n.vars.length === 1) scope.set(n.vars[0], x);
        if (n.vars.length === 2) {
          scope.set(n.vars[0], k);
          scope.set(n.vars[1], x);
        }
        out += exec(n.body, x, scope);
      }
    }
  }
  return out;
}

export function goTemplate(template: string, data: unknown): string {
  let nodes: Node[];
  try {
    nodes = parse(template);
  } catch (e) {
    if (e instanceof TemplateError)
      throw new KubectlError(`error parsing template ${template}, ${e.message}`);
    throw e;
  }
  return exec(nodes, data, new Map([['$', data]]));
}
