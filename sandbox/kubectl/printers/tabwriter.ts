/**
 * Go's text/tabwriter as kubectl configures it: cells end at a TAB, the text after the last TAB is
 * never padded, widths are computed per column block (a run of lines that all have that cell).
 */
export interface TabOptions {
  minwidth: number;
  padding: number;
}

export const GET_TABS: TabOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE_TABS: TabOptions = { minwidth: 0, padding: 2 };

function runeLength(s: string): number {
  return [...s].length;
}

/** Align `text` (lines separated by `\n`). `remembered` (watch mode) keeps widths from growing back. */
export function tabwrite(text: string, opts: TabOptions = GET_TABS, remembered?: number[]): string {
  const lines = text.split('\n');
  const cells = lines.map((l) => l.split('\t'));
  const widths: number[][] = cells.map(() => []);
  const assign = (a: number, b: number, c: number): void => {
    let i = a;
    while (i < b) {
      if (cells[i].length - 1 <= c) {
        i++;
        continue;
      }
      let j = i;
      let w = opts.minwidth;
      while (j < b && cells[j].length - 1 > c) {
        w = Math.max(w, runeLength(cells[j][c]) + opts.padding);
        j++;
      }
      if (remembered) {
        w = Math.max(w, remembered[c] ?? 0);
        remembered[c] = w;
      }
      for (let r = i; r < j; r++) widths[r][c] = w;
      assign(i, j, c + 1);
      i = j;
    }
  };
  assign(0, cells.length, 0);
  return cells
    .map((row, r) => {
      let out = '';
      for (let k = 0; k < row.length - 1; k++) {
        out += row[k] + ' '.repeat(Math.max(0, widths[r][k] - runeLength(row[k])));
      }
      return out + row[row.length - 1];
    })
    .join('\n');
}
