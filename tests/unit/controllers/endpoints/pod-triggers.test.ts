/**
 * A pod event enqueues the Services of its namespace that select it (new or old labels): a Service
 * created after the pod picks it up when relabelled, and pods of other namespaces written at the
 * same moment do not hide it.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sandbox/api/types';
import { start } from '../../../../sandbox/controllers/endpoints/index';
import { addNodes, harness, runPod, serviceInput } from './harness';

function setup() {
  const h = harness([start]);
  addNodes(h.ctx);
  h.settle();
  return h;
}

function ips(ep: KubeObject): string[] {
  const subsets = (ep.subsets ?? []) as Array<{ addresses?: Array<{ ip: string }> }>;
  return subsets.flatMap((s) => (s.addresses ?? []).map((a) => a.ip));
}

describe('pod events and the Services they concern', () => {
  it('relist the Services after a write: a Service created since selects the relabelled pod', () => {
    const h = setup();
    const { api } = h.ctx;
    runPod(h.ctx, 'p1', { app: 'z' }, '10.244.1.2');
    h.settle();
    api.create(serviceInput('x', { app: 'x' }));
    h.settle();
    expect(ips(api.get('endpoints', 'default', 'x'))).toEqual([]);
    api.patch('pods', 'default', 'p1', { metadata: { labels: { app: 'x' } } }, 'merge');
    h.settle();
    expect(ips(api.get('endpoints', 'default', 'x'))).toEqual(['10.244.1.2']);
  });

  it('list each namespace for its own pods, even when their events come with no write between', () => {
    const h = setup();
    const { api } = h.ctx;
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    api.create(serviceInput('x', { app: 'x' }));
    h.settle();
    // Both pods are written before any of their events is delivered.
    runPod(h.ctx, 'elsewhere', { app: 'x' }, '10.244.2.7', { namespace: 'other' });
    runPod(h.ctx, 'here', { app: 'x' }, '10.244.1.5');
    h.settle();
    expect(ips(api.get('endpoints', 'default', 'x'))).toEqual(['10.244.1.5']);
  });
});
