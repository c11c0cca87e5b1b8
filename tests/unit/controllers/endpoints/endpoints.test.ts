import { describe, expect, it } from 'vitest';
import { start } from '../../../../sandbox/controllers/endpoints/index';
import { addNodes, harness, podInput, runPod, serviceInput, setPodStatus } from './harness';

function setup() {
  const h = harness([start]);
  addNodes(h.ctx);
  h.settle();
  return h;
}

describe('Endpoints controller', () => {
  it('splits ready and not-ready pods, resolves targetPort and sorts addresses', () => {
    const h = setup();
    const { api } = h.ctx;
    runPod(h.ctx, 'kubia-b', { app: 'kubia' }, '10.244.1.9', { node: 'node-1' });
    runPod(h.ctx, 'kubia-a', { app: 'kubia' }, '10.244.1.10', { node: 'node-1' });
    runPod(h.ctx, 'kubia-c', { app: 'kubia' }, '10.244.2.3', { node: 'node-2', ready: false });
    runPod(h.ctx, 'other', { app: 'other' }, '10.244.2.4', { node: 'node-2' });
    api.create(serviceInput('kubia', { app: 'kubia' }, {}, { team: 'web' }));
    h.settle();
    const ep = api.get('endpoints', 'default', 'kubia');
    expect(ep.metadata.labels).toEqual({ team: 'web' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(
      api.get('services', 'default', 'kubia').metadata.creationTimestamp,
    );
    const subsets = ep.subsets as Array<Record<string, unknown>>;
    expect(subsets).toHaveLength(1);
    const s = subsets[0] as {
      addresses: Array<{ ip: string; nodeName: string; targetRef: { kind: string; name: string } }>;
      notReadyAddresses: Array<{ ip: string }>;
      ports: unknown[];
    };
    // Byte-wise IP order, as upstream: "10.244.1.10" < "10.244.1.9".
    expect(s.addresses.map((a) => a.ip)).toEqual(['10.244.1.10', '10.244.1.9']);
    expect(s.addresses[0].targetRef).toMatchObject({ kind: 'Pod', name: 'kubia-a', namespace: 'default' });
    expect(s.addresses[0].nodeName).toBe('node-1');
    expect(s.notReadyAddresses.map((a) => a.ip)).toEqual(['10.244.2.3']);
    expect(s.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });

  it('moves a pod between addresses and notReadyAddresses as readiness changes', () => {
    const h = setup();
    const { api } = h.ctx;
    const pod = runPod(h.ctx, 'p1', { app: 'x' }, '10.244.1.2', { ready: false });
    api.create(serviceInput('x', { app: 'x' }));
    h.settle();
    const before = api.get('endpoints', 'default', 'x').subsets as Array<Record<string, unknown>>;
    expect(before[0].addresses).toBeUndefined();
    expect(before[0].notReadyAddresses).toHaveLength(1);
    h.settle(5);
    setPodStatus(h.ctx, pod, '10.244.1.2', true);
    h.settle();
    const ep = api.get('endpoints', 'default', 'x');
    const after = ep.subsets as Array<Record<string, unknown>>;
    expect(after[0].addresses).toHaveLength(1);
    expect(after[0].notReadyAddresses).toBeUndefined();
    // The trigger time is now the pod's Ready transition.
    const ready = (
      api.get('pods', 'default', 'p1').status as { conditions: Array<{ lastTransitionTime: string }> }
    ).conditions[0].lastTransitionTime;
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(ready);
  });

  it('resolves named target ports per pod and groups pods by port set', () => {
    const h = setup();
    const { api } = h.ctx;
    runPod(h.ctx, 'a', { app: 'n' }, '10.244.1.2', { ports: [{ name: 'http', containerPort: 8080 }] });
    runPod(h.ctx, 'b', { app: 'n' }, '10.244.1.3', { ports: [{ name: 'http', containerPort: 9090 }] });
    runPod(h.ctx, 'c', { app: 'n' }, '10.244.1.4', { ports: [{ name: 'other', containerPort: 7070 }] });
    api.create(serviceInput('n', { app: 'n' }, { ports: [{ name: 'web', port: 80, targetPort: 'http' }] }));
    h.settle();
    const subsets = api.get('endpoints', 'default', 'n').subsets as Array<{
      addresses: Array<{ ip: string }>;
      ports: Array<{ name: string; port: number }>;
    }>;
    expect(subsets.map((s) => [s.addresses.map((a) => a.ip), s.ports])).toEqual([
      [['10.244.1.2'], [{ name: 'web', port: 8080, protocol: 'TCP' }]],
      [['10.244.1.3'], [{ name: 'web', port: 9090, protocol: 'TCP' }]],
    ]);
  });

  it('drops terminating pods, keeps an empty Endpoints, skips selector-less services, deletes with the service', () => {
    const h = setup();
    const { api } = h.ctx;
    runPod(h.ctx, 'p1', { app: 'x' }, '10.244.1.2');
    api.create(serviceInput('x', { app: 'x' }));
    api.create(serviceInput('manual', undefined));
    h.settle();
    expect(api.exists('endpoints', 'default', 'manual')).toBe(false);
    api.delete('pods', 'default', 'p1');
    h.settle();
    expect(api.get('pods', 'default', 'p1').metadata.deletionTimestamp).toBeDefined();
    expect(api.get('endpoints', 'default', 'x').subsets).toBeUndefined();
    api.delete('services', 'default', 'x');
    h.settle();
    expect(api.exists('endpoints', 'default', 'x')).toBe(false);
  });

  it('follows label changes of pods (old and new labels)', () => {
    const h = setup();
    const { api } = h.ctx;
    runPod(h.ctx, 'p1', { app: 'x' }, '10.244.1.2');
    api.create(serviceInput('x', { app: 'x' }));
    h.settle();
    api.patch('pods', 'default', 'p1', { metadata: { labels: { app: 'y' } } }, 'merge');
    h.settle();
    expect(api.get('endpoints', 'default', 'x').subsets).toBeUndefined();
    expect(api.get('pods', 'default', 'p1')).toBeDefined();
    api.create(podInput('pending', { app: 'x' }));
    h.settle();
    // A pod without an IP is not an endpoint.
    expect(api.get('endpoints', 'default', 'x').subsets).toBeUndefined();
  });
});
