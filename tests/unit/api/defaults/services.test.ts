/** Service, Namespace, Endpoints, EndpointSlice and Node defaulting. */
import { describe, expect, it } from 'vitest';
import {
  normalizeServiceClusterIPs,
  patchServiceAllocatedValues,
  prepareNamespaceForCreate,
} from '../../../../sandbox/api/defaults';
import { defaulted, type Json } from './helpers';

function service(spec: Json): Json {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia', namespace: 'default' }, spec };
}

describe('Service defaults', () => {
  it('ClusterIP', () => {
    expect(
      defaulted(
        service({
          selector: { app: 'kubia' },
          ports: [
            { port: 80, targetPort: 8080 },
            { name: 'b', port: 81 },
          ],
        }),
      ).spec,
    ).toEqual({
      selector: { app: 'kubia' },
      ports: [
        { port: 80, targetPort: 8080, protocol: 'TCP' },
        { name: 'b', port: 81, protocol: 'TCP', targetPort: 81 },
      ],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    });
  });

  it('NodePort and LoadBalancer get externalTrafficPolicy; LoadBalancer allocateLoadBalancerNodePorts', () => {
    const np = defaulted(service({ type: 'NodePort', ports: [{ port: 80 }] })).spec as Json;
    expect([np.externalTrafficPolicy, np.allocateLoadBalancerNodePorts]).toEqual(['Cluster', undefined]);
    const lb = defaulted(service({ type: 'LoadBalancer', ports: [{ port: 80 }] })).spec as Json;
    expect([lb.externalTrafficPolicy, lb.allocateLoadBalancerNodePorts, lb.internalTrafficPolicy]).toEqual([
      'Cluster',
      true,
      'Cluster',
    ]);
  });

  it('targetPort 0 or "" becomes the port; a named targetPort stays', () => {
    const s = defaulted(
      service({
        ports: [
          { port: 80, targetPort: 0 },
          { name: 'x', port: 81, targetPort: '' },
          { name: 'y', port: 82, targetPort: 'http' },
        ],
      }),
    );
    expect(((s.spec as Json).ports as Json[]).map((p) => p.targetPort)).toEqual([80, 81, 'http']);
  });

  it('ClientIP affinity gets a 10800s timeout; None drops the config', () => {
    expect(
      (defaulted(service({ sessionAffinity: 'ClientIP', ports: [{ port: 80 }] })).spec as Json)
        .sessionAffinityConfig,
    ).toEqual({
      clientIP: { timeoutSeconds: 10800 },
    });
    expect(
      (
        defaulted(
          service({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } }, ports: [{ port: 80 }] }),
        ).spec as Json
      ).sessionAffinityConfig,
    ).toBeUndefined();
  });

  it('ExternalName gets no traffic or family fields', () => {
    expect(defaulted(service({ type: 'ExternalName', externalName: 'db.example.com' })).spec).toEqual({
      type: 'ExternalName',
      externalName: 'db.example.com',
      sessionAffinity: 'None',
    });
  });

  it('headless without selector: RequireDualStack with both families; with selector: SingleStack', () => {
    expect(
      (defaulted(service({ clusterIP: 'None', ports: [{ port: 80 }] })).spec as Json).ipFamilyPolicy,
    ).toBe('RequireDualStack');
    expect(
      (defaulted(service({ clusterIP: 'None', selector: { a: 'b' }, ports: [{ port: 80 }] })).spec as Json)
        .ipFamilyPolicy,
    ).toBe('SingleStack');
  });

  it('clusterIP and clusterIPs stay in step', () => {
    const created = service({ clusterIP: 'None' });
    normalizeServiceClusterIPs(created);
    expect((created.spec as Json).clusterIPs).toEqual(['None']);

    const old = service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] });
    const omitted = service({ clusterIP: '10.96.0.10' });
    normalizeServiceClusterIPs(omitted, old);
    expect((omitted.spec as Json).clusterIPs).toEqual(['10.96.0.10']);

    const changed = service({ clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.10'] });
    normalizeServiceClusterIPs(changed, old);
    expect((changed.spec as Json).clusterIPs).toEqual(['10.96.0.99']);
  });

  it('an update that omits allocated values keeps them', () => {
    const old = service({
      type: 'NodePort',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ports: [{ name: 'web', port: 80, nodePort: 31000 }],
    });
    const next = service({ type: 'NodePort', ports: [{ name: 'web', port: 80 }] });
    patchServiceAllocatedValues(next, old);
    expect(next.spec).toEqual(old.spec);
  });
});

describe('Namespace, Endpoints, EndpointSlice, Node defaults', () => {
  it('Namespace: the name label (overwritten) and phase Active', () => {
    const ns = defaulted({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'x' } },
    });
    expect((ns.metadata as Json).labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(ns.status).toEqual({ phase: 'Active' });
    prepareNamespaceForCreate(ns);
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
  });

  it('Endpoints and EndpointSlice ports', () => {
    const ep = defaulted({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'e' },
      subsets: [{ ports: [{ port: 80 }] }],
    });
    expect(ep.subsets).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }] }]);
    const slice = defaulted({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's' },
      ports: [{ port: 80 }],
    });
    expect(slice.ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
  });

  it('Node allocatable defaults to capacity', () => {
    const node = defaulted({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n' },
      status: { capacity: { cpu: '2', pods: '110' } },
    });
    expect((node.status as Json).allocatable).toEqual({ cpu: '2', pods: '110' });
  });
});
