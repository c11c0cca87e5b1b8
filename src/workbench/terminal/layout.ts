/**
 * Where the characters of a prompt and its line land on the screen, and the escape sequences that
 * redraw the line in place. Widths follow xterm's default Unicode 6 tables (Hangul and CJK take two
 * cells; a wide character that does not fit in the last column moves to the next row, leaving the
 * last cell empty), so the cursor sits where xterm draws the character. DOM-free.
 */

/** Zero-width code points (combining marks, Hangul medial and final jamo, joiners) below U+10000. */
const ZERO: Array<[number, number]> = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x0610, 0x061a],
  [0x064b, 0x065e],
  [0x0e31, 0x0e31],
  [0x0e34, 0x0e3a],
  [0x1160, 0x11ff],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2063],
  [0x20d0, 0x20ef],
  [0x302a, 0x302f],
  [0x3099, 0x309a],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe23],
  [0xfeff, 0xfeff],
];

/** Two-cell ranges of xterm's Unicode 6 provider. */
const WIDE: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3040, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function inRanges(cp: number, ranges: Array<[number, number]>): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** Cells a code point takes in xterm (0, 1 or 2). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (inRanges(cp, ZERO)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

export function stringWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

export interface Cell {
  row: number;
  col: number;
}

export interface Layout {
  /** Where each character of the text starts (index by code point). */
  starts: Cell[];
  /** Where the cursor is after writing everything, wrap resolved (`col` < columns). */
  end: Cell;
  /** Writing the last character left xterm's cursor in the pending-wrap state at the margin. */
  pendingWrap: boolean;
}

/** Lay out `chars` written from column `startCol` of row 0 on a screen `columns` wide. */
export function layout(chars: readonly string[], startCol: number, columns: number): Layout {
  const cols = Math.max(1, columns);
  let row = 0;
  let col = Math.min(startCol, cols - 1);
  let pending = false;
  const starts: Cell[] = [];
  for (const ch of chars) {
    const w = charWidth(ch);
    if (w === 0) {
      // A combining mark is drawn in its base character's cell.
      starts.push(starts[starts.length - 1] ?? { row, col });
      continue;
    }
    if (pending || col + w > cols) {
      row++;
      col = 0;
      pending = false;
    }
    starts.push({ row, col });
    col += w;
    if (col >= cols) {
      col = cols;
      pending = true;
    }
  }
  const end = pending ? { row: row + 1, col: 0 } : { row, col };
  return { starts, end, pendingWrap: pending };
}

/** What the line editor shows: a prompt, the text, and the cursor index into the text. */
export interface LineView {
  prompt: string;
  text: string;
  cursor: number;
}

const up = (n: number): string => (n > 0 ? `\x1b[${n}A` : '');
const right = (n: number): string => (n > 0 ? `\x1b[${n}C` : '');

/**
 * Redraws the editing line in place. It remembers how many rows below the prompt's first row the
 * cursor is, so a redraw can climb back, erase to the end of the screen and write the line again.
 */
export class LineRenderer {
  /** Column where the prompt starts (0 unless output left the cursor mid-row). */
  private startCol = 0;
  private cursorRow = 0;
  private shown: LineView | undefined;

  constructor(private columns: number) {}

  /** Start a new editing line at the current cursor position (its column is `startCol`). */
  begin(startCol: number): void {
    this.startCol = startCol;
    this.cursorRow = 0;
    this.shown = undefined;
  }

  /** The escape sequence that shows `view` (the first call writes it from the current position). */
  render(view: LineView): string {
    let out = '';
    if (this.shown) out += up(this.cursorRow) + '\r' + right(this.startCol);
    out += '\x1b[J';
    const all = [...view.prompt, ...view.text];
    const promptLen = [...view.prompt].length;
    const l = layout(all, this.startCol, this.columns);
    out += view.prompt + view.text;
    // At the right margin xterm waits to wrap; a space then CR makes the wrap happen (keeping the
    // rows joined for reflow and selection) so the cursor's row is known.
    if (l.pendingWrap) out += ' \r\x1b[K';
    const target = this.cursorCell(l, promptLen + view.cursor);
    out += up(l.end.row - target.row);
    if (target.col !== l.end.col || l.end.row !== target.row) out += '\r' + right(target.col);
    this.cursorRow = target.row;
    this.shown = view;
    return out;
  }

  /** Leave the line: the cursor moves below its last row. */
  finish(): string {
    if (!this.shown) return '\r\n';
    const all = [...this.shown.prompt, ...this.shown.text];
    const l = layout(all, this.startCol, this.columns);
    const down = l.end.row - this.cursorRow;
    this.shown = undefined;
    this.cursorRow = 0;
    return (down > 0 ? `\x1b[${down}B` : '') + (l.end.col === 0 && l.end.row > 0 ? '' : '\r\n');
  }

  /** The screen got narrower or wider; xterm does not reflow the cursor's line, so rows stay. */
  resize(columns: number): void {
    this.columns = columns;
    this.startCol = Math.min(this.startCol, Math.max(0, columns - 1));
  }

  /** The screen was cleared: the line now starts at the top left. */
  cleared(): void {
    this.startCol = 0;
    this.cursorRow = 0;
    this.shown = undefined;
  }

  get isShown(): boolean {
    return this.shown !== undefined;
  }

  private cursorCell(l: Layout, index: number): Cell {
    if (index >= l.starts.length) return l.end;
    return l.starts[index];
  }
}
