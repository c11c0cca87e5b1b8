import { describe, expect, it } from 'vitest';
import { externalIP, loadBalancerAddresses, printService } from '../../../../sandbox/api/tables/services';
import type { Service } from 'kubernetes-types/core/v1';
import { DAY, HOUR, MINUTE, NOW, SECOND, ago, obj } from './fixtures';

const ctx = { now: NOW };

function svc(
  name: string,
  spec: Record<string, unknown>,
  status: Record<string, unknown> = {},
  age = 8 * MINUTE,
) {
  return obj('v1', 'Service', {
    metadata: { name, namespace: 'default', creationTimestamp: ago(age + 21 * SECOND) },
    spec,
    status,
  });
}

describe('printService', () => {
  const cases = [
    [
      svc(
        'kubernetes',
        {
          type: 'ClusterIP',
          clusterIP: '10.96.0.1',
          clusterIPs: ['10.96.0.1'],
          ports: [{ port: 443, protocol: 'TCP' }],
        },
        {},
        3 * DAY + 5 * HOUR,
      ),
      ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '3d5h', '<none>'],
    ],
    [
      svc(
        'kubia',
        {
          type: 'LoadBalancer',
          clusterIPs: ['10.96.214.91'],
          selector: { app: 'kubia' },
          ports: [{ port: 80, nodePort: 31958, protocol: 'TCP' }],
        },
        { loadBalancer: {} },
        2 * DAY + 3 * HOUR,
      ),
      ['kubia', 'LoadBalancer', '10.96.214.91', '<pending>', '80:31958/TCP', '2d3h', 'app=kubia'],
    ],
    [
      svc('kubia-headless', {
        type: 'ClusterIP',
        clusterIP: 'None',
        clusterIPs: ['None'],
        selector: { app: 'kubia' },
        ports: [{ port: 80, protocol: 'TCP' }],
      }),
      ['kubia-headless', 'ClusterIP', 'None', '<none>', '80/TCP', '8m21s', 'app=kubia'],
    ],
    [
      svc(
        'kubia-lb-ready',
        {
          type: 'LoadBalancer',
          clusterIPs: ['10.96.96.98'],
          ports: [{ port: 80, nodePort: 32143, protocol: 'TCP' }],
        },
        { loadBalancer: { ingress: [{ ip: '130.211.53.173' }] } },
      ),
      ['kubia-lb-ready', 'LoadBalancer', '10.96.96.98', '130.211.53.173', '80:32143/TCP', '8m21s', '<none>'],
    ],
    [
      svc('kubia-nodeport', {
        type: 'NodePort',
        clusterIPs: ['10.96.82.168'],
        selector: { app: 'kubia', env: 'prod' },
        ports: [
          { port: 80, nodePort: 30123, protocol: 'TCP' },
          { port: 443, nodePort: 30124, protocol: 'TCP' },
        ],
      }),
      [
        'kubia-nodeport',
        'NodePort',
        '10.96.82.168',
        '<none>',
        '80:30123/TCP,443:30124/TCP',
        '8m21s',
        'app=kubia,env=prod',
      ],
    ],
    [
      svc('ext', { type: 'ExternalName', externalName: 'api.example.com' }),
      ['ext', 'ExternalName', '<none>', 'api.example.com', '<none>', '8m21s', '<none>'],
    ],
    [
      svc('with-external', {
        type: 'ClusterIP',
        clusterIPs: ['10.96.1.2'],
        externalIPs: ['1.2.3.4', '5.6.7.8'],
        ports: [{ port: 53, protocol: 'UDP' }],
      }),
      ['with-external', 'ClusterIP', '10.96.1.2', '1.2.3.4,5.6.7.8', '53/UDP', '8m21s', '<none>'],
    ],
  ] as const;
  it.each(cases.map(([s, want]) => [s.metadata.name, s, want] as const))('%s', (_name, s, want) => {
    expect(printService(s, ctx).cells).toEqual(want);
  });

  it('the server prints wide: long load-balancer lists are not truncated', () => {
    const s = svc(
      'lb',
      { type: 'LoadBalancer', clusterIPs: ['10.96.0.9'], ports: [] },
      {
        loadBalancer: {
          ingress: [{ ip: '130.211.53.173' }, { hostname: 'lb.example.com' }, { ip: '130.211.53.173' }],
        },
      },
    );
    expect(printService(s, ctx).cells[3]).toBe('130.211.53.173,lb.example.com');
  });

  it('load-balancer addresses and external IPs combine: sorted ingress first', () => {
    const s = {
      spec: { type: 'LoadBalancer', externalIPs: ['9.9.9.9'] },
      status: { loadBalancer: { ingress: [{ ip: '2.2.2.2' }, { ip: '1.1.1.1' }] } },
    } as Service;
    expect(externalIP(s, true)).toBe('1.1.1.1,2.2.2.2,9.9.9.9');
    expect(externalIP({ spec: { type: 'Weird' } } as Service, true)).toBe('<unknown>');
  });

  it('kubectl-side (non-wide) truncation rule of loadBalancerStatusStringer', () => {
    const lb = { ingress: [{ ip: '130.211.53.173' }, { ip: '130.211.53.174' }] };
    expect(loadBalancerAddresses(lb, false)).toBe('130.211.53.17...');
    expect(loadBalancerAddresses(lb, true)).toBe('130.211.53.173,130.211.53.174');
  });
});
