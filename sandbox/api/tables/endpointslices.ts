/**
 * EndpointSlices: `printEndpointSlice`. PORTS lists port numbers (else the port name, else `*`),
 * ENDPOINTS every address of every endpoint whatever its conditions; at most three each, then
 * ` + N more...`; `<unset>` when empty.
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ENDPOINTSLICE_ADDRESS_TYPE, ENDPOINTSLICE_ENDPOINTS, ENDPOINTSLICE_PORTS } from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';

export const ENDPOINTSLICE_COLUMNS = [
  NAME_COLUMN,
  column('AddressType', 'string', ENDPOINTSLICE_ADDRESS_TYPE),
  column('Ports', 'string', ENDPOINTSLICE_PORTS),
  column('Endpoints', 'string', ENDPOINTSLICE_ENDPOINTS),
  AGE_COLUMN,
];

const MAX_LISTED = 3;

/** `listWithMoreString` applied to a whole list. */
function listWithMore(all: readonly string[]): string {
  const ret = all.slice(0, MAX_LISTED).join(',');
  if (all.length > MAX_LISTED) return `${ret} + ${all.length - MAX_LISTED} more...`;
  return ret === '' ? '<unset>' : ret;
}

export function formatSlicePorts(slice: EndpointSlice): string {
  return listWithMore((slice.ports ?? []).map((p) => (p.port != null ? String(p.port) : (p.name ?? '*'))));
}

export function formatSliceEndpoints(slice: EndpointSlice): string {
  return listWithMore((slice.endpoints ?? []).flatMap((e) => e.addresses ?? []));
}

export function printEndpointSlice(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const slice = obj as unknown as EndpointSlice;
  return {
    cells: [
      slice.metadata?.name ?? '',
      slice.addressType ?? '',
      formatSlicePorts(slice),
      formatSliceEndpoints(slice),
      translateTimestampSince(slice.metadata?.creationTimestamp, ctx.now),
    ],
  };
}

export const endpointSlicePrinter: Printer = { columns: ENDPOINTSLICE_COLUMNS, print: printEndpointSlice };
