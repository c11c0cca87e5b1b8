/** What each resource's printer provides: its columns and a function from one object to one row. */
import type { KubeObject, TableColumnDefinition, TableRow } from '../types';

export type Cell = string | number | boolean | null;

export interface PrintContext {
  /** The current time (ms since the epoch) for AGE and the other durations. */
  now: number;
}

export interface PrintedRow {
  cells: Cell[];
  conditions?: NonNullable<TableRow['conditions']>;
}

export interface Printer {
  /** All columns, wide ones included: the API server always prints wide (see README). */
  columns: readonly TableColumnDefinition[];
  print(obj: KubeObject, ctx: PrintContext): PrintedRow;
}
