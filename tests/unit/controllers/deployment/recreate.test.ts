/** Recreate (spec §4.7): old RSs to zero, wait for their pods to be gone, then the new RS at full size. */
import { describe, expect, it } from 'vitest';
import { harness, reset, setImage, web } from './harness';

const recreate = { type: 'Recreate' };

describe('Recreate', () => {
  it('scales the old RS to 0, then creates the new one at full size', () => {
    const h = harness();
    h.api.create(web({ replicas: 3, strategy: recreate }));
    h.flush();
    h.clock.advance(1);
    const old = h.replicaSets()[0].metadata.name!;
    reset(h);
    setImage(h, 'nginx:1.27');
    h.flush();
    const neu = h.replicaSets()[0].metadata.name!;
    expect(h.sizes).toEqual(['0', '3/0']);
    expect(h.events).toEqual([
      `ScalingReplicaSet: Scaled down replica set ${old} to 0 from 3`,
      `ScalingReplicaSet: Scaled up replica set ${neu} to 3`,
    ]);
    const rs = h.replicaSets()[0];
    expect(rs.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '3',
      'deployment.kubernetes.io/revision': '2',
    });
    h.stop();
  });

  it('waits while an old pod is still running and goes on when it is deleted', () => {
    const h = harness();
    h.api.create(web({ replicas: 1, strategy: recreate }));
    h.flush();
    h.clock.advance(1);
    const old = h.replicaSets()[0];
    h.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${old.metadata.name}-abcde`,
        labels: { ...old.metadata.labels },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: old.metadata.name!,
            uid: old.metadata.uid!,
            controller: true,
          },
        ],
      },
      spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] },
    });
    reset(h);
    setImage(h, 'nginx:1.27');
    h.clock.advance(60);
    expect(h.sizes).toEqual(['0']);
    expect(h.replicaSets()).toHaveLength(1);
    h.api.delete('pods', 'default', `${old.metadata.name}-abcde`);
    h.flush();
    expect(h.sizes).toEqual(['0', '1/0']);
    h.stop();
  });
});
