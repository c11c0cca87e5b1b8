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

/** The last status built for a container, with what it was built from. */
interface Built {
  state: ContainerRt['state'];
  last: ContainerRt['last'];
  spec: ContainerRt['spec'];
  image: ContainerRt['image'];
  ready: boolean;
  started: boolean;
  restartCount: number;
  containerID: string | undefined;
  status: ContainerStatus;
}

const built = new WeakMap<ContainerRt, Built>();

/**
 * A container's status, the same object as last time when nothing it is built from changed (the
 * runtime replaces `state`, `last`, `spec` and `image` objects, never modifies them): most status
 * writes change one container at most, and the unchanged ones then compare by identity.
 */
export function containerStatus(c: ContainerRt): ContainerStatus {
  const b = built.get(c);
  if (
    b &&
    b.state === c.state &&
    b.last === c.last &&
    b.spec === c.spec &&
    b.image === c.image &&
    b.ready === c.ready &&
    b.started === c.started &&
    b.restartCount === c.restartCount &&
    b.containerID === c.containerID
  )
    return b.status;
  const status = buildContainerStatus(c);
  built.set(c, {
    state: c.state,
    last: c.last,
    spec: c.spec,
    image: c.image,
    ready: c.ready,
    started: c.started,
    restartCount: c.restartCount,
    containerID: c.containerID,
    status,
  });
  return status;
}

function buildContainerStatus(c: ContainerRt): ContainerStatus {
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
  // The stored condition itself when it is exactly the one built below (most writes change one
  // condition at most): no new object, and the status write recognises it as unchanged.
  if (prev && Object.isFrozen(prev) && isCondition(prev, type, status, at, reason, message)) return prev;
  // lastProbeTime is null in the kubelet's struct; the API server's decoder drops null fields, so the
  // condition is built as it is stored (a canonical body: trusted writes store it as it is).
  const out: PodCondition = { type, status, lastTransitionTime: at };
  if (reason) out.reason = reason;
  if (message) out.message = message;
  return out;
}

/** Is `c` exactly (values and key order, nothing else) the condition `condition()` builds? */
function isCondition(
  c: PodCondition,
  type: string,
  status: string,
  at: string,
  reason: string | undefined,
  message: string | undefined,
): boolean {
  if (c.type !== type || c.status !== status || c.lastTransitionTime !== at) return false;
  if (c.reason !== (reason || undefined) || c.message !== (message || undefined)) return false;
  let i = 0;
  for (const k in c) {
    const want = i < 3 ? CONDITION_KEYS[i] : i === 3 && reason ? 'reason' : 'message';
    if (k !== want || (k === 'message' && !message)) return false;
    i++;
  }
  return i === 3 + (reason ? 1 : 0) + (message ? 1 : 0);
}

const CONDITION_KEYS = ['type', 'status', 'lastTransitionTime'];

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
