import { describe, expect, it } from 'vitest';
import { harness, podManifest } from './harness';

describe('image pull failures', () => {
  it('alternates ErrImagePull and ImagePullBackOff for an unknown tag, backing off 10s, 20s, 40s', () => {
    const h = harness();
    h.ctx.api.create(podManifest('bad', 'luksa/kubia:v9', { container: { name: 'nodejs' } }));
    const seen: Array<[number, string]> = [];
    for (let i = 0; i < 1200; i++) {
      const s = h.row('bad')[1];
      if (seen.length === 0 || seen[seen.length - 1][1] !== s) seen.push([i / 10, s]);
      h.ctx.clock.advanceMs(100);
    }
    const states = seen.map(([, s]) => s);
    expect(states.slice(0, 6)).toEqual([
      'Pending',
      'ContainerCreating',
      'ErrImagePull',
      'ImagePullBackOff',
      'ErrImagePull',
      'ImagePullBackOff',
    ]);
    const pulls = seen.filter(([, s]) => s === 'ErrImagePull').map(([t]) => t);
    const gaps = pulls.slice(1).map((t, i) => t - pulls[i]);
    expect(gaps[0]).toBeGreaterThan(10);
    expect(gaps[0]).toBeLessThan(15);
    expect(gaps[1]).toBeGreaterThan(20);
    expect(gaps[2]).toBeGreaterThan(40);
    expect(h.row('bad')).toEqual(['0/1', 'ImagePullBackOff', '0']);
    expect((h.pod('bad').status as { phase: string }).phase).toBe('Pending');
  });

  it('records the kubelet events with the runtime error text', () => {
    const h = harness();
    h.ctx.api.create(podManifest('bad', 'luksa/kubia:v9', { container: { name: 'nodejs' } }));
    h.advance(8);
    const err =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/luksa/kubia:v9": failed to resolve reference "docker.io/luksa/kubia:v9": docker.io/luksa/kubia:v9: not found';
    expect(h.events('bad').slice(1)).toEqual([
      'Pulling: Pulling image "luksa/kubia:v9"',
      `Failed: Failed to pull image "luksa/kubia:v9": ${err}`,
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "luksa/kubia:v9"',
      'Failed: Error: ImagePullBackOff',
    ]);
    const cs = (h.pod('bad').status as { containerStatuses: Array<{ state: unknown; image: string }> })
      .containerStatuses[0];
    expect(cs.state).toEqual({
      waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "luksa/kubia:v9"' },
    });
    expect(cs.image).toBe('luksa/kubia:v9');
  });

  it('says "pull access denied" for a repository that does not exist', () => {
    const h = harness();
    h.ctx.api.create(podManifest('typo', 'nginxx'));
    h.advance(6);
    expect(h.events('typo')).toContain(
      'Failed: Failed to pull image "nginxx": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it('retries at once when the image is fixed (kubectl set image on the pod)', () => {
    const h = harness();
    h.ctx.api.create(podManifest('bad', 'luksa/kubia:v9'));
    h.advance(5);
    h.ctx.api.patch('pods', 'default', 'bad', {
      spec: { containers: [{ name: 'app', image: 'luksa/kubia:v1' }] },
    });
    h.advance(10);
    expect(h.row('bad')).toEqual(['1/1', 'Running', '0']);
    expect(h.events('bad')).toContain('Pulling: Pulling image "luksa/kubia:v1"');
  });
});

describe('image names and pull policy Never', () => {
  it('reports InvalidImageName for a malformed reference', () => {
    const h = harness();
    h.ctx.api.create(podManifest('inv', 'nginx:1.27:bad'));
    h.advance(5);
    expect(h.row('inv')).toEqual(['0/1', 'InvalidImageName', '0']);
    expect(h.events('inv')).toContain('Failed: Error: InvalidImageName');
  });

  it('reports ErrImageNeverPull when the image is not on the node', () => {
    const h = harness();
    h.ctx.api.create(podManifest('never', 'nginx:1.27', { container: { imagePullPolicy: 'Never' } }));
    h.advance(5);
    expect(h.row('never')).toEqual(['0/1', 'ErrImageNeverPull', '0']);
    expect(h.events('never')).toContain(
      'ErrImageNeverPull: Container image "nginx:1.27" is not present with pull policy of Never',
    );
  });
});

describe('several containers', () => {
  it('starts them in order and counts READY over all of them', () => {
    const h = harness();
    h.ctx.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'two' },
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.27' },
          { name: 'side', image: 'busybox', command: ['sleep', '3600'] },
        ],
      },
    });
    h.advance(15);
    expect(h.row('two')).toEqual(['2/2', 'Running', '0']);
    const reasons = h.events('two').map((e) => e.split(':')[0]);
    expect(reasons).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
  });
});
