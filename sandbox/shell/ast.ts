/** The parsed form of a command line. */

export type WordPart =
  /** Literal text; `q` when quoted (no field splitting, no globbing). */
  | { t: 'lit'; v: string; q: boolean }
  /**
   * `$name`, `${name}`, `${name:-word}`, `${#name}`; with `index`, an array element or list
   * (`${a[1]}`, `${a[@]}`, `${#a[@]}`), with `keys` the indices (`${!a[@]}`).
   */
  | {
      t: 'var';
      name: string;
      q: boolean;
      op?: string;
      arg?: Word;
      length?: boolean;
      index?: string;
      keys?: boolean;
    }
  /** `$(...)` or backquotes. */
  | { t: 'sub'; list: List; q: boolean }
  /** `$((expr))`. */
  | { t: 'arith'; expr: Word; q: boolean }
  /** A leading unquoted `~` (home directory). */
  | { t: 'tilde' };

export interface Word {
  parts: WordPart[];
  /** Source text, for error messages and reserved words. */
  raw: string;
}

export interface Heredoc {
  delim: string;
  stripTabs: boolean;
  /** Unquoted delimiter: the body is expanded like a double-quoted string. */
  expand: boolean;
  body?: Word;
}

export interface Redirect {
  fd: number;
  /** `>`, `>>`, `>|`, `<`, `>&`, `<&`, `&>`, `&>>`, `<<`, `<<<`. */
  op: string;
  target?: Word;
  heredoc?: Heredoc;
}

export interface Assignment {
  name: string;
  value: Word;
  /** `name[sub]=v`: the subscript, evaluated arithmetically. */
  index?: Word;
  /** `+=`: append to the string, or to the array. */
  append?: boolean;
  /** `name=(w1 w2 …)`: an array of the words' expansions. */
  array?: Word[];
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
}

export interface LoopCommand {
  type: 'while' | 'until';
  cond: List;
  body: List;
  redirs: Redirect[];
}

export interface ForCommand {
  type: 'for';
  name: string;
  /** Omitted: `for x; do` (positional parameters: none here). */
  items?: Word[];
  body: List;
  redirs: Redirect[];
}

export interface IfCommand {
  type: 'if';
  clauses: Array<{ cond: List; body: List }>;
  elseBody?: List;
  redirs: Redirect[];
}

export interface GroupCommand {
  type: 'group' | 'subshell';
  list: List;
  redirs: Redirect[];
}

export interface CaseCommand {
  type: 'case';
  word: Word;
  items: Array<{ patterns: Word[]; body: List }>;
  redirs: Redirect[];
}

/** `name() { ...; }` or `function name { ...; }`: defining it runs nothing. */
export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
  redirs: Redirect[];
}

export type Command =
  SimpleCommand | LoopCommand | ForCommand | IfCommand | GroupCommand | CaseCommand | FunctionDef;

export interface Pipeline {
  bang: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
  /** Ended with `&`: runs as a background job. */
  background?: boolean;
  /** For a background job: its command as `jobs` shows it. */
  text?: string;
}

export interface List {
  items: AndOr[];
}
