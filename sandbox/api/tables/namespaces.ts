/** Namespaces: `printNamespace`. STATUS is `status.phase` as is (`Active`, `Terminating`). */
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { NAMESPACE_STATUS } from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';

export const NAMESPACE_COLUMNS = [NAME_COLUMN, column('Status', 'string', NAMESPACE_STATUS), AGE_COLUMN];

export function printNamespace(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const ns = obj as unknown as Namespace;
  return {
    cells: [
      ns.metadata?.name ?? '',
      ns.status?.phase ?? '',
      translateTimestampSince(ns.metadata?.creationTimestamp, ctx.now),
    ],
  };
}

export const namespacePrinter: Printer = { columns: NAMESPACE_COLUMNS, print: printNamespace };
