import { describe, expect, it } from 'vitest';
import { printNode } from '../../../../sandbox/api/tables/nodes';
import { DAY, HOUR, NOW, ago, obj } from './fixtures';

const ctx = { now: NOW };

function node(o: {
  labels?: Record<string, string>;
  ready?: string;
  unschedulable?: boolean;
  info?: boolean;
}) {
  return obj('v1', 'Node', {
    metadata: { name: 'minikube', labels: o.labels ?? {}, creationTimestamp: ago(3 * DAY + 5 * HOUR) },
    spec: o.unschedulable ? { unschedulable: true } : {},
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'False' },
        ...(o.ready ? [{ type: 'Ready', status: o.ready }] : []),
      ],
      addresses: [
        { type: 'InternalIP', address: '192.168.49.2' },
        { type: 'Hostname', address: 'minikube' },
      ],
      nodeInfo:
        o.info === false
          ? { kubeletVersion: 'v1.32.0' }
          : {
              kubeletVersion: 'v1.32.0',
              osImage: 'Ubuntu 22.04.4 LTS',
              kernelVersion: '6.8.0-45-generic',
              containerRuntimeVersion: 'docker://27.2.0',
            },
    },
  });
}

describe('printNode', () => {
  it('a representative row', () => {
    const n = node({ ready: 'True', labels: { 'node-role.kubernetes.io/control-plane': '' } });
    expect(printNode(n, ctx).cells).toEqual([
      'minikube',
      'Ready',
      'control-plane',
      '3d5h',
      'v1.32.0',
      '192.168.49.2',
      '<none>',
      'Ubuntu 22.04.4 LTS',
      '6.8.0-45-generic',
      'docker://27.2.0',
    ]);
  });

  it.each([
    [{ ready: 'True' }, 'Ready'],
    [{ ready: 'False' }, 'NotReady'],
    [{ ready: 'Unknown' }, 'NotReady'],
    [{}, 'Unknown'],
    [{ ready: 'True', unschedulable: true }, 'Ready,SchedulingDisabled'],
    [{ unschedulable: true }, 'Unknown,SchedulingDisabled'],
  ])('STATUS %j → %s', (o, want) => {
    expect(printNode(node(o), ctx).cells[1]).toBe(want);
  });

  it.each([
    [{}, '<none>'],
    [
      { 'node-role.kubernetes.io/worker': 'true', 'node-role.kubernetes.io/control-plane': '' },
      'control-plane,worker',
    ],
    [{ 'kubernetes.io/role': 'master', 'node-role.kubernetes.io/': '' }, 'master'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
  ])('ROLES %j → %s', (labels, want) => {
    expect(printNode(node({ ready: 'True', labels }), ctx).cells[2]).toBe(want);
  });

  it('missing node info prints <unknown>', () => {
    expect(printNode(node({ ready: 'True', info: false }), ctx).cells.slice(7)).toEqual([
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ]);
  });
});
