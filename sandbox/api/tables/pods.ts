/**
 * Pods: `printPod` of pkg/printers/internalversion (v1.32). READY, the STATUS reason algorithm,
 * RESTARTS with the time since the last restart, and the wide IP / NODE / NOMINATED NODE /
 * READINESS GATES cells. Succeeded and Failed pods carry a `Completed` row condition.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject, TableRow } from '../types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import {
  POD_READY,
  POD_RESTARTS,
  POD_SPEC_NODE_NAME,
  POD_SPEC_READINESS_GATES,
  POD_STATUS,
  POD_STATUS_NOMINATED_NODE_NAME,
  POD_STATUS_POD_IP,
} from './descriptions';
import { humanDuration, parseTime, translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';

export const POD_COLUMNS = [
  NAME_COLUMN,
  column('Ready', 'string', POD_READY),
  column('Status', 'string', POD_STATUS),
  column('Restarts', 'string', POD_RESTARTS),
  AGE_COLUMN,
  column('IP', 'string', POD_STATUS_POD_IP, 1),
  column('Node', 'string', POD_SPEC_NODE_NAME, 1),
  column('Nominated Node', 'string', POD_STATUS_NOMINATED_NODE_NAME, 1),
  column('Readiness Gates', 'string', POD_SPEC_READINESS_GATES, 1),
];

type RowConditions = NonNullable<TableRow['conditions']>;

const SUCCEEDED_CONDITIONS: RowConditions = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const FAILED_CONDITIONS: RowConditions = [
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
];

/** `node.NodeUnreachablePodReason` */
const NODE_LOST = 'NodeLost';

function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasCondition(conditions: readonly PodCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** `isPodInitializedConditionTrue`: the first `Initialized` condition decides. */
function isInitialized(conditions: readonly PodCondition[] | undefined): boolean {
  const c = (conditions ?? []).find((x) => x.type === 'Initialized');
  return c !== undefined && c.status === 'True';
}

/** Latest of `latest` and the container's `lastState.terminated.finishedAt` (ms, or undefined). */
function laterFinish(latest: number | undefined, status: ContainerStatus): number | undefined {
  const term = status.lastState?.terminated;
  if (!term) return latest;
  const t = parseTime(term.finishedAt);
  if (t === undefined) return latest;
  return latest === undefined || latest < t ? t : latest;
}

function terminatedReason(prefix: string, t: { reason?: string; signal?: number; exitCode: number }): string {
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

/** The pod's IP as the internal type sees it: `status.podIP` is authoritative, else `podIPs[0]`. */
function podIP(pod: Pod): string {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || '';
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  let trueConditions = 0;
  for (const gate of gates) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === gate.conditionType);
    if (c?.status === 'True') trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}

export function printPod(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const pod = obj as unknown as Pod;
  const spec = pod.spec;
  const status = pod.status ?? {};
  const phase = status.phase ?? '';

  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;

  let reason = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let conditions: RowConditions | undefined;
  if (phase === 'Succeeded') conditions = SUCCEEDED_CONDITIONS;
  else if (phase === 'Failed') conditions = FAILED_CONDITIONS;

  const initContainers = new Map<string, Container>();
  for (const c of spec?.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }
  const initCount = spec?.initContainers?.length ?? 0;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const restartable = isRestartableInitContainer(initContainers.get(cs.name));
    restarts += cs.restartCount ?? 0;
    lastRestart = laterFinish(lastRestart, cs);
    if (restartable) {
      restartableInitRestarts += cs.restartCount ?? 0;
      lastRestartableInitRestart = laterFinish(lastRestartableInitRestart, cs);
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (terminated) reason = terminatedReason('Init:', terminated);
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${initCount}`;
    initializing = true;
    break;
  }

  if (!initializing || isInitialized(status.conditions)) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      lastRestart = laterFinish(lastRestart, cs);
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated) reason = terminatedReason('', terminated);
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to Running if at least one container still reports running.
    if (reason === 'Completed' && hasRunning) {
      reason = hasCondition(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = pod.metadata?.deletionTimestamp != null;
  if (deleting && status.reason === NODE_LOST) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsCell = `${restarts} (${humanDuration(ctx.now - lastRestart)} ago)`;
  }

  const row: PrintedRow = {
    cells: [
      pod.metadata?.name ?? '',
      `${readyContainers}/${totalContainers}`,
      reason,
      restartsCell,
      translateTimestampSince(pod.metadata?.creationTimestamp, ctx.now),
      podIP(pod) || '<none>',
      spec?.nodeName || '<none>',
      status.nominatedNodeName || '<none>',
      readinessGates(pod),
    ],
  };
  if (conditions) row.conditions = conditions.map((c) => ({ ...c }));
  return row;
}

export const podPrinter: Printer = { columns: POD_COLUMNS, print: printPod };
