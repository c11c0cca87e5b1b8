/**
 * Deployments: `printDeployment`. READY is `ready/desired`; UP-TO-DATE and AVAILABLE are integer
 * cells although upstream declares their columns `string`. SELECTOR is the selector string as is:
 * empty (not `<none>`) for an empty selector, `<invalid>` for a broken one.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { containerCells } from './containers';
import {
  DEPLOYMENT_READY,
  DEPLOYMENT_SPEC_SELECTOR,
  DEPLOYMENT_STATUS_AVAILABLE_REPLICAS,
  DEPLOYMENT_STATUS_UPDATED_REPLICAS,
} from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';
import { labelSelectorString } from './selectors';

export const DEPLOYMENT_COLUMNS = [
  NAME_COLUMN,
  column('Ready', 'string', DEPLOYMENT_READY),
  column('Up-to-date', 'string', DEPLOYMENT_STATUS_UPDATED_REPLICAS),
  column('Available', 'string', DEPLOYMENT_STATUS_AVAILABLE_REPLICAS),
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  column('Selector', 'string', DEPLOYMENT_SPEC_SELECTOR, 1),
];

export function printDeployment(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const d = obj as unknown as Deployment;
  // spec.replicas is always set once defaulted (to 1).
  const desired = d.spec?.replicas ?? 1;
  const status = d.status ?? {};
  const { names, images } = containerCells(d.spec?.template?.spec?.containers);
  return {
    cells: [
      d.metadata?.name ?? '',
      `${status.readyReplicas ?? 0}/${desired}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      translateTimestampSince(d.metadata?.creationTimestamp, ctx.now),
      names,
      images,
      labelSelectorString(d.spec?.selector) ?? '<invalid>',
    ],
  };
}

export const deploymentPrinter: Printer = { columns: DEPLOYMENT_COLUMNS, print: printDeployment };
