/**
 * Endpoints: `printEndpoints` / `formatEndpoints`. For each subset, for each port, each ready
 * address as `ip:port` (IPv6 in brackets); a subset without ports lists bare IPs. At most three,
 * then ` + N more...`; `<none>` without subsets. Not-ready addresses are not shown.
 */
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ENDPOINTS_SUBSETS } from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';

export const ENDPOINTS_COLUMNS = [NAME_COLUMN, column('Endpoints', 'string', ENDPOINTS_SUBSETS), AGE_COLUMN];

const MAX_LISTED = 3;

/** `net.JoinHostPort` */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (s: string): void => {
    if (list.length === MAX_LISTED) more = true;
    else list.push(s);
  };
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) add(a.ip);
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) add(joinHostPort(a.ip, p.port));
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX_LISTED} more...` : ret;
}

export function printEndpoints(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const ep = obj as unknown as Endpoints;
  return {
    cells: [
      ep.metadata?.name ?? '',
      formatEndpoints(ep),
      translateTimestampSince(ep.metadata?.creationTimestamp, ctx.now),
    ],
  };
}

export const endpointsPrinter: Printer = { columns: ENDPOINTS_COLUMNS, print: printEndpoints };
