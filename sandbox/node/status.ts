/**
 * `pod.status` as the kubelet writes it (generateAPIPodStatus): the phase from the container
 * states (getPhase), the conditions in the kubelet's order with their transition times, the
 * container statuses, host and pod IPs, startTime. PodScheduled and qosClass are kept as stored.
 */
import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { timestamp } from '../api/context';
import { imageID } from '../apps/registry';
import type { ContainerRt, Terminated } from './types';

export interface PodRuntimeView {
  pod: Pod;
  containers: ContainerRt[];
  hostIP: string;
  podIP?: string;
  startTime?: number;
  sandboxReady: boolean;
  /** Set once the pod is finished for good (deleted, or no container will run again). */
  terminal: boolean;
}

/** getPhase of the kubelet (no init containers). */
export function podPhase(view: PodRuntimeView): string {
  const policy = view.pod.spec?.restartPolicy ?? 'Always';
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of view.containers) {
    if (c.state.kind === 'running') running++;
    else if (c.state.kind === 'terminated') {
      stopped++;
      if (c.state.info.exitCode === 0) succeeded++;
    } else if (c.last) stopped++;
    else waiting++;
  }
  if (view.terminal && running === 0)
    return stopped > 0 && stopped === succeeded && waiting === 0 ? 'Succeeded' : 'Failed';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (policy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return policy === 'Never' ? 'Failed' : 'Running';
}

function terminated(t: Terminated): NonNullable<ContainerStatus['state']>['terminated'] {
  const out = {
    exitCode: t.exitCode,
    reason: t.reason,
    startedAt: timestamp(t.startedAt),
    finishedAt: timestamp(t.finishedAt),
    containerID: t.containerID,
  };
  return t.signal ? { ...out, signal: t.signal } : out;
}

export function containerStatus(c: ContainerRt): ContainerStatus {
  const s = c.state;
  const state: ContainerStatus['state'] =
    s.kind === 'running'
      ? { running: { startedAt: timestamp(s.startedAt) } }
      : s.kind === 'terminated'
        ? { terminated: terminated(s.info) }
        : { waiting: s.message ? { reason: s.reason, message: s.message } : { reason: s.reason } };
  const out: ContainerStatus = {
    name: c.spec.name,
    state,
    lastState: c.last ? { terminated: terminated(c.last) } : {},
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.image ? c.image.ref : (c.spec.image ?? ''),
    imageID: c.image ? imageID(c.image) : '',
    started: c.started,
  };
  if (c.containerID) out.containerID = c.containerID;
  const mounts = (c.spec.volumeMounts ?? []).map((m) => ({
    name: m.name,
    mountPath: m.mountPath,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
  if (mounts.length) out.volumeMounts = mounts;
  return out;
}

function condition(
  type: string,
  ok: boolean,
  previous: PodCondition[],
  now: number,
  reason?: string,
  message?: string,
): PodCondition {
  const status = ok ? 'True' : 'False';
  const prev = previous.find((c) => c.type === type);
  const at =
    prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : timestamp(now);
  const out: PodCondition = {
    type,
    status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: at,
  };
  if (reason) out.reason = reason;
  if (message) out.message = message;
  return out;
}

/** The full status the kubelet would write now. */
export function buildStatus(view: PodRuntimeView, now: number): PodStatus {
  const stored = view.pod.status ?? {};
  const previous = stored.conditions ?? [];
  const phase = podPhase(view);
  const unready = view.containers.filter((c) => !c.ready).map((c) => c.spec.name);
  const allReady = unready.length === 0 && view.containers.length > 0;
  const notReadyReason = phase === 'Succeeded' ? 'PodCompleted' : 'ContainersNotReady';
  const notReadyMessage =
    phase === 'Succeeded' ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const conditions: PodCondition[] = [
    condition('PodReadyToStartContainers', view.sandboxReady, previous, now),
    condition('Initialized', true, previous, now),
    condition(
      'Ready',
      allReady,
      previous,
      now,
      allReady ? undefined : notReadyReason,
      allReady ? undefined : notReadyMessage,
    ),
    condition(
      'ContainersReady',
      allReady,
      previous,
      now,
      allReady ? undefined : notReadyReason,
      allReady ? undefined : notReadyMessage,
    ),
  ];
  const scheduled = previous.find((c) => c.type === 'PodScheduled');
  conditions.push(scheduled ?? condition('PodScheduled', true, previous, now));
  const status: PodStatus = {
    phase,
    conditions,
    hostIP: view.hostIP,
    hostIPs: [{ ip: view.hostIP }],
    containerStatuses: view.containers.map(containerStatus),
    qosClass: stored.qosClass,
  };
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = [{ ip: view.podIP }];
  }
  if (view.startTime !== undefined) status.startTime = timestamp(view.startTime);
  if (stored.nominatedNodeName) status.nominatedNodeName = stored.nominatedNodeName;
  return status;
}
