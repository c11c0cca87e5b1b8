/** Pause and resume (spec §4.9): no rollout while paused, scaling still works, one RS on resume. */
import { describe, expect, it } from 'vitest';
import { condition, harness, reset, scaleTo, setImage, web } from './harness';

function paused() {
  const h = harness();
  h.api.create(web({ replicas: 3 }));
  h.flush();
  h.clock.advance(1);
  h.api.patch('deployments', 'default', 'web', { spec: { paused: true } }, 'strategic');
  h.flush();
  reset(h);
  return h;
}

describe('pause and resume', () => {
  it('shows Progressing Unknown DeploymentPaused and observes the new generation', () => {
    const h = paused();
    const d = h.deployment();
    expect(condition(d, 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    expect((d.status as { observedGeneration: number }).observedGeneration).toBe(d.metadata.generation);
    h.stop();
  });

  it('creates no new ReplicaSet for template changes while paused', () => {
    const h = paused();
    setImage(h, 'nginx:1.27');
    setImage(h, 'nginx:1.28');
    h.clock.advance(30);
    expect(h.replicaSets()).toHaveLength(1);
    expect(h.events).toEqual([]);
    const d = h.deployment();
    expect(d.status).toMatchObject({ observedGeneration: d.metadata.generation, replicas: 3 });
    expect((d.status as { updatedReplicas?: number }).updatedReplicas).toBeUndefined(); // 0 is omitted
    h.stop();
  });

  it('still scales while paused', () => {
    const h = paused();
    const rs = h.replicaSets()[0].metadata.name!;
    scaleTo(h, 5);
    h.flush();
    expect(h.events).toEqual([`ScalingReplicaSet: Scaled up replica set ${rs} to 5 from 3`]);
    expect(h.sizes).toEqual(['5']);
    h.stop();
  });

  it('scales the old RS while paused with a pending template change, then rolls out once on resume', () => {
    const h = paused();
    setImage(h, 'nginx:1.27');
    setImage(h, 'nginx:1.28');
    scaleTo(h, 4);
    h.flush();
    expect(h.sizes).toEqual(['4']);
    h.clock.advance(1);
    h.api.patch('deployments', 'default', 'web', { spec: { paused: null } }, 'strategic');
    h.clock.advance(10);
    const rss = h.replicaSets();
    expect(rss).toHaveLength(2);
    expect(rss.map((r) => (r.spec as { replicas: number }).replicas)).toEqual([4, 0]);
    const image = (rss[0].spec as { template: { spec: { containers: Array<{ image: string }> } } }).template
      .spec.containers[0].image;
    expect(image).toBe('nginx:1.28');
    expect(rss[0].metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    h.stop();
  });

  it('resume sets Progressing Unknown DeploymentResumed before the rollout moves it on', () => {
    const h = paused();
    const seen: string[] = [];
    const w = h.api.watch('deployments', 'default', {}, (e) => {
      const c = condition(e.object, 'Progressing');
      if (c && seen[seen.length - 1] !== c.reason) seen.push(c.reason);
    });
    h.api.patch('deployments', 'default', 'web', { spec: { paused: null } }, 'strategic');
    h.flush();
    w.stop();
    expect(seen).toEqual(['DeploymentPaused', 'DeploymentResumed', 'NewReplicaSetAvailable']);
    h.stop();
  });
});
