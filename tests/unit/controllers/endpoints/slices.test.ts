import { describe, expect, it } from 'vitest';
import { start } from '../../../../sandbox/controllers/endpoints/index';
import { addNodes, harness, runPod, serviceInput } from './harness';

const SVC_LABEL = 'kubernetes.io/service-name';

function setup() {
  const h = harness([start]);
  addNodes(h.ctx);
  h.settle();
  return h;
}

function slicesOf(h: ReturnType<typeof setup>, svc: string) {
  return h.ctx.api.list('endpointslices', 'default', { labelSelector: `${SVC_LABEL}=${svc}` }).items;
}

describe('EndpointSlice controller', () => {
  it('publishes one slice with conditions, targetRef, nodeName, ports and the owner reference', () => {
    const h = setup();
    const { api } = h.ctx;
    runPod(h.ctx, 'a', { app: 'k' }, '10.244.1.2', { node: 'node-1' });
    runPod(h.ctx, 'b', { app: 'k' }, '10.244.2.2', { node: 'node-2', ready: false });
    const svc = api.create(serviceInput('k', { app: 'k' }, {}, { tier: 'front' }));
    h.settle();
    const slices = slicesOf(h, 'k');
    expect(slices).toHaveLength(1);
    const s = slices[0];
    expect(s.metadata.name).toMatch(/^k-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.metadata.labels).toEqual({
      tier: 'front',
      [SVC_LABEL]: 'k',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(s.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'k',
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    const eps = s.endpoints as Array<Record<string, unknown>>;
    const byIP = Object.fromEntries(eps.map((e) => [(e.addresses as string[])[0], e]));
    expect(byIP['10.244.1.2']).toMatchObject({
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: 'node-1',
      targetRef: { kind: 'Pod', namespace: 'default', name: 'a' },
    });
    expect(byIP['10.244.2.2']).toMatchObject({
      conditions: { ready: false, serving: false, terminating: false },
    });
  });

  it('keeps terminating pods as ready=false, terminating=true (serving while Ready)', () => {
    const h = setup();
    const { api } = h.ctx;
    runPod(h.ctx, 'a', { app: 'k' }, '10.244.1.2');
    api.create(serviceInput('k', { app: 'k' }));
    h.settle();
    api.delete('pods', 'default', 'a');
    h.settle();
    const [s] = slicesOf(h, 'k');
    expect((s.endpoints as Array<Record<string, unknown>>)[0].conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
  });

  it('keeps a placeholder slice without endpoints when no pod matches', () => {
    const h = setup();
    const { api } = h.ctx;
    api.create(serviceInput('empty', { app: 'none' }));
    h.settle();
    const slices = slicesOf(h, 'empty');
    expect(slices).toHaveLength(1);
    expect(slices[0].endpoints).toBeUndefined();
    expect(slices[0].ports).toEqual([]);
    const name = slices[0].metadata.name;
    runPod(h.ctx, 'a', { app: 'none' }, '10.244.1.2');
    h.settle();
    const after = slicesOf(h, 'empty');
    expect(after).toHaveLength(1);
    expect(after[0].metadata.name).not.toBe(name);
    expect(after[0].endpoints).toHaveLength(1);
  });

  it('waits for the node of a pod to exist', () => {
    const h = harness([start]);
    const { api } = h.ctx;
    runPod(h.ctx, 'a', { app: 'k' }, '10.244.1.2', { node: 'node-1' });
    api.create(serviceInput('k', { app: 'k' }));
    h.settle();
    expect(slicesOf(h, 'k')[0].endpoints).toBeUndefined();
    addNodes(h.ctx, 1);
    h.settle(2);
    expect(slicesOf(h, 'k')[0].endpoints).toHaveLength(1);
  });
});
