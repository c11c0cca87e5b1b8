/**
 * How Tab completion changes the line and how a second Tab lists the choices, as readline does:
 * one candidate completes (with a space unless it ends in `/` or `=`); several complete their
 * common prefix; when nothing more can be added, the candidates are listed in columns, sorted down
 * the columns, each column as wide as the longest candidate plus two.
 */
import { stringWidth } from './layout';

export function commonPrefix(list: readonly string[]): string {
  if (list.length === 0) return '';
  let prefix = [...list[0]];
  for (const s of list.slice(1)) {
    const chars = [...s];
    let i = 0;
    while (i < prefix.length && i < chars.length && prefix[i] === chars[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join('');
}

export type TabOutcome =
  { kind: 'insert'; text: string } | { kind: 'list'; items: string[] } | { kind: 'bell' };

/** What one Tab does with `candidates` for `word`; `again` is true for a second Tab in a row. */
export function tabOutcome(word: string, candidates: readonly string[], again: boolean): TabOutcome {
  if (candidates.length === 0) return { kind: 'bell' };
  if (candidates.length === 1) {
    const only = candidates[0];
    return { kind: 'insert', text: /[/=]$/.test(only) ? only : `${only} ` };
  }
  const prefix = commonPrefix(candidates);
  if ([...prefix].length > [...word].length) return { kind: 'insert', text: prefix };
  if (!again) return { kind: 'bell' };
  // Readline lists file names without the directory part the reader already typed.
  const dir = word.slice(0, word.lastIndexOf('/') + 1);
  const items = candidates.map((c) => (dir && c.startsWith(dir) ? c.slice(dir.length) || c : c));
  return { kind: 'list', items };
}

/** Readline's match list: rows of columns, filled top to bottom, for a screen `columns` wide. */
export function formatColumns(items: readonly string[], columns: number): string[] {
  const width = Math.max(...items.map(stringWidth)) + 2;
  const perRow = Math.max(1, Math.floor(columns / width));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const i = c * rows + r;
      if (i >= items.length) break;
      const item = items[i];
      const last = c === perRow - 1 || (c + 1) * rows + r >= items.length;
      line += last ? item : item + ' '.repeat(width - stringWidth(item));
    }
    lines.push(line);
  }
  return lines;
}
