import { describe, expect, it } from 'vitest';
import { harness, podManifest } from './harness';

const httpProbe = (periodSeconds = 1, extra: Record<string, unknown> = {}) => ({
  httpGet: { path: '/', port: 8080 },
  periodSeconds,
  ...extra,
});

describe('probes', () => {
  it('kubia v3: the readiness probe passes four times, then fails and the pod goes 0/1', () => {
    const h = harness();
    h.ctx.api.create(
      podManifest('v3', 'luksa/kubia:v3', { container: { name: 'nodejs', readinessProbe: httpProbe(1) } }),
    );
    const seen: string[] = [];
    for (let i = 0; i < 300; i++) {
      const r = h.row('v3').slice(0, 2).join(' ');
      if (seen[seen.length - 1] !== r) seen.push(r);
      h.ctx.clock.advanceMs(100);
    }
    expect(seen).toEqual([
      '0/1 Pending',
      '0/1 ContainerCreating',
      '0/1 Running',
      '1/1 Running',
      '0/1 Running',
    ]);
    const unhealthy = h.events('v3').filter((e) => e.startsWith('Unhealthy'));
    expect(unhealthy).toEqual(['Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 500']);
    const ev = h.ctx.api.list('events', 'default').items.find((e) => e.reason === 'Unhealthy')!;
    expect(ev.count).toBeGreaterThanOrEqual(20);
    expect((ev.involvedObject as { fieldPath: string }).fieldPath).toBe('spec.containers{nodejs}');
    const logs = h.ctx.containers.logs('default', 'v3')!;
    expect(logs[0]).toBe('Kubia server starting...');
    expect(logs[1]).toBe('Received request from ::ffff:10.244.1.1');
    const ready = (
      h.pod('v3').status as {
        conditions: Array<{ type: string; status: string; reason?: string; message?: string }>;
      }
    ).conditions.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [nodejs]',
    });
  });

  it('kubia v3: a client request counts too (the fifth request of any kind gets HTTP 500)', () => {
    const h = harness();
    h.ctx.api.create(podManifest('v3', 'luksa/kubia:v3', { container: { name: 'nodejs' } }));
    h.advance(10);
    const app = h.ctx.containers.app('default', 'v3')!;
    const ask = () => app.handle({ method: 'GET', path: '/', headers: {}, remoteAddr: '10.244.2.5' }, 8080);
    const codes = [1, 2, 3, 4, 5, 6].map(() => ask().status);
    expect(codes).toEqual([200, 200, 200, 200, 500, 500]);
    expect(ask().body).toBe('Some internal error has occurred! This is pod v3\n');
    expect(h.row('v3')[0]).toBe('1/1'); // no readiness probe: ready while running
  });

  it('a failing liveness probe kills and restarts the container', () => {
    const h = harness();
    h.ctx.api.create(
      podManifest('sick', 'luksa/kubia-unhealthy', {
        container: {
          name: 'kubia',
          livenessProbe: { httpGet: { path: '/', port: 8080 }, initialDelaySeconds: 15 },
        },
      }),
    );
    // Five good answers (20s..60s), three failures (70s..90s), then 30 s of grace: node ignores SIGTERM.
    h.advance(100);
    expect(h.row('sick')[2]).toBe('0');
    h.advance(30);
    const events = h.events('sick');
    expect(events).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(events).toContain('Killing: Container kubia failed liveness probe, will be restarted');
    expect(h.row('sick')[2]).toMatch(/^1 \(\d+s ago\)$/);
    const cs = (
      h.pod('sick').status as {
        containerStatuses: Array<{ lastState: { terminated: { exitCode: number } } }>;
      }
    ).containerStatuses[0];
    expect(cs.lastState.terminated.exitCode).toBe(137);
  });

  it('an exec liveness probe fails once the file is gone (busybox)', () => {
    const h = harness();
    h.ctx.api.create(
      podManifest('exec', 'busybox', {
        container: {
          name: 'liveness',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: {
            exec: { command: ['cat', '/tmp/healthy'] },
            initialDelaySeconds: 5,
            periodSeconds: 5,
          },
        },
      }),
    );
    h.advance(70);
    expect(h.events('exec')).toContain(
      "Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    expect(h.events('exec')).toContain(
      'Killing: Container liveness failed liveness probe, will be restarted',
    );
  });

  it('a readiness probe on a closed port reports connection refused', () => {
    const h = harness();
    h.ctx.api.create(
      podManifest('closed', 'nginx:1.27', {
        container: { name: 'web', readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 2 } },
      }),
    );
    h.advance(15);
    expect(h.row('closed')).toEqual(['0/1', 'Running', '0']);
    expect(h.events('closed')).toContain(
      'Unhealthy: Readiness probe failed: dial tcp 10.244.1.2:8080: connect: connection refused',
    );
  });

  it('a startup probe holds started=false and the readiness probe until it succeeds', () => {
    const h = harness();
    h.ctx.api.create(
      podManifest('slow', 'nginx:1.27', {
        container: {
          name: 'web',
          startupProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 10, periodSeconds: 5 },
          readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 },
        },
      }),
    );
    h.advance(8);
    const cs = () =>
      (h.pod('slow').status as { containerStatuses: Array<{ started: boolean; ready: boolean }> })
        .containerStatuses[0];
    expect(cs()).toMatchObject({ started: false, ready: false });
    h.advance(15);
    expect(cs()).toMatchObject({ started: true, ready: true });
  });
});
