import { describe, expect, it } from 'vitest';
import { start as startEndpoints } from '../../../sandbox/controllers/endpoints/index';
import { start as startLB } from '../../../sandbox/controllers/servicelb/index';
import { Network, request, type RequestEvent } from '../../../sandbox/net/network';
import { formatCurlError } from '../../../sandbox/net/errors';
import { addNodes, harness, runPod, serviceInput } from '../controllers/endpoints/harness';

const LB_IP = '34.64.140.187';

function cluster() {
  const h = harness([startEndpoints, startLB], {
    loadBalancerIPs: [LB_IP, '34.64.200.253'],
    loadBalancerDelaySeconds: 40,
  });
  addNodes(h.ctx);
  runPod(h.ctx, 'kubia-1', { app: 'kubia', color: 'blue' }, '10.244.1.2', { node: 'node-1' });
  runPod(h.ctx, 'kubia-2', { app: 'kubia', color: 'blue' }, '10.244.2.2', { node: 'node-2' });
  runPod(h.ctx, 'kubia-3', { app: 'kubia', color: 'green' }, '10.244.3.2', { node: 'node-3' });
  runPod(h.ctx, 'kubia-4', { app: 'kubia', color: 'green' }, '10.244.3.3', { node: 'node-3', ready: false });
  runPod(h.ctx, 'client', { run: 'client' }, '10.244.1.9', { node: 'node-1' });
  h.ctx.api.create(serviceInput('kubia', { app: 'kubia' }, { type: 'LoadBalancer' }));
  h.settle(41);
  return h;
}

function errorText(r: ReturnType<typeof request>): string {
  if (r.ok) throw new Error(`expected a failure, got ${r.response.body}`);
  return formatCurlError(r.error);
}

describe('network', () => {
  it('spreads requests over ready pods only, from outside through the load balancer', () => {
    const h = cluster();
    const net = new Network(h.ctx);
    const hits = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const r = net.request({ url: `http://${LB_IP}` });
      if (!r.ok) throw new Error(r.error.message);
      hits.set(r.pod.name, (hits.get(r.pod.name) ?? 0) + 1);
      expect(r.response.body).toContain(`You've hit ${r.pod.name}`);
    }
    expect([...hits.keys()].sort()).toEqual(['kubia-1', 'kubia-2', 'kubia-3']);
    for (const n of hits.values()) expect(n).toBeGreaterThan(150);
  });

  it('resolves service names, ClusterIP and NodePort only from inside pods', () => {
    const h = cluster();
    const svc = h.ctx.api.get('services', 'default', 'kubia');
    const spec = svc.spec as { clusterIP: string; ports: Array<{ nodePort: number }> };
    const from = { namespace: 'default', podName: 'client' };
    for (const url of [
      'http://kubia',
      'kubia.default',
      'http://kubia.default.svc',
      'http://kubia.default.svc.cluster.local/',
      `http://${spec.clusterIP}`,
      `http://10.128.0.3:${spec.ports[0].nodePort}`,
      'http://10.244.1.2:8080',
    ]) {
      const r = request(h.ctx, { url, from });
      expect(r.ok, url).toBe(true);
    }
    // From a pod, the caller's IP reaches the app (no SNAT on ClusterIP traffic).
    const direct = request(h.ctx, { url: 'http://kubia', from });
    expect(direct.ok && direct.remoteAddr).toBe('10.244.1.9');
    expect(errorText(request(h.ctx, { url: 'http://kubia' }))).toBe(
      'curl: (6) Could not resolve host: kubia',
    );
    expect(errorText(request(h.ctx, { url: 'http://nope', from }))).toBe(
      'curl: (6) Could not resolve host: nope',
    );
    expect(errorText(request(h.ctx, { url: 'http://kubia.other', from }))).toBe(
      'curl: (6) Could not resolve host: kubia.other',
    );
  });

  it('switches instantly when the selector is patched (blue/green)', () => {
    const h = cluster();
    h.ctx.api.patch(
      'services',
      'default',
      'kubia',
      { spec: { selector: { app: 'kubia', color: 'green' } } },
      'merge',
    );
    h.settle();
    for (let i = 0; i < 50; i++) {
      const r = request(h.ctx, { url: `http://${LB_IP}` });
      expect(r.ok && r.pod.name).toBe('kubia-3');
    }
  });

  it('reports the answering pod to listeners', () => {
    const h = cluster();
    const net = new Network(h.ctx);
    const seen: RequestEvent[] = [];
    const off = net.onRequest((e) => seen.push(e));
    const r = net.request({ url: `http://${LB_IP}/` });
    off();
    net.request({ url: `http://${LB_IP}/` });
    expect(seen).toHaveLength(1);
    expect(seen[0].service).toEqual({ namespace: 'default', name: 'kubia' });
    expect(seen[0].pod).toEqual(r.ok && r.pod);
    expect(seen[0].status).toBe(200);
  });

  it('fails like curl: refused, timeouts, nothing listening', () => {
    const h = cluster();
    const { api } = h.ctx;
    const from = { namespace: 'default', podName: 'client' };
    api.create(serviceInput('empty', { app: 'none' }));
    api.create(serviceInput('empty-lb', { app: 'none' }, { type: 'LoadBalancer' }));
    h.settle(41);
    const clusterIP = (api.get('services', 'default', 'empty').spec as { clusterIP: string }).clusterIP;
    // kube-proxy REJECTs connections to a Service without endpoints.
    expect(errorText(request(h.ctx, { url: 'http://empty', from }))).toMatch(
      /^curl: \(7\) Failed to connect to empty port 80 after \d ms: Couldn't connect to server$/,
    );
    expect(errorText(request(h.ctx, { url: `http://${clusterIP}`, from }))).toMatch(
      new RegExp(`^curl: \\(7\\) Failed to connect to ${clusterIP.replace(/\./g, '\\.')} port 80 after`),
    );
    // ... and so does the node behind the external load balancer.
    expect(errorText(request(h.ctx, { url: 'http://34.64.200.253' }))).toMatch(
      /^curl: \(7\) Failed to connect to 34\.64\.200\.253 port 80 after \d+ ms: Couldn't connect to server$/,
    );
    // Private addresses are unreachable from the laptop: the kernel gives up after ~130 s.
    const r = request(h.ctx, { url: `http://${clusterIP}` });
    expect(errorText(r)).toMatch(
      /^curl: \(28\) Failed to connect to .* port 80 after 13\d{4} ms: Couldn't connect to server$/,
    );
    expect(r.elapsedMs).toBeGreaterThanOrEqual(130_000);
    expect(errorText(request(h.ctx, { url: `http://${LB_IP}:8080`, timeoutMs: 5000 }))).toMatch(
      /^curl: \(28\) Failed to connect to 34\.64\.140\.187 port 8080 after 500\d ms: Timeout was reached$/,
    );
    // Nothing listens on that port of the pod.
    expect(errorText(request(h.ctx, { url: 'http://10.244.1.2:9999', from }))).toMatch(
      /^curl: \(7\) Failed to connect to 10\.244\.1\.2 port 9999 after \d ms: Couldn't connect to server$/,
    );
    // A node IP with no NodePort there.
    expect(errorText(request(h.ctx, { url: 'http://10.128.0.3:1234', from }))).toMatch(/^curl: \(7\)/);
    expect(errorText(request(h.ctx, { url: 'ftp://x' }))).toBe('curl: (1) Protocol "ftp" not supported');
  });

  it('uses terminating-but-serving endpoints when no ready one is left', () => {
    const h = cluster();
    const { api } = h.ctx;
    api.patch('services', 'default', 'kubia', { spec: { selector: { color: 'blue' } } }, 'merge');
    h.settle();
    api.delete('pods', 'default', 'kubia-1');
    api.delete('pods', 'default', 'kubia-2');
    h.settle();
    const r = request(h.ctx, { url: `http://${LB_IP}` });
    expect(r.ok && ['kubia-1', 'kubia-2'].includes(r.pod.name)).toBe(true);
  });
});
