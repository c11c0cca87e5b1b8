import { describe, expect, it } from 'vitest';
import { start as startEndpoints } from '../../../sandbox/controllers/endpoints/index';
import { start as startLB } from '../../../sandbox/controllers/servicelb/index';
import { Network } from '../../../sandbox/net/network';
import { parseUrl } from '../../../sandbox/net/url';
import { addNodes, harness, runPod, serviceInput } from '../controllers/endpoints/harness';

const LB_IP = '34.64.140.187';

function cluster(spec: Record<string, unknown>) {
  const h = harness([startEndpoints, startLB], { loadBalancerIPs: [LB_IP], loadBalancerDelaySeconds: 1 });
  addNodes(h.ctx);
  runPod(h.ctx, 'a-1', { app: 'a' }, '10.244.1.2', { node: 'node-1' });
  runPod(h.ctx, 'a-2', { app: 'a' }, '10.244.1.3', { node: 'node-1' });
  runPod(h.ctx, 'a-3', { app: 'a' }, '10.244.2.2', { node: 'node-2' });
  runPod(h.ctx, 'client', { run: 'client' }, '10.244.3.9', { node: 'node-3' });
  h.ctx.api.create(serviceInput('a', { app: 'a' }, spec));
  h.settle(2);
  return { h, net: new Network(h.ctx) };
}

describe('network policies of Services', () => {
  it('sessionAffinity ClientIP keeps a client on one pod', () => {
    const { net } = cluster({ sessionAffinity: 'ClientIP' });
    const from = { namespace: 'default', podName: 'client' };
    const pods = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const r = net.request({ url: 'http://a', from });
      if (r.ok) pods.add(r.pod.name);
    }
    expect(pods.size).toBe(1);
  });

  it('externalTrafficPolicy Local spreads over nodes with endpoints and keeps the client IP', () => {
    const { net } = cluster({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
    const hits = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const r = net.request({ url: `http://${LB_IP}` });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.remoteAddr).toBe('203.0.113.10');
      hits.set(r.pod.name, (hits.get(r.pod.name) ?? 0) + 1);
    }
    // node-2's single pod gets about half of the traffic, node-1's two pods a quarter each.
    expect(hits.get('a-3')!).toBeGreaterThan(150);
    expect(hits.get('a-1')!).toBeLessThan(150);
  });

  it('externalTrafficPolicy Cluster: the app sees the node bridge address', () => {
    const { net } = cluster({ type: 'LoadBalancer' });
    const r = net.request({ url: `http://${LB_IP}` });
    expect(r.ok && r.remoteAddr).toMatch(/^10\.244\.[12]\.1$/);
  });

  it('headless Services resolve to a ready pod IP', () => {
    const { net } = cluster({ clusterIP: 'None' });
    const r = net.request({ url: 'http://a:8080', from: { namespace: 'default', podName: 'client' } });
    expect(r.ok && r.pod.name).toMatch(/^a-/);
  });

  it('parses curl URLs', () => {
    expect(parseUrl('kubia')).toEqual({
      ok: true,
      url: { scheme: 'http', host: 'kubia', port: 80, path: '/' },
    });
    expect(parseUrl('http://10.0.0.1:8080/x?y=1#z')).toEqual({
      ok: true,
      url: { scheme: 'http', host: '10.0.0.1', port: 8080, path: '/x?y=1' },
    });
    expect(parseUrl('https://x')).toMatchObject({ ok: true, url: { port: 443 } });
  });
});
