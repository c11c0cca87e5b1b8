/** Ownership and naming: hash collisions (spec §1.3), release of RSs that stop matching (§2.2), legacy rollback. */
import { describe, expect, it } from 'vitest';
import { computeHash } from '../../../../sandbox/controllers/deployment/hash';
import { harness, web } from './harness';

describe('ownership and naming', () => {
  it('a name taken by a foreign RS bumps collisionCount and retries with another hash', () => {
    const h = harness();
    h.api.create(web({ paused: true }));
    h.flush();
    const template = (h.deployment().spec as { template: unknown }).template;
    const taken = `web-${computeHash(template as never)}`;
    h.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: taken, labels: { app: 'other' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'other' } },
        template: {
          metadata: { labels: { app: 'other' } },
          spec: { containers: [{ name: 'x', image: 'x' }] },
        },
      },
    });
    h.api.patch('deployments', 'default', 'web', { spec: { paused: null } });
    h.clock.advance(1);
    const d = h.deployment();
    expect((d.status as { collisionCount?: number }).collisionCount).toBe(1);
    const mine = h.replicaSets().filter((rs) => rs.metadata.ownerReferences?.[0]?.name === 'web');
    expect(mine).toHaveLength(1);
    expect(mine[0].metadata.name).toBe(`web-${computeHash(template as never, 1)}`);
    expect(mine[0].metadata.name).not.toBe(taken);
    h.stop();
  });

  it('releases an owned RS whose labels stop matching the selector', () => {
    const h = harness();
    h.api.create(web());
    h.flush();
    const rs = h.replicaSets()[0];
    h.api.patch(
      'replicasets',
      'default',
      rs.metadata.name!,
      { metadata: { labels: { app: 'elsewhere' } } },
      'merge',
    );
    h.clock.advance(1);
    const released = h.api.get('replicasets', 'default', rs.metadata.name!);
    expect(released.metadata.ownerReferences).toBeUndefined();
    // The Deployment then creates a fresh RS for its template (same name is taken: collision).
    expect(h.replicaSets().filter((r) => r.metadata.ownerReferences?.[0]?.name === 'web')).toHaveLength(1);
    h.stop();
  });

  it('the legacy rollback annotation restores an old template and is cleared', () => {
    const h = harness();
    h.api.create(web());
    h.flush();
    h.clock.advance(1);
    h.api.patch('deployments', 'default', 'web', {
      spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    });
    h.clock.advance(5);
    h.api.patch(
      'deployments',
      'default',
      'web',
      { metadata: { annotations: { 'deprecated.deployment.rollback.to': '1' } } },
      'merge',
    );
    h.clock.advance(5);
    const d = h.deployment();
    expect(d.metadata.annotations?.['deprecated.deployment.rollback.to']).toBeUndefined();
    const image = (d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec
      .containers[0].image;
    expect(image).toBe('nginx:1.26');
    expect(h.events).toContain('DeploymentRollback: Rolled back deployment "web" to revision 1');
    h.stop();
  });
});
