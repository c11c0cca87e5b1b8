import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sandbox/api/types';
import { timestamp } from '../../../../sandbox/api/context';
import {
  deletesBefore,
  deletionCost,
  podsToDelete,
  rankPods,
} from '../../../../sandbox/controllers/replication/ranking';
import { makeReady, onNode, pod, rs, setPhase, settle, setup } from './helpers';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

interface PodOpts {
  node?: string;
  phase?: string;
  readyAgoS?: number;
  createdAgoS?: number;
  restarts?: number;
  cost?: string;
  uid?: string;
}

/** A synthetic pod for the pure ranking functions. */
function p(name: string, o: PodOpts = {}): KubeObject {
  const conditions =
    o.readyAgoS === undefined
      ? [{ type: 'Ready', status: 'False' }]
      : [{ type: 'Ready', status: 'True', lastTransitionTime: timestamp(NOW - o.readyAgoS * 1000) }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: o.uid ?? name,
      creationTimestamp: timestamp(NOW - (o.createdAgoS ?? 3600) * 1000),
      ...(o.cost !== undefined
        ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } }
        : {}),
    },
    spec: { containers: [{ name: 'c' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? (o.node ? 'Running' : 'Pending'),
      conditions,
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 }],
    },
  };
}

function first(a: KubeObject, b: KubeObject, related: KubeObject[] = []): string {
  const [ra, rb] = rankPods([a, b], related);
  if (deletesBefore(ra, rb, NOW)) return a.metadata.name!;
  if (deletesBefore(rb, ra, NOW)) return b.metadata.name!;
  return 'equal';
}

describe('scale-down ranking (ActivePodsWithRanks, v1.32 default gates)', () => {
  it.each([
    {
      rule: '1 unassigned before assigned',
      a: p('a'),
      b: p('b', { node: 'n1', phase: 'Pending' }),
      want: 'a',
    },
    {
      rule: '2 pending before running',
      a: p('a', { node: 'n1', phase: 'Running' }),
      b: p('b', { node: 'n1', phase: 'Pending' }),
      want: 'b',
    },
    {
      rule: '2 unknown before running',
      a: p('a', { node: 'n1', phase: 'Unknown' }),
      b: p('b', { node: 'n1' }),
      want: 'a',
    },
    {
      rule: '2 pending before unknown',
      a: p('a', { node: 'n1', phase: 'Unknown' }),
      b: p('b', { node: 'n1', phase: 'Pending' }),
      want: 'b',
    },
    {
      rule: '3 not ready before ready',
      a: p('a', { node: 'n1', readyAgoS: 10 }),
      b: p('b', { node: 'n1' }),
      want: 'b',
    },
    {
      rule: '4 lower deletion cost first',
      a: p('a', { node: 'n1', readyAgoS: 10, cost: '5' }),
      b: p('b', { node: 'n1', readyAgoS: 9000, cost: '-1' }),
      want: 'b',
    },
    {
      rule: '4 invalid cost counts as 0',
      a: p('a', { node: 'n1', readyAgoS: 10, cost: '+5' }),
      b: p('b', { node: 'n1', readyAgoS: 9000, cost: '1' }),
      want: 'a',
    },
    {
      rule: '6 more recently ready first (different log2 buckets)',
      a: p('a', { node: 'n1', readyAgoS: 3600 }),
      b: p('b', { node: 'n2', readyAgoS: 60 }),
      want: 'b',
    },
    {
      rule: '6 same bucket: smaller UID first',
      a: p('a', { node: 'n1', readyAgoS: 70, uid: 'bbb' }),
      b: p('b', { node: 'n2', readyAgoS: 100, uid: 'aaa' }),
      want: 'b',
    },
    {
      rule: '7 more restarts first',
      a: p('a', { node: 'n1', readyAgoS: 60, restarts: 0 }),
      b: p('b', { node: 'n2', readyAgoS: 60, restarts: 3 }),
      want: 'b',
    },
    {
      rule: '8 newer first',
      a: p('a', { node: 'n1', createdAgoS: 60 }),
      b: p('b', { node: 'n2', createdAgoS: 7200 }),
      want: 'a',
    },
    {
      rule: '8 same bucket: smaller UID first',
      a: p('a', { node: 'n1', createdAgoS: 5000, uid: 'u2' }),
      b: p('b', { node: 'n2', createdAgoS: 6000, uid: 'u1' }),
      want: 'b',
    },
  ])('rule $rule', ({ a, b, want }) => {
    expect(first(a, b)).toBe(want);
  });

  it('5: more related pods on the same node first', () => {
    const a = p('a', { node: 'n1', readyAgoS: 60 });
    const b = p('b', { node: 'n2', readyAgoS: 9000 });
    const related = [a, b, p('c', { node: 'n1' }), p('d', { node: 'n1' })];
    expect(first(a, b, related)).toBe('a');
    // Without related pods (an RS with no owner) the rank never decides.
    expect(first(a, b, [])).toBe('a');
    const older = p('a', { node: 'n1', readyAgoS: 9000 });
    const newer = p('b', { node: 'n2', readyAgoS: 60 });
    expect(first(older, newer, [older, newer, p('c', { node: 'n1' })])).toBe('a');
    expect(first(older, newer, [])).toBe('b');
  });

  it('counts only active related pods for the rank', () => {
    const terminating = p('t', { node: 'n1' });
    terminating.metadata.deletionTimestamp = timestamp(NOW);
    const ranks = rankPods([p('a', { node: 'n1' })], [terminating, p('x', { node: 'n1' })]);
    expect(ranks[0].rank).toBe(1);
  });

  it.each([
    ['0', 0],
    ['-7', -7],
    ['2147483647', 2147483647],
    ['2147483648', 0],
    ['007', 0],
    ['+1', 0],
    ['abc', 0],
    ['', 0],
  ])('deletion cost %j reads as %d', (value, want) => {
    expect(deletionCost(p('a', { cost: value }))).toBe(want);
  });

  it('picks the same victims from a big ReplicaSet as a full sort of the ranking would', () => {
    // 300 pods over 5 nodes with varied phases, readiness, costs, restarts and ages: the first
    // victims come out in the order of the full ranking even though only their groups are sorted.
    const pods: KubeObject[] = [];
    for (let i = 0; i < 300; i++) {
      pods.push(
        p(`p${String(i).padStart(3, '0')}`, {
          node: i % 17 === 0 ? undefined : `n${i % 5}`,
          phase: i % 23 === 0 ? 'Pending' : undefined,
          readyAgoS: i % 7 === 0 ? undefined : 10 + ((i * 37) % 4000),
          createdAgoS: 100 + ((i * 53) % 5000),
          restarts: i % 11 === 0 ? 2 : 0,
          cost: i % 13 === 0 ? String(i % 3) : undefined,
        }),
      );
    }
    const related = pods.filter((_, i) => i % 3 !== 0);
    const ranked = rankPods(pods, related);
    const full = [...ranked]
      .sort((a, b) => (deletesBefore(a, b, NOW) ? -1 : deletesBefore(b, a, NOW) ? 1 : 0))
      .map((r) => r.pod.metadata.name);
    for (const diff of [1, 5, 40, 299]) {
      expect(podsToDelete(pods, related, diff, NOW).map((x) => x.metadata.name)).toEqual(full.slice(0, diff));
    }
  });

  it('returns all pods unsorted when all of them go', () => {
    const pods = [p('x', { node: 'n1', readyAgoS: 5 }), p('y')];
    expect(podsToDelete(pods, [], 2, NOW).map((x) => x.metadata.name)).toEqual(['x', 'y']);
    expect(podsToDelete(pods, [], 1, NOW).map((x) => x.metadata.name)).toEqual(['y']);
  });
});

describe('scale-down through the controller', () => {
  it('deletes unscheduled, then pending, then not-ready, then the most recently ready pod', () => {
    const env = setup();
    const api = env.ctx.api;
    const t0 = env.ctx.clock.now();
    // Orphans the ReplicaSet adopts: scheduled ones name their node in the manifest.
    api.create(pod('p-unscheduled'));
    api.create(onNode(pod('p-pending'), 'node-1'));
    api.create(onNode(pod('p-notready'), 'node-1'));
    api.create(onNode(pod('p-old'), 'node-2'));
    api.create(onNode(pod('p-new'), 'node-3'));
    setPhase(env, 'p-notready', 'Running');
    makeReady(env, 'p-old', { readySince: t0 });
    settle(env, 3600);
    makeReady(env, 'p-new');
    api.create(rs('kubia', 5));
    settle(env);
    expect(env.pods()).toHaveLength(5);
    const order: string[] = [];
    for (const replicas of [4, 3, 2, 1]) {
      api.patch('replicasets', 'default', 'kubia', { spec: { replicas } }, 'merge');
      settle(env);
      const deleted = env
        .events('SuccessfulDelete')
        .map((e) => String(e.message).replace('Deleted pod: ', ''));
      order.push(...deleted.filter((n) => !order.includes(n)));
    }
    expect(order).toEqual(['p-unscheduled', 'p-pending', 'p-notready', 'p-new']);
    // Terminating pods are not counted, and not deleted twice.
    expect(env.events('SuccessfulDelete')).toHaveLength(4);
    // Scheduled pods terminate gracefully (no kubelet here): they stay with a deletionTimestamp.
    expect(api.get('pods', 'default', 'p-new').metadata.deletionTimestamp).toBeDefined();
    expect(api.exists('pods', 'default', 'p-unscheduled')).toBe(false);
    expect(env.ctx.api.get('replicasets', 'default', 'kubia').status).toMatchObject({ replicas: 1 });
  });

  it('prefers pods doubled up on a node for a ReplicaSet owned by a Deployment', () => {
    const env = setup();
    const api = env.ctx.api;
    const owner = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'kubia',
      uid: '00000000-0000-4000-8000-000000000001',
      controller: true,
      blockOwnerDeletion: true,
    };
    const t0 = env.ctx.clock.now();
    for (const [name, node] of [
      ['a1', 'node-1'],
      ['a2', 'node-1'],
      ['b1', 'node-2'],
    ]) {
      api.create(onNode(pod(name), node));
    }
    makeReady(env, 'a1', { readySince: t0 });
    makeReady(env, 'a2', { readySince: t0 });
    // b1 became ready most recently: without the rank it would be the one to go (rule 6).
    makeReady(env, 'b1', { readySince: t0 + 500_000 });
    settle(env, 600);
    const input = rs('kubia', 3);
    input.metadata = { name: 'kubia', ownerReferences: [owner] };
    api.create(input);
    settle(env);
    api.patch('replicasets', 'default', 'kubia', { spec: { replicas: 2 } }, 'merge');
    settle(env);
    const deleted = env.events('SuccessfulDelete').map((e) => String(e.message));
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatch(/^Deleted pod: a[12]$/);
  });
});
