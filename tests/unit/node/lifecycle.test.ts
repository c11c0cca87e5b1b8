import { describe, expect, it } from 'vitest';
import { harness, podManifest } from './harness';

/** Sample the pod row every 100 ms and keep the distinct [READY STATUS] states in order. */
function progression(h: ReturnType<typeof harness>, name: string, seconds: number): string[] {
  const seen: string[] = [];
  for (let i = 0; i < seconds * 10; i++) {
    const r = h.row(name).slice(0, 2).join(' ');
    if (seen[seen.length - 1] !== r) seen.push(r);
    h.ctx.clock.advanceMs(100);
  }
  return seen;
}

describe('pod lifecycle on a simulated kubelet', () => {
  it('goes Pending → ContainerCreating → Running 1/1 with the kubelet events of v1.32', () => {
    const h = harness();
    h.ctx.api.create(podManifest('kubia', 'luksa/kubia:v1', { container: { name: 'nodejs' } }));
    expect(progression(h, 'kubia', 12)).toEqual(['0/1 Pending', '0/1 ContainerCreating', '1/1 Running']);
    const events = h.events('kubia');
    expect(events[0]).toBe('Scheduled: Successfully assigned default/kubia to node-1');
    expect(events[1]).toBe('Pulling: Pulling image "luksa/kubia:v1"');
    expect(events[2]).toMatch(
      /^Pulled: Successfully pulled image "luksa\/kubia:v1" in \d+\.\d+s \(\d+\.\d+s including waiting\)\. Image size: 262008251 bytes\.$/,
    );
    expect(events.slice(3)).toEqual([
      'Created: Created container: nodejs',
      'Started: Started container nodejs',
    ]);
  });

  it('writes the conditions, IPs, container status and start time a real kubelet writes', () => {
    const h = harness();
    h.ctx.api.create(podManifest('web', 'nginx:1.27'));
    h.advance(10);
    const pod = h.pod('web');
    const status = pod.status as Record<string, unknown> & {
      conditions: Array<{ type: string; status: string }>;
      containerStatuses: Array<Record<string, unknown>>;
    };
    expect(status.phase).toBe('Running');
    expect(status.conditions.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(status.hostIP).toBe('10.128.0.3');
    expect(status.podIP).toBe('10.244.1.2');
    expect(status.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(status.qosClass).toBe('BestEffort');
    expect(status.startTime).toBe('2026-01-01T09:00:00Z');
    const cs = status.containerStatuses[0];
    expect(cs).toMatchObject({
      name: 'app',
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:1.27',
      lastState: {},
    });
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect((cs.state as { running: { startedAt: string } }).running.startedAt).toMatch(
      /^2026-01-01T09:00:0\dZ$/,
    );
  });

  it('spreads pods over the nodes and hands out IPs from each podCIDR', () => {
    const h = harness();
    for (const n of ['a', 'b', 'c', 'd']) h.ctx.api.create(podManifest(n, 'nginx:1.27'));
    h.advance(15);
    const wide = h.ctx.api.table('pods', 'default').rows.map((r) => [r.cells[0], r.cells[5], r.cells[6]]);
    const nodes = wide.map((r) => r[2]);
    expect(new Set(nodes.slice(0, 3)).size).toBe(3);
    for (const [, ip, node] of wide) {
      const i = Number(String(node).slice(-1));
      expect(ip).toMatch(new RegExp(`^10\\.244\\.${i}\\.\\d+$`));
    }
  });

  it('says "already present" for a cached IfNotPresent image and pulls again for Always', () => {
    const h = harness({ nodes: ['node-1'] });
    h.ctx.api.create(podManifest('one', 'nginx:1.27'));
    h.advance(10);
    h.ctx.api.create(podManifest('two', 'nginx:1.27'));
    h.ctx.api.create(podManifest('three', 'nginx'));
    h.advance(10);
    expect(h.events('two')).toContain('Pulled: Container image "nginx:1.27" already present on machine');
    expect(h.events('two').some((e) => e.startsWith('Pulling'))).toBe(false);
    expect(h.events('three')).toContain('Pulling: Pulling image "nginx"');
  });

  it('serialises pulls on a node: the second pull reports its waiting time', () => {
    const h = harness({ nodes: ['node-1'] });
    h.ctx.api.create(podManifest('one', 'luksa/kubia:v1'));
    h.ctx.api.create(podManifest('two', 'luksa/kubia:v2'));
    h.advance(20);
    const pulled = h.events('two').find((e) => e.startsWith('Pulled'))!;
    const m = /in ([\d.]+)s \(([\d.]+)s including waiting\)/.exec(pulled)!;
    expect(Number(m[2])).toBeGreaterThan(Number(m[1]) + 2);
  });

  it('registers the running app and its log in the container directory', () => {
    const h = harness();
    h.ctx.api.create(podManifest('kubia', 'luksa/kubia:v2'));
    h.advance(10);
    const app = h.ctx.containers.app('default', 'kubia')!;
    const res = app.handle({ method: 'GET', path: '/', headers: {}, remoteAddr: '10.244.2.1' }, 8080);
    expect(res.body).toBe('This is v2 running in pod kubia\n');
    expect(h.ctx.containers.logs('default', 'kubia')).toEqual([
      'Kubia server starting...',
      'Received request from ::ffff:10.244.2.1',
    ]);
  });

  it('replays the same trace for the same seed', () => {
    const run = (): string => {
      const h = harness({ seed: 11 });
      for (const n of ['a', 'b', 'c']) h.ctx.api.create(podManifest(n, 'luksa/kubia:v1'));
      h.advance(20);
      return JSON.stringify(h.ctx.api.list('pods', 'default').items.map((p) => p.status));
    };
    expect(run()).toBe(run());
  });

  it('creates the nodes with the fields kubectl get nodes -o wide shows', () => {
    const h = harness();
    const rows = h.ctx.api.table('nodes', undefined).rows.map((r) => r.cells);
    expect(rows).toEqual([
      [
        'node-1',
        'Ready',
        '<none>',
        '0s',
        'v1.32.2',
        '10.128.0.3',
        '<none>',
        'Ubuntu 24.04.1 LTS',
        '6.8.0-1019-gcp',
        'containerd://1.7.24',
      ],
      [
        'node-2',
        'Ready',
        '<none>',
        '0s',
        'v1.32.2',
        '10.128.0.4',
        '<none>',
        'Ubuntu 24.04.1 LTS',
        '6.8.0-1019-gcp',
        'containerd://1.7.24',
      ],
      [
        'node-3',
        'Ready',
        '<none>',
        '0s',
        'v1.32.2',
        '10.128.0.5',
        '<none>',
        'Ubuntu 24.04.1 LTS',
        '6.8.0-1019-gcp',
        'containerd://1.7.24',
      ],
    ]);
    const node = h.ctx.api.get('nodes', undefined, 'node-2');
    expect(node.metadata.labels).toMatchObject({
      'kubernetes.io/hostname': 'node-2',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
    });
    expect((node.spec as { podCIDR: string }).podCIDR).toBe('10.244.2.0/24');
  });
});
