/** kubectl's human-readable printing of a server Table (§3.2): columns, -L, --show-labels, -A. */
import type { KubeObject, Table } from '../../api/types';

export interface TableOptions {
  wide: boolean;
  /** `kind[.group]/` before each name (several types, or --show-kind). */
  kindPrefix?: string;
  withNamespace: boolean;
  labelColumns: string[];
  showLabels: boolean;
  noHeaders: boolean;
}

function cellText(c: unknown): string {
  if (c === null || c === undefined) return '<none>';
  return String(c);
}

function labelsOf(row: { object?: unknown }): Record<string, string> {
  const meta = (row.object as KubeObject | undefined)?.metadata;
  return (meta?.labels as Record<string, string> | undefined) ?? {};
}

function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>';
}

export function headerLine(table: Table, opts: TableOptions): string {
  const cols = table.columnDefinitions
    .filter((c) => opts.wide || c.priority === 0)
    .map((c) => c.name.toUpperCase());
  const extra = [...opts.labelColumns.map((l) => l.toUpperCase()), ...(opts.showLabels ? ['LABELS'] : [])];
  return [...(opts.withNamespace ? ['NAMESPACE'] : []), ...cols, ...extra].join('\t');
}

/** Tab-separated lines (header first unless --no-headers); not yet aligned. */
export function tableLines(table: Table, opts: TableOptions, header = !opts.noHeaders): string[] {
  const keep = table.columnDefinitions.map((c) => opts.wide || c.priority === 0);
  const nameIdx = table.columnDefinitions.findIndex((c) => c.name === 'Name');
  const lines: string[] = header ? [headerLine(table, opts)] : [];
  for (const row of table.rows) {
    const cells: string[] = [];
    if (opts.withNamespace) {
      cells.push(String((row.object as KubeObject | undefined)?.metadata?.namespace ?? ''));
    }
    row.cells.forEach((c, i) => {
      if (!keep[i]) return;
      let text = cellText(c);
      if (i === nameIdx && opts.kindPrefix) text = `${opts.kindPrefix}/${text}`;
      cells.push(text);
    });
    const labels = labelsOf(row);
    for (const l of opts.labelColumns) cells.push(labels[l] ?? '');
    if (opts.showLabels) cells.push(formatLabels(labels));
    lines.push(cells.join('\t'));
  }
  return lines;
}
