/** ConfigMaps: `printConfigMap`. DATA is the integer count of `data` plus `binaryData` keys. */
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { CONFIGMAP_DATA } from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';

export const CONFIGMAP_COLUMNS = [NAME_COLUMN, column('Data', 'string', CONFIGMAP_DATA), AGE_COLUMN];

export function printConfigMap(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const cm = obj as unknown as ConfigMap;
  return {
    cells: [
      cm.metadata?.name ?? '',
      Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
      translateTimestampSince(cm.metadata?.creationTimestamp, ctx.now),
    ],
  };
}

export const configMapPrinter: Printer = { columns: CONFIGMAP_COLUMNS, print: printConfigMap };
