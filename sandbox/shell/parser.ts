/**
 * Recursive descent over the tokens: lists, `&&`/`||`, pipelines, simple commands with
 * assignments and redirections, `while`/`until`, `for`, `if`, `case`, functions, `{ }` and `( )`.
 */
import type {
  AndOr,
  Assignment,
  Command,
  List,
  Pipeline,
  Redirect,
  SimpleCommand,
  Word,
  WordPart,
} from './ast';
import { Incomplete, ShellSyntaxError, eofMessage, unexpectedToken, type IncompleteReason } from './errors';
import { Lexer, type Token } from './lexer';

const RESERVED = new Set([
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'while',
  'until',
  'do',
  'done',
  'for',
  'in',
  'case',
  'esac',
  'function',
  '{',
  '}',
  '!',
]);

export type ParseResult =
  | { kind: 'ok'; list: List; warnings: string[] }
  | { kind: 'incomplete'; reason: IncompleteReason }
  | { kind: 'error'; message: string };

/**
 * Parse a command line (possibly several lines). With `eof`, the input is final: constructs left
 * open become bash's end-of-file errors instead of a request for more input.
 */
export function parse(src: string, opts: { eof?: boolean } = {}): ParseResult {
  const warnings: string[] = [];
  try {
    const tokens = new Lexer(src, parseTokens, opts.eof ?? false, warnings).tokenize();
    return { kind: 'ok', list: parseTokens(tokens), warnings };
  } catch (e) {
    if (e instanceof Incomplete) {
      return opts.eof
        ? { kind: 'error', message: eofMessage(e.reason) }
        : { kind: 'incomplete', reason: e.reason };
    }
    if (e instanceof ShellSyntaxError) return { kind: 'error', message: e.message };
    throw e;
  }
}

export function parseTokens(tokens: Token[]): List {
  const p = new Parser(tokens);
  const list = p.list(new Set());
  p.expectEnd();
  return list;
}

function reservedOf(t: Token): string | undefined {
  if (t.k !== 'word' || t.word.parts.length !== 1) return undefined;
  const part = t.word.parts[0];
  return part.t === 'lit' && !part.q && RESERVED.has(part.v) ? part.v : undefined;
}

function tokenText(t: Token): string {
  if (t.k === 'word') return t.word.raw;
  if (t.k === 'op') return t.op === '\n' ? 'newline' : t.op;
  if (t.k === 'redir') return t.op;
  return 'newline';
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.op === op;
  }

  private fail(t: Token): never {
    if (t.k === 'eof') throw new Incomplete({ kind: 'more' });
    throw unexpectedToken(tokenText(t));
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.k !== 'eof') this.fail(t);
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  /** A list ending at one of `stops` (reserved words) or at `)` / end of input. */
  list(stops: Set<string>): List {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.k === 'eof' || (t.k === 'op' && (t.op === ')' || t.op === ';;'))) break;
      const r = reservedOf(t);
      if (r && stops.has(r)) break;
      const from = this.i;
      const item = this.andOr();
      items.push(item);
      const sep = this.peek();
      if (sep.k === 'op' && (sep.op === ';' || sep.op === '&' || sep.op === '\n')) {
        if (sep.op === '&') {
          item.background = true;
          // How `jobs` shows it: bash prints the command's words separated by single spaces.
          item.text = this.tokens
            .slice(from, this.i)
            .map((t) =>
              t.k === 'redir' ? `${t.fd ?? ''}${t.op}` : tokenText(t) === 'newline' ? ';' : tokenText(t),
            )
            .join(' ')
            .replace(/ ;/g, ';');
        }
        this.i++;
        continue;
      }
      if (sep.k === 'eof' || (sep.k === 'op' && (sep.op === ')' || sep.op === ';;'))) break;
      const r2 = reservedOf(sep);
      if (r2 && stops.has(r2)) break;
      this.fail(sep);
    }
    return { items };
  }

  /** A list that must be followed by one of `stops`; an empty one is a syntax error there. */
  private body(stops: string[]): List {
    const list = this.list(new Set(stops));
    if (list.items.length === 0) this.fail(this.peek());
    return list;
  }

  private expectWord(word: string): void {
    const t = this.peek();
    if (reservedOf(t) === word) {
      this.i++;
      return;
    }
    this.fail(t);
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.i++;
      this.skipNewlines();
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let bang = false;
    if (reservedOf(this.peek()) === '!') {
      bang = true;
      this.i++;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { bang, commands };
  }

  private command(): Command {
    const t = this.peek();
    const r = reservedOf(t);
    let cmd: Command;
    if (r === 'while' || r === 'until') {
      this.i++;
      const cond = this.body(['do']);
      this.expectWord('do');
      const body = this.body(['done']);
      this.expectWord('done');
      cmd = { type: r, cond, body, redirs: [] };
    } else if (r === 'for') {
      cmd = this.forCommand();
    } else if (r === 'if') {
      cmd = this.ifCommand();
    } else if (r === 'case') {
      cmd = this.caseCommand();
    } else if (r === 'function') {
      this.i++;
      const nameTok = this.peek();
      if (nameTok.k !== 'word') this.fail(nameTok);
      this.i++;
      if (this.isOp('(')) {
        this.i++;
        if (!this.isOp(')')) this.fail(this.peek());
        this.i++;
      }
      return this.functionBody(nameTok.word.raw);
    } else if (t.k === 'word' && r === undefined && this.isFunctionHead()) {
      const name = t.word.raw;
      this.i += 3;
      return this.functionBody(name);
    } else if (r === '{') {
      this.i++;
      const list = this.body(['}']);
      this.expectWord('}');
      cmd = { type: 'group', list, redirs: [] };
    } else if (t.k === 'op' && t.op === '(') {
      this.i++;
      const list = this.list(new Set());
      if (list.items.length === 0) this.fail(this.peek());
      if (!this.isOp(')')) this.fail(this.peek());
      this.i++;
      cmd = { type: 'subshell', list, redirs: [] };
    } else if (r !== undefined && r !== '!') {
      throw unexpectedToken(r);
    } else {
      return this.simple();
    }
    for (;;) {
      const redir = this.redirect();
      if (!redir) break;
      cmd.redirs.push(redir);
    }
    return cmd;
  }

  private forCommand(): Command {
    this.i++;
    const nameTok = this.peek();
    if (nameTok.k !== 'word') this.fail(nameTok);
    const name = nameTok.word.raw;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new ShellSyntaxError(`\`${name}': not a valid identifier`);
    this.i++;
    let items: Word[] | undefined;
    this.skipNewlines();
    if (reservedOf(this.peek()) === 'in') {
      this.i++;
      items = [];
      for (;;) {
        const t = this.peek();
        if (t.k !== 'word') break;
        items.push(t.word);
        this.i++;
      }
      const sep = this.peek();
      if (sep.k === 'op' && (sep.op === ';' || sep.op === '\n')) this.i++;
      else this.fail(sep);
    } else if (this.isOp(';')) {
      this.i++;
    }
    this.skipNewlines();
    this.expectWord('do');
    const body = this.body(['done']);
    this.expectWord('done');
    return items ? { type: 'for', name, items, body, redirs: [] } : { type: 'for', name, body, redirs: [] };
  }

  /** `name ( )` ahead: a function definition. */
  private isFunctionHead(): boolean {
    // `name=()` is an empty array, not a function.
    const w = this.tokens[this.i];
    if (w?.k === 'word' && assignmentOf(w.word)) return false;
    const a = this.tokens[this.i + 1];
    const b = this.tokens[this.i + 2];
    return a?.k === 'op' && a.op === '(' && b?.k === 'op' && b.op === ')';
  }

  private functionBody(name: string): Command {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name))
      throw new ShellSyntaxError(`\`${name}': not a valid identifier`);
    this.skipNewlines();
    const body = this.command();
    if (body.type === 'simple') this.fail(this.tokens[this.i - 1]);
    return { type: 'function', name, body, redirs: [] };
  }

  private caseCommand(): Command {
    this.i++;
    const wordTok = this.peek();
    if (wordTok.k !== 'word') this.fail(wordTok);
    this.i++;
    this.skipNewlines();
    this.expectWord('in');
    const items: Array<{ patterns: Word[]; body: List }> = [];
    for (;;) {
      this.skipNewlines();
      if (reservedOf(this.peek()) === 'esac') {
        this.i++;
        break;
      }
      if (this.isOp('(')) this.i++;
      const patterns: Word[] = [];
      for (;;) {
        const t = this.peek();
        if (t.k !== 'word') this.fail(t);
        patterns.push(t.word);
        this.i++;
        if (this.isOp('|')) {
          this.i++;
          continue;
        }
        if (this.isOp(')')) {
          this.i++;
          break;
        }
        this.fail(this.peek());
      }
      const body = this.list(new Set(['esac']));
      items.push({ patterns, body });
      if (this.isOp(';;')) {
        this.i++;
        continue;
      }
      this.skipNewlines();
      this.expectWord('esac');
      break;
    }
    return { type: 'case', word: wordTok.word, items, redirs: [] };
  }

  private ifCommand(): Command {
    this.i++;
    const clauses: Array<{ cond: List; body: List }> = [];
    let elseBody: List | undefined;
    const cond = this.body(['then']);
    this.expectWord('then');
    clauses.push({ cond, body: this.body(['elif', 'else', 'fi']) });
    for (;;) {
      const r = reservedOf(this.peek());
      if (r === 'elif') {
        this.i++;
        const c = this.body(['then']);
        this.expectWord('then');
        clauses.push({ cond: c, body: this.body(['elif', 'else', 'fi']) });
        continue;
      }
      if (r === 'else') {
        this.i++;
        elseBody = this.body(['fi']);
      }
      this.expectWord('fi');
      break;
    }
    return elseBody ? { type: 'if', clauses, elseBody, redirs: [] } : { type: 'if', clauses, redirs: [] };
  }

  private redirect(): Redirect | undefined {
    const t = this.peek();
    if (t.k !== 'redir') return undefined;
    this.i++;
    const fd = t.fd ?? (t.op.startsWith('<') ? 0 : 1);
    if (t.heredoc) return { fd, op: t.op === '<<-' ? '<<' : t.op, heredoc: t.heredoc };
    const target = this.peek();
    if (target.k !== 'word') {
      if (target.k === 'eof') throw unexpectedToken('newline');
      this.fail(target);
    }
    this.i++;
    return { fd, op: t.op, target: target.word };
  }

  /** The `( w1 w2 … )` of an array assignment; newlines inside are blanks. */
  private arrayWords(): Word[] {
    this.i++;
    const words: Word[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.k === 'op' && t.op === ')') {
        this.i++;
        return words;
      }
      if (t.k !== 'word') this.fail(t);
      words.push(t.word);
      this.i++;
    }
  }

  private simple(): SimpleCommand {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === 'redir') {
        redirs.push(this.redirect()!);
        continue;
      }
      if (t.k !== 'word') break;
      if (words.length === 0) {
        const a = assignmentOf(t.word);
        if (a) {
          assigns.push(a);
          this.i++;
          if (a.value.raw === '' && !a.index && this.isOp('(')) a.array = this.arrayWords();
          continue;
        }
      }
      words.push(t.word);
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) this.fail(this.peek());
    return { type: 'simple', assigns, words, redirs };
  }
}

/**
 * `name=v`, `name+=v`, `name[sub]=v`: the name, the subscript's parts (they may hold `$i`), and
 * the value's parts after the `=`.
 */
function assignmentOf(w: Word): Assignment | undefined {
  const first = w.parts[0];
  if (!first || first.t !== 'lit' || first.q) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=|\[)/.exec(first.v);
  if (!m) return undefined;
  if (m[2] === '[') return indexedAssignment(w, m[1] as string, first.v.slice(m[0].length));
  return valueAssignment(w, m[1] as string, m[2] === '+=', first.v.slice(m[0].length), w.parts.slice(1));
}

function indexedAssignment(w: Word, name: string, afterBracket: string): Assignment | undefined {
  const sub: WordPart[] = [];
  let text = afterBracket;
  for (let i = 0; ;) {
    const close = /\](\+?)=/.exec(text);
    if (close) {
      if (close.index > 0) sub.push({ t: 'lit', v: text.slice(0, close.index), q: false });
      const rest = text.slice(close.index + close[0].length);
      const a = valueAssignment(w, name, close[1] === '+', rest, w.parts.slice(i + 1));
      return { ...a, index: { parts: sub, raw: '' } };
    }
    if (text) sub.push({ t: 'lit', v: text, q: false });
    i++;
    const next = w.parts[i];
    if (!next) return undefined;
    if (next.t === 'lit' && !next.q) text = next.v;
    else {
      sub.push(next);
      text = '';
    }
  }
}

function valueAssignment(
  w: Word,
  name: string,
  append: boolean,
  rest: string,
  after: WordPart[],
): Assignment {
  const tilde = rest.startsWith('~') && (rest.length === 1 || rest[1] === '/');
  const head: WordPart[] = tilde
    ? [{ t: 'tilde' }, ...(rest.length > 1 ? [{ t: 'lit' as const, v: rest.slice(1), q: false }] : [])]
    : rest
      ? [{ t: 'lit', v: rest, q: false }]
      : [];
  const parts = [...head, ...after];
  const raw = w.raw.slice(w.raw.indexOf('=') + 1);
  if (parts.length === 0) parts.push({ t: 'lit', v: '', q: true });
  return { name, value: { parts, raw }, ...(append ? { append } : {}) };
}
