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

/** An empty `lastState`: frozen values with no null field are stored by a status write as they are. */
const NO_LAST_STATE = Object.freeze({});

function terminated(t: Terminated): NonNullable<ContainerStatus['state']>['terminated'] {
  const out: NonNullable<ContainerStatus['state']>['terminated'] = {
    exitCode: t.exitCode,
    reason: t.reason,
    startedAt: timestamp(t.startedAt),
    finishedAt: timestamp(t.finishedAt),
    containerID: t.containerID,
  };
  if (t.signal) out.signal = t.signal;
  return Object.freeze(out);
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
  const status = buildContainerStatus(c, b);
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

/**
 * Built frozen all the way down, without null fields: the status write then stores it as it is
 * (a canonical body, WriteOptions.canonical), and the next write finds the stored item to be
 * this very object.
 */
function buildContainerStatus(c: ContainerRt, b: Built | undefined): ContainerStatus {
  const s = c.state;
  // What did not change since the last build is taken from it (the same, already stored, objects).
  const state: ContainerStatus['state'] =
    b?.state === s
      ? b.status.state
      : Object.freeze(
          s.kind === 'running'
            ? { running: Object.freeze({ startedAt: timestamp(s.startedAt) }) }
            : s.kind === 'terminated'
              ? { terminated: terminated(s.info) }
              : {
                  waiting: Object.freeze(
                    s.message ? { reason: s.reason, message: s.message } : { reason: s.reason },
                  ),
                },
        );
  const out: ContainerStatus = {
    name: c.spec.name,
    state,
    lastState:
      b && b.last === c.last
        ? b.status.lastState
        : c.last
          ? Object.freeze({ terminated: terminated(c.last) })
          : NO_LAST_STATE,
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.image ? c.image.ref : (c.spec.image ?? ''),
    imageID: c.image ? imageID(c.image) : '',
    started: c.started,
  };
  if (c.containerID) out.containerID = c.containerID;
  const specMounts = c.spec.volumeMounts;
  if (b && b.spec === c.spec) {
    if (b.status.volumeMounts) out.volumeMounts = b.status.volumeMounts;
  } else if (specMounts?.length) {
    const mounts = specMounts.map((m) =>
      Object.freeze({
        name: m.name,
        mountPath: m.mountPath,
        ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
      }),
    );
    out.volumeMounts = Object.freeze(mounts) as ContainerStatus['volumeMounts'];
  }
  return Object.freeze(out);
}

function findCondition(list: readonly PodCondition[], type: string): PodCondition | undefined {
  for (let i = 0; i < list.length; i++) if (list[i].type === type) return list[i];
  return undefined;
}

/** A condition, `prev` (the stored one of its type) itself when it is exactly the one built. */
function condition(
  type: string,
  ok: boolean,
  prev: PodCondition | undefined,
  now: number,
  reason?: string,
  message?: string,
): PodCondition {
  const status = ok ? 'True' : 'False';
  const at =
    prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : timestamp(now);
  // The stored condition itself when it is exactly the one built below (most writes change one
  // condition at most): no new object, and the status write recognises it as unchanged.
  if (prev && Object.isFrozen(prev) && isCondition(prev, type, status, at, reason, message)) return prev;
  // lastProbeTime is null in the kubelet's struct; the API server's decoder drops null fields, so the
  // condition is built as it is stored (a canonical body: trusted writes store it as it is, frozen).
  const out: PodCondition = { type, status, lastTransitionTime: at };
  if (reason) out.reason = reason;
  if (message) out.message = message;
  return Object.freeze(out);
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

/** `list` itself when it holds exactly `items` (the same objects, in order), else a new frozen list. */
function sameOrNew<T>(list: readonly T[] | undefined, items: T[]): T[] {
  if (list && list.length === items.length) {
    let i = 0;
    while (i < items.length && items[i] === list[i]) i++;
    if (i === items.length) return list as T[];
  }
  return Object.freeze(items) as T[];
}

/**
 * The scheduler's condition as a status write stores it: the binding stores it with
 * `lastProbeTime: null`, which decoding drops (the body is sent canonical, as decoding leaves it).
 */
function withoutNulls(c: PodCondition): PodCondition {
  let clean = true;
  for (const k in c) if ((c as unknown as Record<string, unknown>)[k] === null) clean = false;
  if (clean) return c;
  const out: Record<string, unknown> = {};
  for (const k in c) {
    const v = (c as unknown as Record<string, unknown>)[k];
    if (v !== null && v !== undefined) out[k] = v;
  }
  return Object.freeze(out) as unknown as PodCondition;
}

/** Is `entry` exactly `{ ip }` (no other field)? */
function isIPOnly(entry: object, ip: string): boolean {
  let n = 0;
  for (const k in entry) {
    const v = (entry as Record<string, unknown>)[k];
    if (v === undefined || v === null) continue;
    if (k !== 'ip' || v !== ip) return false;
    n++;
  }
  return n === 1;
}

/** The one-address list of an IP, the stored one when it is that list already. */
function ipList(stored: PodStatus['hostIPs'], ip: string): NonNullable<PodStatus['hostIPs']> {
  if (stored && stored.length === 1 && isIPOnly(stored[0], ip)) return stored;
  return Object.freeze([Object.freeze({ ip })]) as NonNullable<PodStatus['hostIPs']>;
}

/**
 * The full status the kubelet would write now. Every part equal to the stored status is built as
 * the stored (frozen) object itself where that is cheap to see, and new parts are frozen, so that
 * the write stores them without copying and the next build finds them unchanged by identity.
 */
export function buildStatus(view: PodRuntimeView, now: number): PodStatus {
  const stored = view.pod.status ?? {};
  const previous = stored.conditions ?? [];
  const phase = podPhase(view);
  let unready = '';
  let allReady = view.containers.length > 0;
  for (const c of view.containers) {
    if (c.ready) continue;
    unready = allReady ? c.spec.name : `${unready} ${c.spec.name}`;
    allReady = false;
  }
  const notReadyReason = phase === 'Succeeded' ? 'PodCompleted' : 'ContainersNotReady';
  const notReadyMessage = phase === 'Succeeded' ? undefined : `containers with unready status: [${unready}]`;
  const reason = allReady ? undefined : notReadyReason;
  const message = allReady ? undefined : notReadyMessage;
  const scheduled = findCondition(previous, 'PodScheduled');
  const conditions = sameOrNew(previous, [
    condition(
      'PodReadyToStartContainers',
      view.sandboxReady,
      findCondition(previous, 'PodReadyToStartContainers'),
      now,
    ),
    condition('Initialized', true, findCondition(previous, 'Initialized'), now),
    condition('Ready', allReady, findCondition(previous, 'Ready'), now, reason, message),
    condition('ContainersReady', allReady, findCondition(previous, 'ContainersReady'), now, reason, message),
    scheduled ? withoutNulls(scheduled) : condition('PodScheduled', true, undefined, now),
  ]);
  const containerStatuses: ContainerStatus[] = new Array<ContainerStatus>(view.containers.length);
  for (let i = 0; i < view.containers.length; i++) containerStatuses[i] = containerStatus(view.containers[i]);
  const status: PodStatus = {
    phase,
    conditions,
    hostIP: view.hostIP,
    hostIPs: ipList(stored.hostIPs, view.hostIP),
    containerStatuses: sameOrNew(stored.containerStatuses, containerStatuses),
    qosClass: stored.qosClass,
  };
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = ipList(stored.podIPs, view.podIP);
  }
  if (view.startTime !== undefined) status.startTime = timestamp(view.startTime);
  if (stored.nominatedNodeName) status.nominatedNodeName = stored.nominatedNodeName;
  return status;
}
