/**
 * Single-sync worked examples of spec §4.5 that the traces do not cover: maxSurge 0 (the new RS
 * is created empty, with no event), unhealthy old replicas cleaned up first, and a new RS that
 * never becomes ready freezing the rollout with the old pods kept.
 */
import { describe, expect, it } from 'vitest';
import { harness, reset, rolling, setImage, web } from './harness';

describe('single rollout steps (spec §4.5)', () => {
  it('maxSurge 0 / maxUnavailable 25% of 10: new RS created with 0 (no event), old 10→8', () => {
    const h = harness({ manual: true });
    h.api.create(web({ replicas: 10, strategy: rolling(0, '25%') }));
    h.flush();
    h.rs.settle();
    h.flush();
    h.clock.advance(1);
    reset(h);
    setImage(h, 'nginx:1.27');
    h.flush();
    const [neu, old] = h.replicaSets().map((r) => r.metadata.name!);
    // The first sync creates the new RS at 0 and scales the old one down by the budget of 2; the
    // next sync (RS statuses still stale) already grows the new RS by spec sums, as upstream does.
    expect(h.sizes.slice(0, 2)).toEqual(['0/10', '0/8']);
    expect(h.events.slice(0, 2)).toEqual([
      `ScalingReplicaSet: Scaled down replica set ${old} to 8 from 10`,
      `ScalingReplicaSet: Scaled up replica set ${neu} to 2 from 0`,
    ]);
    h.stop();
  });

  it('a new RS that never becomes ready freezes the rollout at new 5 / old 8 (10 replicas, 3/2)', () => {
    const h = harness({ neverReady: (rs) => JSON.stringify(rs.spec).includes('nginx:broken') });
    h.api.create(web({ replicas: 10, strategy: rolling(3, 2) }));
    h.flush();
    h.clock.advance(1);
    reset(h);
    setImage(h, 'nginx:broken');
    h.clock.advance(60);
    expect(h.sizes).toEqual(['3/10', '3/8', '5/8']);
    expect(h.deployment().status).toMatchObject({ replicas: 13, updatedReplicas: 5, availableReplicas: 8 });
    h.stop();
  });

  it('old replicas that are unavailable are scaled away first (maxSurge 0, maxUnavailable 2)', () => {
    const h = harness({ manual: true });
    h.api.create(web({ replicas: 10, strategy: rolling(0, 2) }));
    h.flush();
    h.rs.settle();
    h.flush();
    h.clock.advance(1);
    const old = h.replicaSets()[0];
    // Two of the old pods died: the RS reports 10 replicas but only 8 available.
    h.api.updateStatus({
      ...old,
      status: { replicas: 10, readyReplicas: 8, availableReplicas: 8, observedGeneration: 1 },
    });
    h.flush();
    reset(h);
    setImage(h, 'nginx:1.27');
    h.flush();
    // maxScaledDown = 10 − 8 − 0 = 2: cleanup takes both unhealthy ones; available 8 ≤ 8 stops there.
    expect(h.sizes[0]).toBe('0/10');
    expect(h.sizes[1]).toBe('0/8');
    expect(h.events[0]).toBe(`ScalingReplicaSet: Scaled down replica set ${old.metadata.name} to 8 from 10`);
    h.stop();
  });
});
