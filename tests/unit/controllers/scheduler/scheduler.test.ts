import { describe, expect, it } from 'vitest';
import { harness, podManifest } from '../../node/harness';
import { fitErrorMessage } from '../../../../sandbox/controllers/scheduler/filter';
import type { KubeObject } from '../../../../sandbox/api/types';
import { quantityValue } from '../../../../sandbox/controllers/scheduler/resources';

type Cond = { type: string; status: string; reason?: string; message?: string };
const conditions = (p: KubeObject) => (p.status as { conditions?: Cond[] }).conditions ?? [];

describe('scheduler', () => {
  it('binds a pod within 100 ms with the Scheduled event and PodScheduled=True', () => {
    const h = harness();
    h.ctx.api.create(podManifest('p', 'nginx'));
    h.ctx.clock.advanceMs(100);
    const pod = h.pod('p');
    expect((pod.spec as { nodeName: string }).nodeName).toMatch(/^node-\d$/);
    expect(conditions(pod).find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'True' });
    const ev = h.ctx.api.list('events', 'default').items.find((e) => e.reason === 'Scheduled')!;
    expect(ev.message).toBe(
      `Successfully assigned default/p to ${(pod.spec as { nodeName: string }).nodeName}`,
    );
    expect(ev.source).toEqual({ component: 'default-scheduler' });
    expect(ev.type).toBe('Normal');
  });

  it('places pods on the least-loaded node', () => {
    const h = harness({ seed: 3 });
    for (let i = 0; i < 9; i++) h.ctx.api.create(podManifest(`p${i}`, 'nginx'));
    h.advance(2);
    const counts = new Map<string, number>();
    for (const p of h.ctx.api.list('pods', 'default').items) {
      const n = (p.spec as { nodeName: string }).nodeName;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([3, 3, 3]);
  });

  it('reports FailedScheduling when no node matches the nodeSelector, then binds once one does', () => {
    const h = harness();
    h.ctx.api.create(podManifest('gpu', 'nginx', { nodeSelector: { gpu: 'true' } }));
    h.advance(2);
    const msg =
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    expect(h.events('gpu')).toEqual([`FailedScheduling: ${msg}`]);
    expect(conditions(h.pod('gpu'))).toEqual([
      expect.objectContaining({
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: msg,
      }),
    ]);
    expect(h.row('gpu')[1]).toBe('Pending');
    h.ctx.api.patch('nodes', undefined, 'node-2', { metadata: { labels: { gpu: 'true' } } });
    h.advance(10);
    expect((h.pod('gpu').spec as { nodeName: string }).nodeName).toBe('node-2');
    expect(h.row('gpu')[1]).toBe('Running');
  });

  it('skips cordoned nodes', () => {
    const h = harness({ nodes: ['node-1', 'node-2'] });
    h.ctx.api.patch('nodes', undefined, 'node-1', { spec: { unschedulable: true } });
    h.ctx.api.patch('nodes', undefined, 'node-2', { spec: { unschedulable: true } });
    h.ctx.api.create(podManifest('p', 'nginx'));
    h.advance(2);
    expect(h.events('p')).toEqual([
      'FailedScheduling: 0/2 nodes are available: 2 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    ]);
    h.ctx.api.patch('nodes', undefined, 'node-2', { spec: { unschedulable: false } });
    h.advance(1);
    expect((h.pod('p').spec as { nodeName: string }).nodeName).toBe('node-2');
  });

  it('counts requests against allocatable', () => {
    const h = harness({ nodes: ['node-1'] });
    const big = { container: { resources: { requests: { cpu: '1500m' } } } };
    h.ctx.api.create(podManifest('a', 'nginx', big));
    h.ctx.api.create(podManifest('b', 'nginx', big));
    h.advance(2);
    expect(h.events('b')).toEqual([
      'FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ]);
    h.ctx.api.delete('pods', 'default', 'a', { gracePeriodSeconds: 0 });
    h.advance(1);
    expect((h.pod('b').spec as { nodeName: string }).nodeName).toBe('node-1');
  });

  it('names every node in a fit error and picks the least-loaded feasible node, emptied ones included', () => {
    const h = harness({ nodes: ['node-1', 'node-2', 'node-3'] });
    const big = { container: { resources: { requests: { cpu: '1500m' } } } };
    h.ctx.api.create(podManifest('a', 'nginx', { ...big, nodeName: 'node-1' }));
    h.ctx.api.create(podManifest('b', 'nginx', { nodeName: 'node-1' }));
    h.ctx.api.patch('nodes', undefined, 'node-1', { metadata: { labels: { disk: 'ssd' } } });
    h.ctx.api.patch('nodes', undefined, 'node-2', { spec: { unschedulable: true } });
    h.ctx.api.create(podManifest('c', 'nginx', { ...big, nodeSelector: { disk: 'ssd' } }));
    h.advance(2);
    // node-1 is the busiest and too full, node-2 cordoned, node-3 unlabeled: all three reasons.
    expect(h.events('c')).toEqual([
      "FailedScheduling: 0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    ]);
    h.ctx.api.patch('nodes', undefined, 'node-3', { metadata: { labels: { disk: 'ssd' } } });
    h.ctx.api.delete('pods', 'default', 'a', { gracePeriodSeconds: 0 });
    h.ctx.api.delete('pods', 'default', 'b', { gracePeriodSeconds: 0 });
    h.advance(2);
    // Both now fit with no pods; node order breaks the tie through the seeded source, so place
    // one more to see the emptied node-1 counted from zero again.
    const first = (h.pod('c').spec as { nodeName: string }).nodeName;
    h.ctx.api.create(podManifest('d', 'nginx', { nodeSelector: { disk: 'ssd' } }));
    h.advance(2);
    const second = (h.pod('d').spec as { nodeName: string }).nodeName;
    expect([first, second].sort()).toEqual(['node-1', 'node-3']);
  });

  it('leaves pods for other schedulers alone', () => {
    const h = harness();
    h.ctx.api.create(podManifest('x', 'nginx', { schedulerName: 'my-scheduler' }));
    h.advance(5);
    expect((h.pod('x').spec as { nodeName?: string }).nodeName).toBeUndefined();
    expect(h.events('x')).toEqual([]);
  });

  it('formats fit errors and quantities like upstream', () => {
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
    expect(
      fitErrorMessage(3, [
        { ok: false, reason: 'Insufficient cpu', resource: true },
        { ok: false, reason: 'Insufficient cpu', resource: true },
        { ok: false, reason: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
      ]),
    ).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(quantityValue('100m')).toBeCloseTo(0.1);
    expect(quantityValue('1Gi')).toBe(1073741824);
    expect(quantityValue('2')).toBe(2);
  });
});
