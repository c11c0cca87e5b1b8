/**
 * ResourceQuotas: `printResourceQuota`. Columns Name, Age, Request, Limit. For each resource of
 * `status.hard`, sorted by name, `name: used/hard` with canonical quantities (a missing used is
 * `0`); names starting with `limits.` go to LIMIT, all others to REQUEST.
 */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { QUOTA_LIMIT, QUOTA_REQUEST } from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';
import { canonicalQuantity } from './quantity';
import { compareStrings } from './sort';

export const RESOURCEQUOTA_COLUMNS = [
  NAME_COLUMN,
  AGE_COLUMN,
  column('Request', 'string', QUOTA_REQUEST),
  column('Limit', 'string', QUOTA_LIMIT),
];

type Quantities = Readonly<Record<string, string | number>> | undefined;

export function quotaColumns(hard: Quantities, used: Quantities): { request: string; limit: string } {
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(hard ?? {}).sort(compareStrings)) {
    const u = used?.[name];
    const entry = `${name}: ${u === undefined ? '0' : canonicalQuantity(u)}/${canonicalQuantity(hard![name])}`;
    const pieces = name.split('.');
    (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(entry);
  }
  return { request: request.join(', '), limit: limit.join(', ') };
}

export function printResourceQuota(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const rq = obj as unknown as ResourceQuota;
  const { request, limit } = quotaColumns(rq.status?.hard, rq.status?.used);
  return {
    cells: [
      rq.metadata?.name ?? '',
      translateTimestampSince(rq.metadata?.creationTimestamp, ctx.now),
      request,
      limit,
    ],
  };
}

export const resourceQuotaPrinter: Printer = { columns: RESOURCEQUOTA_COLUMNS, print: printResourceQuota };
