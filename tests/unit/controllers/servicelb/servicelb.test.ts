import { describe, expect, it } from 'vitest';
import { start } from '../../../../sandbox/controllers/servicelb/index';
import type { ClusterContext } from '../../../../sandbox/cluster/context';
import { harness, serviceInput } from '../endpoints/harness';

function ingress(ctx: ClusterContext, name: string): unknown {
  return (ctx.api.get('services', 'default', name).status as { loadBalancer?: { ingress?: unknown } })
    .loadBalancer?.ingress;
}

function reasons(ctx: ClusterContext, name: string): string[] {
  return ctx.api
    .list('events', 'default')
    .items.filter((e) => (e.involvedObject as { name: string }).name === name)
    .map((e) => `${e.reason} ${e.message} ${(e.source as { component: string }).component}`);
}

describe('service load balancer', () => {
  it('stays pending, then gets the pinned IPs in creation order', () => {
    const h = harness([start], {
      loadBalancerIPs: ['34.64.140.187', '34.64.200.253'],
      loadBalancerDelaySeconds: 40,
    });
    const { api } = h.ctx;
    api.create(serviceInput('first', { app: 'a' }, { type: 'LoadBalancer' }));
    h.settle(1);
    api.create(serviceInput('second', { app: 'b' }, { type: 'LoadBalancer' }));
    h.settle(38);
    expect(ingress(h.ctx, 'first')).toBeUndefined();
    expect(api.get('services', 'default', 'first').metadata.finalizers).toEqual([
      'service.kubernetes.io/load-balancer-cleanup',
    ]);
    expect(reasons(h.ctx, 'first')).toEqual([
      'EnsuringLoadBalancer Ensuring load balancer service-controller',
    ]);
    h.settle(1);
    expect(ingress(h.ctx, 'first')).toEqual([{ ip: '34.64.140.187', ipMode: 'VIP' }]);
    expect(ingress(h.ctx, 'second')).toBeUndefined();
    h.settle(1);
    expect(ingress(h.ctx, 'second')).toEqual([{ ip: '34.64.200.253', ipMode: 'VIP' }]);
    expect(reasons(h.ctx, 'first')).toEqual([
      'EnsuringLoadBalancer Ensuring load balancer service-controller',
      'EnsuredLoadBalancer Ensured load balancer service-controller',
    ]);
  });

  it('draws deterministic 34.64.0.0/10 addresses without pins, within the default delay', () => {
    const ips = [1, 2].map(() => {
      const h = harness([start]);
      h.ctx.api.create(serviceInput('lb', { app: 'a' }, { type: 'LoadBalancer' }));
      h.settle(39);
      expect(ingress(h.ctx, 'lb')).toBeUndefined();
      h.settle(12);
      return (ingress(h.ctx, 'lb') as Array<{ ip: string }>)[0].ip;
    });
    expect(ips[0]).toBe(ips[1]);
    const [a, b] = ips[0].split('.').map(Number);
    expect(a).toBe(34);
    expect(b).toBeGreaterThanOrEqual(64);
    expect(b).toBeLessThanOrEqual(127);
  });

  it('releases the load balancer when the type changes away and on deletion', () => {
    const h = harness([start], { loadBalancerIPs: ['34.64.140.187'], loadBalancerDelaySeconds: 30 });
    const { api } = h.ctx;
    api.create(serviceInput('lb', { app: 'a' }, { type: 'LoadBalancer' }));
    h.settle(31);
    expect(ingress(h.ctx, 'lb')).toHaveLength(1);
    // (The simulated API server does not yet drop type-dependent fields on a type change, as the
    // real one does; the patch clears them itself.)
    api.patch(
      'services',
      'default',
      'lb',
      {
        spec: {
          type: 'ClusterIP',
          externalTrafficPolicy: null,
          allocateLoadBalancerNodePorts: null,
          ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
        },
      },
      'merge',
    );
    h.settle(10);
    const svc = api.get('services', 'default', 'lb');
    expect(ingress(h.ctx, 'lb')).toBeUndefined();
    expect(svc.metadata.finalizers).toBeUndefined();
    expect(reasons(h.ctx, 'lb').slice(2)).toEqual([
      'DeletingLoadBalancer Deleting load balancer service-controller',
      'DeletedLoadBalancer Deleted load balancer service-controller',
    ]);

    api.create(serviceInput('lb2', { app: 'a' }, { type: 'LoadBalancer' }));
    h.settle(31);
    api.delete('services', 'default', 'lb2');
    expect(api.get('services', 'default', 'lb2').metadata.deletionTimestamp).toBeDefined();
    h.settle(10);
    expect(api.exists('services', 'default', 'lb2')).toBe(false);
  });
});
