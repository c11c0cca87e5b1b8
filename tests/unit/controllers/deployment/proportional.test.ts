/**
 * Proportional scaling (spec §4.8): `kubectl scale` while several ReplicaSets are active. The
 * Deployment is paused so that only `scale` runs (a paused Deployment scales the same way).
 * Sizes are listed newest first.
 */
import { describe, expect, it } from 'vitest';
import { harness, rolling, scaleTo, web } from './harness';
import { createReplicaSets, sizeOf } from './fixtures';

interface Case {
  name: string;
  from: number;
  to: number;
  surge: number;
  unavailable?: number;
  /** newSurge: the maxSurge after the scale, when it changes too. */
  newSurge?: number;
  before: number[];
  after: number[];
}

const CASES: Case[] = [
  { name: '5→10', from: 5, to: 10, surge: 0, before: [2, 3], after: [4, 6] },
  { name: '5→3', from: 5, to: 3, surge: 0, before: [2, 3], after: [1, 2] },
  { name: '9→4', from: 9, to: 4, surge: 0, before: [8, 1], after: [4, 0] },
  { name: '7→10, three RSs', from: 7, to: 10, surge: 0, before: [2, 3, 2], after: [3, 4, 3] },
  { name: '13→8, three RSs', from: 13, to: 8, surge: 0, before: [2, 8, 3], after: [1, 5, 2] },
  {
    name: '3→4: leftover to the newest when tied',
    from: 3,
    to: 4,
    surge: 0,
    before: [1, 1, 1],
    after: [2, 1, 1],
  },
  {
    name: '3→2: leftover removed from the oldest',
    from: 3,
    to: 2,
    surge: 0,
    before: [1, 1, 1],
    after: [1, 1, 0],
  },
  { name: '6→0', from: 6, to: 0, surge: 0, before: [3, 2, 1], after: [0, 0, 0] },
  { name: '10→20, surge 2', from: 10, to: 20, surge: 2, before: [6, 6], after: [11, 11] },
  {
    name: '10 (surge 3)→50 (surge 6)',
    from: 10,
    to: 50,
    surge: 3,
    newSurge: 6,
    before: [5, 8],
    after: [22, 34],
  },
  {
    name: 'mid-rollout 10→15, 3/2',
    from: 10,
    to: 15,
    surge: 3,
    unavailable: 2,
    before: [5, 8],
    after: [7, 11],
  },
  { name: 'mid-rollout 10→5, 3/2', from: 10, to: 5, surge: 3, unavailable: 2, before: [5, 8], after: [3, 5] },
];

describe('proportional scaling (spec §4.8)', () => {
  it.each(CASES)('$name', (t) => {
    const h = harness({ manual: true });
    const unavailable = t.unavailable ?? (t.surge === 0 ? 1 : 0);
    const n = t.before.length;
    // Oldest first; the newest carries the Deployment's template.
    const fixtures = [...t.before].reverse().map((replicas, i) => ({
      image: i === n - 1 ? 'img:v0' : `img:old${i}`,
      replicas,
      revision: i + 1,
      desired: t.from,
      max: t.from + t.surge,
    }));
    const rss = createReplicaSets(h, undefined, fixtures).reverse();
    h.api.create(
      web({ replicas: t.from, image: 'img:v0', strategy: rolling(t.surge, unavailable), paused: true }),
    );
    h.flush();
    // Adopted: each RS is now controlled by the Deployment.
    for (const rs of rss) {
      const refs = h.api.get('replicasets', 'default', rs.metadata.name!).metadata.ownerReferences ?? [];
      expect(refs).toMatchObject([
        { kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true },
      ]);
    }
    expect(rss.map((rs) => sizeOf(h, rs.metadata.name!))).toEqual(t.before);
    const patch: Record<string, unknown> = { replicas: t.to };
    if (t.newSurge !== undefined) patch.strategy = { rollingUpdate: { maxSurge: t.newSurge } };
    h.api.patch('deployments', 'default', 'web', { spec: patch }, 'strategic');
    h.flush();
    expect(rss.map((rs) => sizeOf(h, rs.metadata.name!))).toEqual(t.after);
    // Every active RS now records the new desired size and maximum.
    for (const rs of rss) {
      const a = h.api.get('replicasets', 'default', rs.metadata.name!).metadata.annotations!;
      if (sizeOf(h, rs.metadata.name!) > 0) {
        expect(a['deployment.kubernetes.io/desired-replicas']).toBe(String(t.to));
      }
    }
    h.stop();
  });

  it('events name each resize with its direction and the old size', () => {
    const h = harness({ manual: true });
    createReplicaSets(h, undefined, [
      { image: 'img:old', replicas: 3, revision: 1, desired: 5, max: 5 },
      { image: 'img:v0', replicas: 2, revision: 2, desired: 5, max: 5 },
    ]);
    h.api.create(web({ replicas: 5, image: 'img:v0', strategy: rolling(0, 1), paused: true }));
    h.flush();
    h.events.length = 0;
    scaleTo(h, 10);
    h.flush();
    expect(h.events).toEqual([
      'ScalingReplicaSet: Scaled up replica set web-h1 to 6 from 3',
      'ScalingReplicaSet: Scaled up replica set web-h2 to 4 from 2',
    ]);
    h.stop();
  });
});
