/**
 * Tokens of bash's grammar: words (with their quoting and expansions), operators, redirections.
 * Here-document bodies are read at the newline that follows their `<<` operator.
 */
import type { Heredoc, List, Word, WordPart } from './ast';
import { Incomplete, ShellSyntaxError, unexpectedToken } from './errors';

export type Token =
  | { k: 'word'; word: Word }
  | { k: 'op'; op: string }
  | { k: 'redir'; op: string; fd?: number; heredoc?: Heredoc }
  | { k: 'eof' };

/** Parses a token list into a List (set by parser.ts, which imports this file). */
export type ListParser = (tokens: Token[]) => List;

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const OPS = [
  '&&',
  '||',
  ';;',
  '&>>',
  '&>',
  '>>',
  '>|',
  '>&',
  '<&',
  '<<<',
  '<<-',
  '<<',
  '<>',
  ';',
  '&',
  '|',
  '(',
  ')',
  '<',
  '>',
];
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export class Lexer {
  private pos = 0;
  private pending: Heredoc[] = [];

  constructor(
    private readonly src: string,
    private readonly parseList: ListParser,
    /** At end of input, an unterminated here-document ends there (bash warns), instead of asking for more. */
    private readonly atEof = false,
    readonly warnings: string[] = [],
  ) {}

  /** All tokens; with `untilParen`, stop at the `)` closing a `$(` (its position is `this.end`). */
  tokenize(untilParen = false): Token[] {
    const out: Token[] = [];
    let depth = 0;
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.src.length) {
        if (untilParen) throw new Incomplete({ kind: 'more' });
        if (this.pending.length > 0) this.readHeredocs();
        out.push({ k: 'eof' });
        return out;
      }
      const c = this.src[this.pos];
      if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
        continue;
      }
      if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        if (this.pos >= this.src.length && !this.atEof) throw new Incomplete({ kind: 'more' });
        continue;
      }
      if (c === '\n') {
        this.pos++;
        out.push({ k: 'op', op: '\n' });
        this.readHeredocs();
        continue;
      }
      const ioNumber = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
      if (ioNumber) {
        this.pos += ioNumber[0].length;
        out.push(this.redirect(Number(ioNumber[0])));
        continue;
      }
      if (META.has(c)) {
        if (c === '<' || c === '>' || this.src.startsWith('&>', this.pos)) {
          out.push(this.redirect(undefined));
          continue;
        }
        const op = OPS.find((o) => this.src.startsWith(o, this.pos))!;
        this.pos += op.length;
        if (untilParen) {
          if (op === '(') depth++;
          if (op === ')') {
            if (depth === 0) {
              out.push({ k: 'eof' });
              return out;
            }
            depth--;
          }
        }
        out.push({ k: 'op', op });
        continue;
      }
      out.push({ k: 'word', word: this.word() });
    }
  }

  get end(): number {
    return this.pos;
  }

  private skipBlanks(): void {
    while (this.pos < this.src.length && (this.src[this.pos] === ' ' || this.src[this.pos] === '\t'))
      this.pos++;
  }

  private redirect(fd: number | undefined): Token {
    const op = OPS.find((o) => this.src.startsWith(o, this.pos))!;
    this.pos += op.length;
    if (op !== '<<' && op !== '<<-') return fd === undefined ? { k: 'redir', op } : { k: 'redir', op, fd };
    this.skipBlanks();
    const c = this.src[this.pos];
    if (c === undefined || c === '\n') throw unexpectedToken('newline');
    if (META.has(c)) throw unexpectedToken(OPS.find((o) => this.src.startsWith(o, this.pos)) ?? c);
    const w = this.word();
    const quoted = w.parts.some((p) => p.t !== 'lit' || p.q) || /['"\\]/.test(w.raw);
    const delim = w.parts.map((p) => (p.t === 'lit' ? p.v : p.t === 'tilde' ? '~' : '')).join('');
    const heredoc: Heredoc = {
      delim: quoted ? unquoteRaw(w.raw) : delim,
      stripTabs: op === '<<-',
      expand: !quoted,
    };
    this.pending.push(heredoc);
    return fd === undefined ? { k: 'redir', op, heredoc } : { k: 'redir', op, fd, heredoc };
  }

  /** Read the bodies of the here-documents opened on the line just ended. */
  private readHeredocs(): void {
    while (this.pending.length > 0) {
      const h = this.pending.shift()!;
      const lines: string[] = [];
      let found = false;
      while (this.pos < this.src.length) {
        const nl = this.src.indexOf('\n', this.pos);
        const endLine = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.pos, endLine);
        if (nl < 0 && !this.atEof) throw new Incomplete({ kind: 'heredoc', delim: h.delim });
        this.pos = nl < 0 ? this.src.length : nl + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delim) {
          found = true;
          break;
        }
        lines.push(line + '\n');
      }
      if (!found) {
        if (!this.atEof) throw new Incomplete({ kind: 'heredoc', delim: h.delim });
        const lineNo = this.src.slice(0, this.pos).split('\n').length;
        this.warnings.push(
          `warning: here-document at line ${lineNo} delimited by end-of-file (wanted \`${h.delim}')`,
        );
      }
      const text = lines.join('');
      h.body = h.expand
        ? { parts: new Lexer(text, this.parseList).doubleQuoted(true), raw: text }
        : { parts: [{ t: 'lit', v: text, q: true }], raw: text };
    }
  }

  /** An unquoted word, up to the next metacharacter. */
  word(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    const lit = (v: string, q: boolean): void => {
      const last = parts[parts.length - 1];
      if (last && last.t === 'lit' && last.q === q) last.v += v;
      else parts.push({ t: 'lit', v, q });
    };
    if (this.src[this.pos] === '~') {
      const next = this.src[this.pos + 1];
      if (next === undefined || next === '/' || META.has(next)) {
        parts.push({ t: 'tilde' });
        this.pos++;
      }
    }
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (META.has(c)) break;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) {
          if (this.atEof) {
            lit('\\', false);
            this.pos++;
            continue;
          }
          throw new Incomplete({ kind: 'more' });
        }
        this.pos += 2;
        if (n === '\n' && this.pos >= this.src.length && !this.atEof) throw new Incomplete({ kind: 'more' });
        if (n !== '\n') lit(n, true);
        continue;
      }
      if (c === "'") {
        const close = this.src.indexOf("'", this.pos + 1);
        if (close < 0) throw new Incomplete({ kind: 'quote', quote: "'" });
        lit(this.src.slice(this.pos + 1, close), true);
        if (close === this.pos + 1) parts.push({ t: 'lit', v: '', q: true });
        this.pos = close + 1;
        continue;
      }
      if (c === '"') {
        this.pos++;
        const inner = this.doubleQuoted(false);
        if (inner.length === 0) parts.push({ t: 'lit', v: '', q: true });
        for (const p of inner) {
          if (p.t === 'lit') lit(p.v, true);
          else parts.push(p);
        }
        continue;
      }
      if (c === '$') {
        const p = this.dollar(false);
        if (p) parts.push(p);
        else lit('$', false);
        continue;
      }
      if (c === '`') {
        parts.push(this.backquote(false));
        continue;
      }
      lit(c, false);
      this.pos++;
    }
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  /** Inside `"..."` (the opening quote consumed), or a whole here-document body. */
  doubleQuoted(heredoc: boolean): WordPart[] {
    const parts: WordPart[] = [];
    let buf = '';
    const flush = (): void => {
      if (buf) parts.push({ t: 'lit', v: buf, q: true });
      buf = '';
    };
    for (;;) {
      if (this.pos >= this.src.length) {
        if (heredoc) break;
        throw new Incomplete({ kind: 'quote', quote: '"' });
      }
      const c = this.src[this.pos];
      if (c === '"' && !heredoc) {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) {
          buf += '\\';
          this.pos++;
          continue;
        }
        if (n === '$' || n === '`' || n === '\\' || (n === '"' && !heredoc)) {
          buf += n;
          this.pos += 2;
        } else if (n === '\n') {
          this.pos += 2;
        } else {
          buf += '\\';
          this.pos++;
        }
        continue;
      }
      if (c === '$') {
        const p = this.dollar(true);
        if (p) {
          flush();
          parts.push(p);
        } else buf += '$';
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.backquote(true));
        continue;
      }
      buf += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  /** At a `$`: an expansion, or undefined (a literal `$`, consumed). */
  private dollar(q: boolean): WordPart | undefined {
    const s = this.src;
    const n = s[this.pos + 1];
    if (s.startsWith('$((', this.pos)) {
      const close = findArithEnd(s, this.pos + 3);
      if (close < 0) throw new Incomplete({ kind: 'more' });
      const inner = new Lexer(s.slice(this.pos + 3, close), this.parseList);
      const expr: Word = { parts: inner.doubleQuoted(true), raw: s.slice(this.pos + 3, close) };
      this.pos = close + 2;
      return { t: 'arith', expr, q };
    }
    if (n === '(') {
      const sub = new Lexer(s.slice(this.pos + 2), this.parseList, this.atEof, this.warnings);
      const tokens = sub.tokenize(true);
      this.pos += 2 + sub.end;
      return { t: 'sub', list: this.parseList(tokens), q };
    }
    if (n === '{') {
      const close = s.indexOf('}', this.pos + 2);
      if (close < 0) throw new Incomplete({ kind: 'more' });
      const body = s.slice(this.pos + 2, close);
      this.pos = close + 1;
      return parseBraced(body, q, this.parseList);
    }
    if (n !== undefined && /[?$#!0-9@*-]/.test(n)) {
      this.pos += 2;
      return { t: 'var', name: n, q };
    }
    if (n !== undefined && NAME_START.test(n)) {
      let end = this.pos + 2;
      while (end < s.length && NAME_CHAR.test(s[end])) end++;
      const name = s.slice(this.pos + 1, end);
      this.pos = end;
      return { t: 'var', name, q };
    }
    this.pos++;
    return undefined;
  }

  private backquote(q: boolean): WordPart {
    let i = this.pos + 1;
    let inner = '';
    while (i < this.src.length && this.src[i] !== '`') {
      if (this.src[i] === '\\' && /[`$\\]/.test(this.src[i + 1] ?? '')) {
        inner += this.src[i + 1];
        i += 2;
        continue;
      }
      inner += this.src[i++];
    }
    if (i >= this.src.length) throw new Incomplete({ kind: 'quote', quote: '`' });
    this.pos = i + 1;
    const tokens = new Lexer(inner, this.parseList, true, this.warnings).tokenize();
    return { t: 'sub', list: this.parseList(tokens), q };
  }
}

function parseBraced(body: string, q: boolean, parseList: ListParser): WordPart {
  const bad = (): never => {
    throw new ShellSyntaxError(`\${${body}}: bad substitution`);
  };
  const element = /^([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\]([\s\S]*)$/;
  if (body.startsWith('#') && body.length > 1) {
    const e = element.exec(body.slice(1));
    if (e) return e[3] ? bad() : { t: 'var', name: e[1] as string, q, length: true, index: e[2] };
    return { t: 'var', name: body.slice(1), q, length: true };
  }
  if (body.startsWith('!')) {
    const e = element.exec(body.slice(1));
    if (!e || e[3] || (e[2] !== '@' && e[2] !== '*')) return bad();
    return { t: 'var', name: e[1] as string, q, keys: true, index: e[2] };
  }
  const e = element.exec(body);
  const name = e ? e[1] : undefined;
  const rest = e ? (e[3] as string) : body;
  // `:` alone (not `:-` `:=` `:+` `:?`) is a substring or slice: `${v:1:2}`, `${a[@]: -1}`.
  const m = e
    ? /^()(:?[-=+?]|##?|%%?|\/\/?|:)?([\s\S]*)$/.exec(rest)
    : /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9@*!])(:?[-=+?]|##?|%%?|\/\/?|:)?([\s\S]*)$/.exec(body);
  if (!m || (!m[2] && m[3])) return bad();
  const base = { t: 'var' as const, name: name ?? (m[1] as string), q, ...(e ? { index: e[2] } : {}) };
  if (!m[2]) return base;
  const arg = new Lexer(m[3] as string, parseList);
  return { ...base, op: m[2], arg: { parts: arg.doubleQuoted(true), raw: m[3] as string } };
}

function findArithEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      if (depth === 0) return s[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}

function unquoteRaw(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "'" || c === '"') continue;
    if (c === '\\' && i + 1 < raw.length) {
      out += raw[++i];
      continue;
    }
    out += c;
  }
  return out;
}
