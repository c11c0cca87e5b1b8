/**
 * ReplicaSets: `printReplicaSet`. DESIRED / CURRENT / READY are integer cells; SELECTOR is
 * `metav1.FormatLabelSelector` (`<none>` when empty, `<error>` when invalid).
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { containerCells } from './containers';
import {
  RS_SPEC_REPLICAS,
  RS_SPEC_SELECTOR,
  RS_STATUS_READY_REPLICAS,
  RS_STATUS_REPLICAS,
} from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';
import { formatLabelSelector } from './selectors';

export const REPLICASET_COLUMNS = [
  NAME_COLUMN,
  column('Desired', 'integer', RS_SPEC_REPLICAS),
  column('Current', 'integer', RS_STATUS_REPLICAS),
  column('Ready', 'integer', RS_STATUS_READY_REPLICAS),
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  column('Selector', 'string', RS_SPEC_SELECTOR, 1),
];

export function printReplicaSet(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const rs = obj as unknown as ReplicaSet;
  const { names, images } = containerCells(rs.spec?.template?.spec?.containers);
  return {
    cells: [
      rs.metadata?.name ?? '',
      rs.spec?.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata?.creationTimestamp, ctx.now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ],
  };
}

export const replicaSetPrinter: Printer = { columns: REPLICASET_COLUMNS, print: printReplicaSet };
