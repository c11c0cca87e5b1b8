import { describe, expect, it } from 'vitest';
import { printConfigMap } from '../../../../sandbox/api/tables/configmaps';
import { printNamespace } from '../../../../sandbox/api/tables/namespaces';
import { printResourceQuota } from '../../../../sandbox/api/tables/resourcequotas';
import { DAY, HOUR, MINUTE, NOW, ago, obj } from './fixtures';

const ctx = { now: NOW };

describe('printNamespace', () => {
  it.each([
    ['default', 'Active', ago(3 * DAY + 5 * HOUR), '3d5h'],
    ['going', 'Terminating', ago(MINUTE), '60s'],
  ])('%s', (name, phase, created, age) => {
    const ns = obj('v1', 'Namespace', { metadata: { name, creationTimestamp: created }, status: { phase } });
    expect(printNamespace(ns, ctx).cells).toEqual([name, phase, age]);
  });
});

describe('printConfigMap', () => {
  it('DATA counts data and binaryData keys, as an integer', () => {
    const cm = obj('v1', 'ConfigMap', {
      metadata: { name: 'fortune-config', creationTimestamp: ago(10 * MINUTE) },
      data: { 'sleep-interval': '25', 'my-nginx-config.conf': 'server {}' },
      binaryData: { 'logo.png': 'iVBORw0KGgo=' },
    });
    expect(printConfigMap(cm, ctx).cells).toEqual(['fortune-config', 3, '10m']);
    const empty = obj('v1', 'ConfigMap', {
      metadata: { name: 'empty', creationTimestamp: ago(10 * MINUTE) },
    });
    expect(printConfigMap(empty, ctx).cells).toEqual(['empty', 0, '10m']);
  });
});

describe('printResourceQuota', () => {
  it('REQUEST / LIMIT: sorted, canonical quantities, used defaults to 0', () => {
    const rq = obj('v1', 'ResourceQuota', {
      metadata: { name: 'compute', creationTimestamp: ago(2 * MINUTE) },
      spec: { hard: {} },
      status: {
        hard: {
          pods: '10',
          'requests.cpu': '1000m',
          'requests.memory': '1024Mi',
          'limits.cpu': '2',
          'limits.memory': '2Gi',
          configmaps: 5,
        },
        used: { pods: '2', 'requests.cpu': '500m', 'requests.memory': '256Mi', 'limits.cpu': '1' },
      },
    });
    expect(printResourceQuota(rq, ctx).cells).toEqual([
      'compute',
      '2m',
      'configmaps: 0/5, pods: 2/10, requests.cpu: 500m/1, requests.memory: 256Mi/1Gi',
      'limits.cpu: 1/2, limits.memory: 0/2Gi',
    ]);
  });

  it('no status yet: empty cells', () => {
    const rq = obj('v1', 'ResourceQuota', {
      metadata: { name: 'q', creationTimestamp: ago(1000) },
      spec: {},
    });
    expect(printResourceQuota(rq, ctx).cells).toEqual(['q', '1s', '', '']);
  });
});
