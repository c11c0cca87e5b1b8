/**
 * Nodes: `printNode`. STATUS comes from the `Ready` condition only (`Ready`, `NotReady`, or
 * `Unknown` without one), plus `SchedulingDisabled` when cordoned. ROLES come from
 * `node-role.kubernetes.io/<role>` label keys and a non-empty `kubernetes.io/role` value, sorted.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import {
  NODE_CONTAINER_RUNTIME_VERSION,
  NODE_KERNEL_VERSION,
  NODE_KUBELET_VERSION,
  NODE_OS_IMAGE,
  NODE_ROLES,
  NODE_STATUS,
  NODE_STATUS_ADDRESSES,
} from './descriptions';
import { translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';
import { compareStrings } from './sort';

export const NODE_COLUMNS = [
  NAME_COLUMN,
  column('Status', 'string', NODE_STATUS),
  column('Roles', 'string', NODE_ROLES),
  AGE_COLUMN,
  column('Version', 'string', NODE_KUBELET_VERSION),
  column('Internal-IP', 'string', NODE_STATUS_ADDRESSES, 1),
  column('External-IP', 'string', NODE_STATUS_ADDRESSES, 1),
  column('OS-Image', 'string', NODE_OS_IMAGE, 1),
  column('Kernel-Version', 'string', NODE_KERNEL_VERSION, 1),
  column('Container-Runtime', 'string', NODE_CONTAINER_RUNTIME_VERSION, 1),
];

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

export function nodeStatus(node: Node): string {
  const status: string[] = [];
  // The last Ready condition wins, as upstream builds a map by type.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1);
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort(compareStrings);
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export function printNode(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const node = obj as unknown as Node;
  const info = node.status?.nodeInfo;
  return {
    cells: [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node).join(',') || '<none>',
      translateTimestampSince(node.metadata?.creationTimestamp, ctx.now),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ],
  };
}

export const nodePrinter: Printer = { columns: NODE_COLUMNS, print: printNode };
