import { describe, expect, it } from 'vitest';
import { printDeployment } from '../../../../sandbox/api/tables/deployments';
import { printReplicaSet } from '../../../../sandbox/api/tables/replicasets';
import { printReplicationController } from '../../../../sandbox/api/tables/replicationcontrollers';
import { MINUTE, NOW, SECOND, ago, obj } from './fixtures';

const ctx = { now: NOW };
const template = {
  metadata: { labels: { app: 'kubia' } },
  spec: {
    containers: [
      { name: 'nodejs', image: 'luksa/kubia:v2' },
      { name: 'proxy', image: 'envoy:1.30' },
    ],
  },
};

describe('printDeployment', () => {
  it('a representative row (integer UP-TO-DATE / AVAILABLE cells)', () => {
    const d = obj('apps/v1', 'Deployment', {
      metadata: { name: 'kubia', creationTimestamp: ago(21 * MINUTE) },
      spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template },
      status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
    });
    expect(printDeployment(d, ctx).cells).toEqual([
      'kubia',
      '2/3',
      3,
      2,
      '21m',
      'nodejs,proxy',
      'luksa/kubia:v2,envoy:1.30',
      'app=kubia',
    ]);
  });

  it('missing status numbers print 0; the selector is empty (not <none>) when empty', () => {
    const d = obj('apps/v1', 'Deployment', {
      metadata: { name: 'new', creationTimestamp: ago(5 * SECOND) },
      spec: { replicas: 3, selector: {}, template },
    });
    expect(printDeployment(d, ctx).cells.slice(0, 5)).toEqual(['new', '0/3', 0, 0, '5s']);
    expect(printDeployment(d, ctx).cells[7]).toBe('');
  });

  it('an invalid selector prints <invalid>', () => {
    const d = obj('apps/v1', 'Deployment', {
      metadata: { name: 'bad' },
      spec: { replicas: 1, selector: { matchExpressions: [{ key: 'app', operator: 'Bogus' }] }, template },
    });
    expect(printDeployment(d, ctx).cells[7]).toBe('<invalid>');
  });
});

describe('printReplicaSet', () => {
  it('a representative row', () => {
    const rs = obj('apps/v1', 'ReplicaSet', {
      metadata: { name: 'kubia-7d5b9c7d8f', creationTimestamp: ago(3 * MINUTE + 11 * SECOND) },
      spec: {
        replicas: 3,
        selector: {
          matchLabels: { 'pod-template-hash': '7d5b9c7d8f', app: 'kubia' },
          matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }],
        },
        template,
      },
      status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
    });
    expect(printReplicaSet(rs, ctx).cells).toEqual([
      'kubia-7d5b9c7d8f',
      3,
      3,
      3,
      '3m11s',
      'nodejs,proxy',
      'luksa/kubia:v2,envoy:1.30',
      'app=kubia,env in (dev,prod),pod-template-hash=7d5b9c7d8f',
    ]);
  });

  it('scaled to zero: 0 0 0; an empty selector prints <none>', () => {
    const rs = obj('apps/v1', 'ReplicaSet', {
      metadata: { name: 'kubia-5d8b8c7f9', creationTimestamp: ago(21 * MINUTE) },
      spec: { replicas: 0, selector: {}, template },
      status: { replicas: 0 },
    });
    const cells = printReplicaSet(rs, ctx).cells;
    expect(cells.slice(0, 5)).toEqual(['kubia-5d8b8c7f9', 0, 0, 0, '21m']);
    expect(cells[7]).toBe('<none>');
  });
});

describe('printReplicationController', () => {
  it('a representative row (map selector sorted)', () => {
    const rc = obj('v1', 'ReplicationController', {
      metadata: { name: 'kubia-v1', creationTimestamp: ago(46 * SECOND) },
      spec: { replicas: 3, selector: { env: 'prod', app: 'kubia' }, template },
      status: { replicas: 3, readyReplicas: 2 },
    });
    expect(printReplicationController(rc, ctx).cells).toEqual([
      'kubia-v1',
      3,
      3,
      2,
      '46s',
      'nodejs,proxy',
      'luksa/kubia:v2,envoy:1.30',
      'app=kubia,env=prod',
    ]);
  });

  it('no template, no status, no selector', () => {
    const rc = obj('v1', 'ReplicationController', { metadata: { name: 'rc' }, spec: { replicas: 2 } });
    expect(printReplicationController(rc, ctx).cells).toEqual(['rc', 2, 0, 0, '<unknown>', '', '', '<none>']);
  });
});
