import { describe, expect, it } from 'vitest';
import { printEndpoints } from '../../../../sandbox/api/tables/endpoints';
import { printEndpointSlice } from '../../../../sandbox/api/tables/endpointslices';
import { DAY, HOUR, NOW, ago, obj } from './fixtures';

const ctx = { now: NOW };

function ep(name: string, subsets?: unknown[]) {
  return obj('v1', 'Endpoints', {
    metadata: { name, creationTimestamp: ago(2 * DAY + 3 * HOUR) },
    ...(subsets ? { subsets } : {}),
  });
}

describe('printEndpoints', () => {
  it.each([
    ['no subsets', ep('none'), '<none>'],
    [
      'one address',
      ep('kubernetes', [
        { addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] },
      ]),
      '192.168.49.2:8443',
    ],
    [
      'more than three',
      ep('kubia', [
        {
          addresses: ['10.244.0.12', '10.244.0.13', '10.244.0.14', '10.244.0.15'].map((ip) => ({ ip })),
          notReadyAddresses: [{ ip: '10.244.0.16' }],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ]),
      '10.244.0.12:8080,10.244.0.13:8080,10.244.0.14:8080 + 1 more...',
    ],
    [
      'ports × addresses, across subsets',
      ep('multi', [
        { addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] },
        { addresses: [{ ip: '10.0.0.3' }], ports: [{ port: 80 }] },
      ]),
      '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...',
    ],
    [
      'headless without ports: bare IPs',
      ep('headless', [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] }]),
      '10.0.0.1,10.0.0.2',
    ],
    [
      'only not-ready addresses',
      ep('notready', [{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }]),
      '',
    ],
    [
      'IPv6 in brackets',
      ep('v6', [{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }]),
      '[fd00::1]:80',
    ],
  ])('%s', (_name, e, want) => {
    expect(printEndpoints(e, ctx).cells).toEqual([e.metadata.name, want, '2d3h']);
  });
});

describe('printEndpointSlice', () => {
  it('a representative row', () => {
    const slice = obj('discovery.k8s.io/v1', 'EndpointSlice', {
      metadata: { name: 'kubia-abc12', creationTimestamp: ago(2 * DAY + 3 * HOUR) },
      addressType: 'IPv4',
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.244.0.12'], conditions: { ready: true } },
        { addresses: ['10.244.0.13'], conditions: { ready: false } },
      ],
    });
    expect(printEndpointSlice(slice, ctx).cells).toEqual([
      'kubia-abc12',
      'IPv4',
      '8080',
      '10.244.0.12,10.244.0.13',
      '2d3h',
    ]);
  });

  it('unset lists, named and wildcard ports, more than three', () => {
    const empty = obj('discovery.k8s.io/v1', 'EndpointSlice', {
      metadata: { name: 'e' },
      addressType: 'IPv4',
    });
    expect(printEndpointSlice(empty, ctx).cells).toEqual(['e', 'IPv4', '<unset>', '<unset>', '<unknown>']);
    const many = obj('discovery.k8s.io/v1', 'EndpointSlice', {
      metadata: { name: 'm' },
      addressType: 'IPv4',
      ports: [{ port: 80 }, { name: 'http' }, {}, { port: 443 }, { port: 8443 }],
      endpoints: [{ addresses: ['10.0.0.1', '10.0.0.2'] }, { addresses: ['10.0.0.3', '10.0.0.4'] }],
    });
    expect(printEndpointSlice(many, ctx).cells.slice(2, 4)).toEqual([
      '80,http,* + 2 more...',
      '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...',
    ]);
  });
});
