import { describe, expect, it } from 'vitest';
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { buildStatus, type PodRuntimeView } from '../../../sandbox/node/status';
import { reuseUnchanged } from '../../../sandbox/node/reuse';
import type { ContainerRt } from '../../../sandbox/node/types';

function view(status: PodStatus): PodRuntimeView {
  const container: ContainerRt = {
    spec: { name: 'nodejs', image: 'luksa/kubia:v1' },
    state: { kind: 'running', startedAt: Date.UTC(2026, 0, 1, 0, 0, 5) },
    restartCount: 0,
    containerID: 'containerd://abc',
    ready: true,
    started: true,
    generation: 1,
    killing: false,
  };
  const pod: Pod = { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] }, status };
  return {
    pod,
    containers: [container],
    hostIP: '192.168.49.2',
    podIP: '10.244.0.5',
    startTime: Date.UTC(2026, 0, 1),
    sandboxReady: true,
    terminal: false,
  };
}

describe('the status a kubelet builds against the stored one', () => {
  it('is the stored status object by object when nothing changed, and only the changes are new', () => {
    const v = view({ qosClass: 'BestEffort' });
    // What the store keeps of the first write: the built (frozen) parts as they are.
    const first = buildStatus(v, Date.UTC(2026, 0, 1, 0, 0, 6));
    v.pod = { ...v.pod, status: Object.freeze(first) };
    const again = reuseUnchanged(buildStatus(v, Date.UTC(2026, 0, 1, 0, 0, 9)), first);
    expect(again).toBe(first);

    v.containers[0].ready = false;
    const next = buildStatus(v, Date.UTC(2026, 0, 1, 0, 0, 10));
    expect(next.hostIPs).toBe(first.hostIPs);
    expect(next.podIPs).toBe(first.podIPs);
    expect(next.conditions![0]).toBe(first.conditions![0]);
    expect(next.conditions![1]).toBe(first.conditions![1]);
    expect(next.conditions![2]).toEqual({
      type: 'Ready',
      status: 'False',
      lastTransitionTime: '2026-01-01T00:00:10Z',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [nodejs]',
    });
    expect(next.containerStatuses![0]).not.toBe(first.containerStatuses![0]);
    expect(next.containerStatuses![0].state).toEqual(first.containerStatuses![0].state);
    // New parts are frozen and free of null fields: the status write stores them as they are.
    expect(Object.isFrozen(next.conditions![2])).toBe(true);
    expect(Object.isFrozen(next.containerStatuses![0].state!.running)).toBe(true);
  });
});
