/**
 * A small screen emulator for the terminal tests: enough of xterm's behaviour to check where the
 * line editor's output lands (auto-wrap with the pending-wrap state at the margin, wide characters
 * that do not fit in the last column move to the next row, CR, LF with scrolling, cursor moves,
 * erase in line/display). Not a general VT100.
 */
import { charWidth } from '../../../src/workbench/terminal/layout';
import type { Screen } from '../../../src/workbench/terminal/controller';

export class Vt implements Screen {
  rows: string[][];
  x = 0;
  y = 0;
  private pending = false;
  written = '';
  bells = 0;

  constructor(
    readonly cols: number,
    readonly height = 24,
  ) {
    this.rows = Array.from({ length: height }, () => this.blank());
  }

  private blank(): string[] {
    return Array.from({ length: this.cols }, () => ' ');
  }

  write(data: string): void {
    this.written += data;
    let i = 0;
    while (i < data.length) {
      const c = data[i];
      if (c === '\x1b') {
        // eslint-disable-next-line no-control-regex -- an escape sequence parser matches ESC
        const m = /^\x1b\[(\??)([\d;]*)([A-Za-z~])/.exec(data.slice(i));
        if (!m) throw new Error(`unknown escape at ${JSON.stringify(data.slice(i, i + 8))}`);
        this.csi(m[1], m[2], m[3]);
        i += m[0].length;
        continue;
      }
      const cp = data.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      if (ch === '\r') {
        this.x = 0;
        this.pending = false;
      } else if (ch === '\n') {
        this.lineFeed();
      } else if (ch === '\b') {
        this.x = Math.max(0, this.x - 1);
        this.pending = false;
      } else if (ch === '\x07') {
        this.bells++;
      } else {
        this.print(ch);
      }
    }
  }

  private lineFeed(): void {
    this.pending = false;
    if (this.y === this.height - 1) {
      this.rows.shift();
      this.rows.push(this.blank());
    } else this.y++;
  }

  private print(ch: string): void {
    const w = charWidth(ch);
    if (w === 0) return;
    if (this.pending || this.x + w > this.cols) {
      this.x = 0;
      this.lineFeed();
    }
    this.rows[this.y][this.x] = ch;
    if (w === 2) this.rows[this.y][this.x + 1] = '';
    this.x += w;
    if (this.x >= this.cols) {
      this.x = this.cols - 1;
      this.pending = true;
    }
  }

  private csi(priv: string, params: string, final: string): void {
    if (priv) return;
    const n = Number(params.split(';')[0] || '0');
    const count = Math.max(1, n);
    this.pending = false;
    switch (final) {
      case 'A':
        this.y = Math.max(0, this.y - count);
        break;
      case 'B':
        this.y = Math.min(this.height - 1, this.y + count);
        break;
      case 'C':
        this.x = Math.min(this.cols - 1, this.x + count);
        break;
      case 'D':
        this.x = Math.max(0, this.x - count);
        break;
      case 'H':
        this.x = 0;
        this.y = 0;
        break;
      case 'K':
        for (let c = this.x; c < this.cols; c++) this.rows[this.y][c] = ' ';
        break;
      case 'J':
        if (n === 2) {
          this.rows = Array.from({ length: this.height }, () => this.blank());
          break;
        }
        for (let c = this.x; c < this.cols; c++) this.rows[this.y][c] = ' ';
        for (let r = this.y + 1; r < this.height; r++) this.rows[r] = this.blank();
        break;
      case 'm':
        break;
      default:
        throw new Error(`unsupported CSI ${params}${final}`);
    }
  }

  /** The screen's rows as text, trailing blanks and empty rows at the bottom dropped. */
  text(): string[] {
    const lines = this.rows.map((r) => r.join('').replace(/\s+$/, ''));
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  // Screen
  drain(): Promise<void> {
    return Promise.resolve();
  }
  cursorX(): number {
    return this.pending ? this.cols : this.x;
  }
  columns(): number {
    return this.cols;
  }
  bell(): void {
    this.bells++;
  }
}
