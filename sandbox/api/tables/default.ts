/**
 * The API server's default table convertor (apiserver `pkg/registry/rest/table.go`) for resources
 * without a printer: `Name` and `Created At`, the latter an RFC 3339 UTC date, not an age.
 */
import type { KubeObject } from '../types';
import { DEFAULT_COLUMNS } from './columns';
import { formatRFC3339 } from './duration';
import type { PrintedRow, Printer } from './printer';

export function printDefault(obj: KubeObject): PrintedRow {
  return { cells: [obj.metadata?.name ?? '', formatRFC3339(obj.metadata?.creationTimestamp)] };
}

export const defaultPrinter: Printer = { columns: DEFAULT_COLUMNS, print: printDefault };
