/**
 * The ranking kept as pods come and go (RankIndex) must choose exactly the victims podsToDelete
 * chooses from the owner's pod list in cache order, ties included: many pods here share nodes,
 * readiness times, creation times and ranks, and pods are replaced (status writes) and removed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../../../sandbox/api/types';
import { timestamp } from '../../../../sandbox/api/context';
import { podsToDelete, SORT_ALL_MAX } from '../../../../sandbox/controllers/replication/ranking';
import { RankIndex } from '../../../../sandbox/controllers/replication/rank-index';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

interface Shape {
  node: number;
  phase: number;
  readyAgo: number;
  created: number;
  restarts: number;
  cost: number;
}

function pod(name: string, uid: string, s: Shape): KubeObject {
  const ready = s.readyAgo > 0;
  return Object.freeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid,
      creationTimestamp: timestamp(NOW - s.created * 1000),
      ...(s.cost
        ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': String(s.cost - 2) } }
        : {}),
    },
    spec: { containers: [{ name: 'c' }], ...(s.node ? { nodeName: `n${s.node}` } : {}) },
    status: {
      phase: s.node === 0 ? 'Pending' : ['Running', 'Pending', 'Unknown'][s.phase],
      conditions: [
        ready
          ? { type: 'Ready', status: 'True', lastTransitionTime: timestamp(NOW - s.readyAgo * 1000) }
          : { type: 'Ready', status: 'False' },
      ],
      containerStatuses: [{ name: 'c', restartCount: s.restarts }],
    },
  }) as KubeObject;
}

const shape: fc.Arbitrary<Shape> = fc.record({
  node: fc.nat(6),
  phase: fc.constantFrom(0, 0, 0, 1, 2),
  readyAgo: fc.constantFrom(0, 5, 5, 40, 300, 3000),
  created: fc.constantFrom(10, 60, 60, 600, 4000),
  restarts: fc.constantFrom(0, 0, 0, 1),
  cost: fc.constantFrom(0, 0, 0, 0, 1, 3),
});

const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), pod: fc.nat(119), shape }),
  fc.record({ kind: fc.constant('remove' as const), pod: fc.nat(119) }),
);

describe('RankIndex', () => {
  it('picks the victims podsToDelete picks from the cache-ordered list', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 200, maxLength: 400 }),
        fc.array(fc.nat(6), { minLength: 7, maxLength: 7 }),
        (ops, counts) => {
          const index = new RankIndex();
          // A Map keeps the cache's order: an update removes then re-adds, as the informer does.
          const cache = new Map<string, KubeObject>();
          for (const o of ops) {
            const key = `default/p${o.pod}`;
            if (cache.delete(key)) index.remove(key);
            if (o.kind === 'put') {
              const p = pod(`p${o.pod}`, `u${(o.pod * 7919) % 120}`, o.shape);
              cache.set(key, p);
              index.add(key, p);
            }
          }
          const pods = [...cache.values()];
          const onNode = new Map(counts.map((n, i) => [i === 0 ? '' : `n${i}`, n] as const));
          expect(index.size).toBe(pods.length);
          // Small lists are sorted whole; the sync only asks the index above that size.
          if (pods.length <= SORT_ALL_MAX) return;
          for (const diff of [1, 2, 7, 30, pods.length - 1]) {
            if (diff < 1 || diff >= pods.length) continue;
            const want = podsToDelete(pods, onNode, diff, NOW).map((p) => p.metadata.name);
            expect(index.first(diff, onNode, NOW).map((p) => p.metadata.name)).toEqual(want);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
