import { describe, expect, it } from 'vitest';
import { harness, podManifest } from './harness';

function runningPod(image: string, name = 'p') {
  const h = harness();
  h.ctx.api.create(podManifest(name, image, { container: { name: 'main' } }));
  h.advance(15);
  expect(h.row(name)[1]).toBe('Running');
  return h;
}

/** Seconds until the pod object is gone, sampling every 100 ms. */
function secondsUntilGone(h: ReturnType<typeof harness>, name: string, max = 60): number {
  for (let i = 0; i < max * 10; i++) {
    if (!h.ctx.api.exists('pods', 'default', name)) return i / 10;
    expect(h.row(name)[1]).toBe('Terminating');
    h.ctx.clock.advanceMs(100);
  }
  return Infinity;
}

describe('graceful termination', () => {
  it('keeps a kubia pod Terminating (1/1) for the whole 30 s grace period: node ignores SIGTERM', () => {
    const h = runningPod('luksa/kubia:v1');
    h.ctx.api.delete('pods', 'default', 'p');
    expect(h.row('p')).toEqual(['1/1', 'Terminating', '0']);
    const gone = secondsUntilGone(h, 'p');
    expect(gone).toBeGreaterThanOrEqual(30);
    expect(gone).toBeLessThan(31);
    expect(h.events('p')).toContain('Killing: Stopping container main');
    expect(h.ctx.containers.app('default', 'p')).toBeUndefined();
    expect(h.ctx.containers.logs('default', 'p')).toBeUndefined();
  });

  it('stops nginx within a second: it exits on SIGTERM', () => {
    const h = runningPod('nginx:1.27');
    h.ctx.api.delete('pods', 'default', 'p');
    expect(secondsUntilGone(h, 'p')).toBeLessThan(1);
  });

  it('writes a terminal phase before deleting (Failed after SIGKILL, Succeeded after a clean exit)', () => {
    for (const [image, phase] of [
      ['luksa/kubia:v1', 'Failed'],
      ['nginx:1.27', 'Succeeded'],
    ]) {
      const h = runningPod(image);
      const phases: string[] = [];
      h.ctx.api.watch('pods', 'default', {}, (e) => {
        phases.push(`${e.type} ${(e.object.status as { phase: string }).phase}`);
      });
      h.ctx.api.delete('pods', 'default', 'p');
      h.advance(40);
      expect(phases.slice(-2)).toEqual([`MODIFIED ${phase}`, `DELETED ${phase}`]);
    }
  });

  it('honours a shorter grace period and frees the pod IP for the next pod', () => {
    const h = runningPod('luksa/kubia:v1');
    const ip = (h.pod('p').status as { podIP: string }).podIP;
    h.ctx.api.delete('pods', 'default', 'p', { gracePeriodSeconds: 5 });
    expect(secondsUntilGone(h, 'p')).toBeLessThan(6);
    expect(ip).toBe('10.244.1.2');
  });

  it('cleans up at once after a forced delete', () => {
    const h = runningPod('luksa/kubia:v1');
    h.ctx.api.delete('pods', 'default', 'p', { gracePeriodSeconds: 0 });
    h.ctx.clock.flush();
    expect(h.ctx.api.exists('pods', 'default', 'p')).toBe(false);
    expect(h.ctx.containers.app('default', 'p')).toBeUndefined();
  });
});

describe('image change of a running pod', () => {
  it('restarts the container with the new image', () => {
    const h = harness();
    h.ctx.api.create(podManifest('p', 'nginx:1.27', { container: { name: 'main' } }));
    h.advance(10);
    h.ctx.api.patch('pods', 'default', 'p', {
      spec: { containers: [{ name: 'main', image: 'nginx:1.26' }] },
    });
    h.advance(10);
    expect(h.events('p')).toContain('Killing: Container main definition changed, will be restarted');
    expect(h.row('p')).toEqual(['1/1', 'Running', expect.stringMatching(/^1 \(\d+s ago\)$/)]);
    const cs = (h.pod('p').status as { containerStatuses: Array<{ image: string }> }).containerStatuses[0];
    expect(cs.image).toBe('docker.io/library/nginx:1.26');
  });
});
