/** Conditions and the progress deadline (spec §4.11) on the virtual clock. */
import { describe, expect, it } from 'vitest';
import { condition, harness, rolling, setImage, web } from './harness';

describe('progress conditions', () => {
  it('goes through NewReplicaSetCreated, ReplicaSetUpdated and NewReplicaSetAvailable', () => {
    const h = harness({ readyAfter: 5 });
    const seen: string[] = [];
    h.api.watch('deployments', 'default', {}, (e) => {
      for (const t of ['Available', 'Progressing']) {
        const c = condition(e.object, t);
        const line = c ? `${t} ${c.status} ${c.reason}` : '';
        if (c && !seen.includes(line)) seen.push(line);
      }
    });
    h.api.create(web({ replicas: 3 }));
    h.clock.advance(10);
    expect(seen).toEqual([
      'Progressing True NewReplicaSetCreated',
      'Available False MinimumReplicasUnavailable',
      'Progressing True ReplicaSetUpdated',
      'Available True MinimumReplicasAvailable',
      'Progressing True NewReplicaSetAvailable',
    ]);
    const conds = (h.deployment().status as { conditions: Array<{ type: string }> }).conditions;
    expect(conds.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    h.stop();
  });

  it('reports ProgressDeadlineExceeded after progressDeadlineSeconds without progress', () => {
    const h = harness({ neverReady: (rs) => JSON.stringify(rs.spec).includes('nginx:broken') });
    h.api.create(web({ replicas: 3, strategy: rolling(1, 0), progressDeadlineSeconds: 30 }));
    h.flush();
    h.clock.advance(1);
    setImage(h, 'nginx:broken');
    h.flush();
    const neu = h.replicaSets()[0].metadata.name!;
    expect(h.sizes.slice(-1)).toEqual(['1/3']);
    h.clock.advance(30);
    expect(condition(h.deployment(), 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'ReplicaSetUpdated',
    });
    h.clock.advance(1);
    expect(condition(h.deployment(), 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${neu}" has timed out progressing.`,
    });
    // Old pods stay: the rollout is frozen, availability intact.
    expect(condition(h.deployment(), 'Available')).toMatchObject({ status: 'True' });
    expect(h.replicaSets().map((r) => (r.spec as { replicas: number }).replicas)).toEqual([1, 3]);
    h.stop();
  });

  it('never times out while paused', () => {
    const h = harness({ neverReady: (rs) => JSON.stringify(rs.spec).includes('nginx:broken') });
    h.api.create(web({ replicas: 3, progressDeadlineSeconds: 30 }));
    h.flush();
    h.clock.advance(1);
    setImage(h, 'nginx:broken');
    h.flush();
    h.api.patch('deployments', 'default', 'web', { spec: { paused: true } });
    h.clock.advance(120);
    expect(condition(h.deployment(), 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
    });
    h.api.patch('deployments', 'default', 'web', { spec: { paused: null } });
    h.clock.advance(20);
    expect(condition(h.deployment(), 'Progressing')).toMatchObject({ reason: 'DeploymentResumed' });
    h.clock.advance(12);
    expect(condition(h.deployment(), 'Progressing')).toMatchObject({ reason: 'ProgressDeadlineExceeded' });
    h.stop();
  });
});
