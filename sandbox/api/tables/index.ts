/**
 * `meta.k8s.io/v1` Table conversion: what the API server answers a `kubectl get` with.
 * One printer per resource (pkg/printers/internalversion, v1.32), the default Name / Created At
 * table for any other resource, and the `includeObject` handling of the apiserver's `asTable`.
 */
import type { ResourceInfo } from '../resources';
import { apiVersionOf } from '../resources';
import type { KubeObject, Table, TableRow } from '../types';
import { configMapPrinter } from './configmaps';
import { defaultPrinter } from './default';
import { deploymentPrinter } from './deployments';
import { endpointSlicePrinter } from './endpointslices';
import { endpointsPrinter } from './endpoints';
import { eventPrinter } from './core-events';
import { namespacePrinter } from './namespaces';
import { nodePrinter } from './nodes';
import type { Printer } from './printer';
import { podPrinter } from './pods';
import { replicaSetPrinter } from './replicasets';
import { replicationControllerPrinter } from './replicationcontrollers';
import { resourceQuotaPrinter } from './resourcequotas';
import { servicePrinter } from './services';

export type { Printer, PrintContext, PrintedRow, Cell } from './printer';
export { humanDuration, translateTimestampSince } from './duration';
export { formatLabels, formatLabelSelector, labelSelectorString } from './selectors';
export { canonicalQuantity } from './quantity';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface ToTableOptions {
  /** The current time, ms since the epoch (AGE and the other durations). */
  now: number;
  /** `?includeObject=`: Metadata (the default) puts a PartialObjectMetadata in each row. */
  includeObject?: IncludeObject;
  /** `metadata.resourceVersion` of the Table: the list's, or the object's for a single get. */
  resourceVersion?: string;
  /** `TableOptions.noHeaders` (watch events after the first): no column definitions. */
  noHeaders?: boolean;
}

/** Printers by `group/plural` ('' group for core). */
const PRINTERS = new Map<string, Printer>([
  ['/configmaps', configMapPrinter],
  ['/endpoints', endpointsPrinter],
  ['/events', eventPrinter],
  ['/namespaces', namespacePrinter],
  ['/nodes', nodePrinter],
  ['/pods', podPrinter],
  ['/replicationcontrollers', replicationControllerPrinter],
  ['/resourcequotas', resourceQuotaPrinter],
  ['/services', servicePrinter],
  ['apps/deployments', deploymentPrinter],
  ['apps/replicasets', replicaSetPrinter],
  ['discovery.k8s.io/endpointslices', endpointSlicePrinter],
]);

/** The printer of a resource, or the API server's default Name / Created At table. */
export function printerFor(resource: Pick<ResourceInfo, 'group' | 'plural'>): Printer {
  return PRINTERS.get(`${resource.group}/${resource.plural}`) ?? defaultPrinter;
}

/** Whether the resource has its own printer (else the default table is used). */
export function hasPrinter(resource: Pick<ResourceInfo, 'group' | 'plural'>): boolean {
  return PRINTERS.has(`${resource.group}/${resource.plural}`);
}

function rowObject(
  resource: ResourceInfo,
  obj: KubeObject,
  includeObject: IncludeObject,
): TableRow['object'] | undefined {
  switch (includeObject) {
    case 'None':
      return undefined;
    case 'Object':
      return obj.apiVersion && obj.kind
        ? obj
        : { ...obj, apiVersion: apiVersionOf(resource), kind: resource.kind };
    case 'Metadata':
      return {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: obj.metadata,
      } as KubeObject;
  }
}

/**
 * The Table for `objects` of `resource`, rows in the order given. Every column, wide ones
 * included, is present: the API server always prints wide and kubectl hides priority > 0 columns.
 */
export function toTable(resource: ResourceInfo, objects: readonly KubeObject[], opts: ToTableOptions): Table {
  const printer = printerFor(resource);
  const includeObject = opts.includeObject ?? 'Metadata';
  const ctx = { now: opts.now };
  const rows = objects.map((obj): TableRow => {
    const printed = printer.print(obj, ctx);
    const row: TableRow = { cells: printed.cells };
    if (printed.conditions) row.conditions = printed.conditions;
    const object = rowObject(resource, obj, includeObject);
    if (object !== undefined) row.object = object;
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: opts.resourceVersion !== undefined ? { resourceVersion: opts.resourceVersion } : {},
    columnDefinitions: opts.noHeaders ? [] : printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
