/**
 * ReplicationControllers: `printReplicationController`. Like ReplicaSets, but the selector is a
 * plain map (`labels.FormatLabels`) and the template may be absent.
 */
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { containerCells } from './containers';
import {
  RC_SPEC_REPLICAS,
  RC_SPEC_SELECTOR,
  RC_STATUS_READY_REPLICAS,
  RC_STATUS_REPLICAS,
} from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';
import { formatLabels } from './selectors';

export const REPLICATIONCONTROLLER_COLUMNS = [
  NAME_COLUMN,
  column('Desired', 'integer', RC_SPEC_REPLICAS),
  column('Current', 'integer', RC_STATUS_REPLICAS),
  column('Ready', 'integer', RC_STATUS_READY_REPLICAS),
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  column('Selector', 'string', RC_SPEC_SELECTOR, 1),
];

export function printReplicationController(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const rc = obj as unknown as ReplicationController;
  const { names, images } = containerCells(rc.spec?.template?.spec?.containers);
  return {
    cells: [
      rc.metadata?.name ?? '',
      rc.spec?.replicas ?? 1,
      rc.status?.replicas ?? 0,
      rc.status?.readyReplicas ?? 0,
      translateTimestampSince(rc.metadata?.creationTimestamp, ctx.now),
      names,
      images,
      formatLabels(rc.spec?.selector),
    ],
  };
}

export const replicationControllerPrinter: Printer = {
  columns: REPLICATIONCONTROLLER_COLUMNS,
  print: printReplicationController,
};
