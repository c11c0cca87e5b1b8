/**
 * The line being typed at a prompt, edited the way readline (bash) edits it: cursor keys, Home/End,
 * Ctrl+A/E/B/F, word moves, Ctrl+U/K/W/Y kill and yank, Backspace/Delete, history with Up/Down and
 * Ctrl+R reverse incremental search. Pure data: the terminal turns its view into screen output.
 * The text is kept as code points so a cursor step never splits a character.
 */
import type { Key } from './keys';
import type { LineView } from './layout';

export type EditorAction =
  | { kind: 'none' }
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  /** Ctrl+D on an empty line. */
  | { kind: 'eof' }
  | { kind: 'complete' }
  /** Ctrl+L. */
  | { kind: 'clear' }
  | { kind: 'bell' };

interface Search {
  query: string;
  /** History index of the line shown, or -1 when nothing matched yet. */
  match: number;
  /** Where in that line the query was found. */
  at: number;
  failed: boolean;
  original: { chars: string[]; cursor: number };
}

const NONE: EditorAction = { kind: 'none' };

/** Text as it goes into the line: tabs become spaces, other control characters are dropped. */
function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\t') out += ' ';
    else if (code >= 0x20 && code !== 0x7f) out += ch;
  }
  return out;
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);

export class LineEditor {
  private chars: string[] = [];
  private cursorAt = 0;
  /** Position in history while browsing with Up/Down; `undefined`: the line being typed. */
  private historyIndex: number | undefined;
  private draft: string[] = [];
  private killed = '';
  private search: Search | undefined;

  /** `history` lists earlier lines, oldest first (the shell's history of this pane). */
  constructor(private readonly history: () => readonly string[]) {}

  get text(): string {
    return this.chars.join('');
  }

  get cursor(): number {
    return this.cursorAt;
  }

  get searching(): boolean {
    return this.search !== undefined;
  }

  /** What to draw: in a search, bash's `(reverse-i-search)` prompt with the match as the line. */
  view(prompt: string): LineView {
    const s = this.search;
    if (!s) return { prompt, text: this.text, cursor: this.cursorAt };
    const label = s.failed ? '(failed reverse-i-search)' : '(reverse-i-search)';
    return { prompt: `${label}\`${s.query}': `, text: this.text, cursor: this.cursorAt };
  }

  /** Start a fresh line (optionally with text, cursor at its end). */
  reset(text = ''): void {
    this.chars = [...text];
    this.cursorAt = this.chars.length;
    this.historyIndex = undefined;
    this.search = undefined;
  }

  /** Insert text at the cursor (typed or pasted; control characters are dropped). */
  insert(text: string): void {
    const add = [...printable(text)];
    this.chars.splice(this.cursorAt, 0, ...add);
    this.cursorAt += add.length;
  }

  /** Replace `count` characters before the cursor with `text` (tab completion). */
  replaceBefore(count: number, text: string): void {
    const from = Math.max(0, this.cursorAt - count);
    this.chars.splice(from, this.cursorAt - from);
    this.cursorAt = from;
    this.insert(text);
  }

  /** The text left of the cursor (what completion looks at). */
  beforeCursor(): string {
    return this.chars.slice(0, this.cursorAt).join('');
  }

  handle(key: Key): EditorAction {
    if (this.search) {
      const r = this.handleSearch(key);
      if (r) return r;
    }
    if (key.kind === 'text' || key.kind === 'paste') {
      this.insert(key.text);
      return NONE;
    }
    switch (key.name) {
      case 'Enter': {
        const line = this.text;
        this.historyIndex = undefined;
        return { kind: 'submit', line };
      }
      case 'Left':
      case 'C-b':
        this.cursorAt = Math.max(0, this.cursorAt - 1);
        return NONE;
      case 'Right':
      case 'C-f':
        this.cursorAt = Math.min(this.chars.length, this.cursorAt + 1);
        return NONE;
      case 'Home':
      case 'C-a':
        this.cursorAt = 0;
        return NONE;
      case 'End':
      case 'C-e':
        this.cursorAt = this.chars.length;
        return NONE;
      case 'WordLeft':
      case 'M-b':
        this.cursorAt = this.wordStart(this.cursorAt);
        return NONE;
      case 'WordRight':
      case 'M-f':
        this.cursorAt = this.wordEnd(this.cursorAt);
        return NONE;
      case 'Backspace':
        if (this.cursorAt === 0) return { kind: 'bell' };
        this.chars.splice(this.cursorAt - 1, 1);
        this.cursorAt--;
        return NONE;
      case 'Delete':
        if (this.cursorAt >= this.chars.length) return { kind: 'bell' };
        this.chars.splice(this.cursorAt, 1);
        return NONE;
      case 'C-d':
        if (this.chars.length === 0) return { kind: 'eof' };
        if (this.cursorAt < this.chars.length) this.chars.splice(this.cursorAt, 1);
        return NONE;
      case 'C-u':
        this.kill(0, this.cursorAt);
        return NONE;
      case 'C-k':
        this.kill(this.cursorAt, this.chars.length);
        return NONE;
      case 'C-w': {
        // unix-word-rubout: back to the previous whitespace.
        let i = this.cursorAt;
        while (i > 0 && /\s/.test(this.chars[i - 1])) i--;
        while (i > 0 && !/\s/.test(this.chars[i - 1])) i--;
        this.kill(i, this.cursorAt);
        return NONE;
      }
      case 'M-Backspace':
        this.kill(this.wordStart(this.cursorAt), this.cursorAt);
        return NONE;
      case 'M-d':
        this.kill(this.cursorAt, this.wordEnd(this.cursorAt));
        return NONE;
      case 'C-y':
        if (this.killed) this.insert(this.killed);
        return NONE;
      case 'C-t': {
        // transpose-chars: at the end, swap the last two.
        if (this.chars.length < 2 || this.cursorAt === 0) return { kind: 'bell' };
        const i = this.cursorAt === this.chars.length ? this.cursorAt - 1 : this.cursorAt;
        [this.chars[i - 1], this.chars[i]] = [this.chars[i], this.chars[i - 1]];
        this.cursorAt = i + 1;
        return NONE;
      }
      case 'Up':
      case 'C-p':
        return this.browse(-1);
      case 'Down':
      case 'C-n':
        return this.browse(1);
      case 'C-r':
        this.search = {
          query: '',
          match: -1,
          at: 0,
          failed: false,
          original: { chars: [...this.chars], cursor: this.cursorAt },
        };
        return NONE;
      case 'C-c':
        return { kind: 'interrupt' };
      case 'C-l':
        return { kind: 'clear' };
      case 'Tab':
        return { kind: 'complete' };
      case 'C-g':
        return { kind: 'bell' };
      default:
        return NONE;
    }
  }

  private kill(from: number, to: number): void {
    if (to <= from) return;
    this.killed = this.chars.slice(from, to).join('');
    this.chars.splice(from, to - from);
    this.cursorAt = from;
  }

  private wordStart(i: number): number {
    while (i > 0 && !isWordChar(this.chars[i - 1])) i--;
    while (i > 0 && isWordChar(this.chars[i - 1])) i--;
    return i;
  }

  private wordEnd(i: number): number {
    const n = this.chars.length;
    while (i < n && !isWordChar(this.chars[i])) i++;
    while (i < n && isWordChar(this.chars[i])) i++;
    return i;
  }

  private browse(step: -1 | 1): EditorAction {
    const list = this.history();
    const current = this.historyIndex ?? list.length;
    const next = current + step;
    if (next < 0 || next > list.length) return { kind: 'bell' };
    if (this.historyIndex === undefined) this.draft = [...this.chars];
    this.historyIndex = next === list.length ? undefined : next;
    this.chars = next === list.length ? [...this.draft] : [...list[next]];
    this.cursorAt = this.chars.length;
    return NONE;
  }

  /** Find `query` in history at or before `from`, newest first. */
  private find(query: string, from: number): { index: number; at: number } | undefined {
    const list = this.history();
    for (let i = Math.min(from, list.length - 1); i >= 0; i--) {
      const at = list[i].lastIndexOf(query);
      if (at >= 0) return { index: i, at: [...list[i].slice(0, at)].length };
    }
    return undefined;
  }

  private show(s: Search, from: number): void {
    const list = this.history();
    const hit = s.query ? this.find(s.query, from) : undefined;
    if (!hit) {
      s.failed = s.query !== '';
      return;
    }
    s.failed = false;
    s.match = hit.index;
    s.at = hit.at;
    this.chars = [...list[hit.index]];
    this.cursorAt = hit.at;
  }

  /** Keys during a reverse search; `undefined`: leave the search and handle the key normally. */
  private handleSearch(key: Key): EditorAction | undefined {
    const s = this.search!;
    const list = this.history();
    const newest = s.match >= 0 ? s.match : list.length - 1;
    if (key.kind === 'text' || key.kind === 'paste') {
      s.query += printable(key.text);
      this.show(s, newest);
      return NONE;
    }
    switch (key.name) {
      case 'C-r':
        if (s.query) this.show(s, s.failed ? newest : newest - 1);
        return NONE;
      case 'Backspace':
        s.query = [...s.query].slice(0, -1).join('');
        if (!s.query) {
          s.failed = false;
          return NONE;
        }
        this.show(s, list.length - 1);
        return NONE;
      case 'C-g':
        this.chars = s.original.chars;
        this.cursorAt = s.original.cursor;
        this.search = undefined;
        return NONE;
      case 'Escape':
        this.search = undefined;
        return NONE;
      default:
        // Enter runs the match; any other editing key accepts it and then acts on it (as in bash).
        // Up/Down continue from the matched history entry.
        if (s.match >= 0 && !s.failed) this.historyIndex = s.match;
        this.search = undefined;
        return undefined;
    }
  }
}
