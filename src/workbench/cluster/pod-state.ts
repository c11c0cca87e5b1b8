/**
 * A pod's state as the chips show it, read from its status the way `kubectl get pods` derives the
 * STATUS column: deletion first, then a failing container, then scheduling, creation, readiness.
 */
import type { Pod } from 'kubernetes-types/core/v1';

export type PodState = 'pending' | 'creating' | 'running' | 'ready' | 'terminating' | 'failing' | 'succeeded';

export const POD_STATES: readonly PodState[] = [
  'pending',
  'creating',
  'running',
  'ready',
  'terminating',
  'failing',
  'succeeded',
];

/** Waiting reasons that mean the container will not start without help. */
const FAILING = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

export function podState(pod: Pod): { state: PodState; reason: string | undefined } {
  const status = pod.status;
  if (pod.metadata?.deletionTimestamp) return { state: 'terminating', reason: 'Terminating' };
  const containers = status?.containerStatuses ?? [];
  for (const c of containers) {
    const waiting = c.state?.waiting?.reason;
    if (waiting && FAILING.has(waiting)) return { state: 'failing', reason: waiting };
  }
  if (status?.phase === 'Failed') return { state: 'failing', reason: status.reason ?? 'Failed' };
  if (status?.phase === 'Succeeded') return { state: 'succeeded', reason: 'Completed' };
  const scheduled = status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (!pod.spec?.nodeName || scheduled?.status === 'False') {
    return { state: 'pending', reason: scheduled?.reason ?? 'Pending' };
  }
  const waiting = containers.find((c) => c.state?.waiting)?.state?.waiting?.reason;
  if (status?.phase !== 'Running') return { state: 'creating', reason: waiting ?? 'ContainerCreating' };
  const ready = status.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (ready) return { state: 'ready', reason: undefined };
  // Running but a container crashed and waits to restart, or a readiness probe is failing.
  const terminated = containers.find((c) => c.state?.terminated)?.state?.terminated?.reason;
  return { state: 'running', reason: waiting ?? terminated ?? 'NotReady' };
}

/**
 * The version a chip is coloured by: the tag of a kubia image (`luksa/kubia:v2` → `v2`), else the
 * image's last path segment with its tag (`nginx:1.27`).
 */
export function podVersion(image: string): string {
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const hasTag = colon > slash;
  const repo = hasTag ? ref.slice(0, colon) : ref;
  const tag = hasTag ? ref.slice(colon + 1) : 'latest';
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  if (name === 'kubia') return tag;
  return `${name}:${tag}`;
}
