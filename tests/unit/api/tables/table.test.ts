import { describe, expect, it } from 'vitest';
import { toTable } from '../../../../sandbox/api/tables';
import type { ResourceInfo } from '../../../../sandbox/api/resources';
import type { KubeObject } from '../../../../sandbox/api/types';
import { MINUTE, NOW, SECOND, ago, obj, resource } from './fixtures';

const metadata = (name: string) => ({
  name,
  namespace: 'default',
  uid: `uid-${name}`,
  resourceVersion: '1015',
  creationTimestamp: ago(5 * SECOND),
  labels: { app: 'kubia', env: 'dev' },
  managedFields: [{ manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1' }],
});

const cm = (name: string): KubeObject =>
  obj('v1', 'ConfigMap', { metadata: metadata(name), data: { a: '1' } });

describe('toTable', () => {
  it('the Table envelope: kind, apiVersion, resourceVersion, rows in the given order', () => {
    const t = toTable(resource('configmaps'), [cm('b'), cm('a')], { now: NOW, resourceVersion: '1022' });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '1022' });
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['b', 1, '5s'],
      ['a', 1, '5s'],
    ]);
    expect(toTable(resource('configmaps'), [], { now: NOW }).metadata).toEqual({});
  });

  it('includeObject defaults to Metadata: a PartialObjectMetadata with the whole ObjectMeta', () => {
    const c = cm('kubia');
    const row = toTable(resource('configmaps'), [c], { now: NOW }).rows[0];
    expect(row.object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: c.metadata,
    });
    expect(row.object).not.toHaveProperty('data');
  });

  it('includeObject=Object carries the full object; None omits it', () => {
    const c = cm('kubia');
    expect(toTable(resource('configmaps'), [c], { now: NOW, includeObject: 'Object' }).rows[0].object).toBe(
      c,
    );
    const bare = { metadata: metadata('x'), data: {} } as unknown as KubeObject;
    expect(
      toTable(resource('configmaps'), [bare], { now: NOW, includeObject: 'Object' }).rows[0].object,
    ).toMatchObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: {},
    });
    const none = toTable(resource('configmaps'), [c], { now: NOW, includeObject: 'None' }).rows[0];
    expect(none).toEqual({ cells: ['kubia', 1, '5s'] });
  });

  it('noHeaders drops the column definitions', () => {
    expect(toTable(resource('pods'), [], { now: NOW, noHeaders: true }).columnDefinitions).toEqual([]);
  });

  it('pods carry row conditions when Succeeded / Failed', () => {
    const done = obj('v1', 'Pod', {
      metadata: metadata('job'),
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
      status: {
        phase: 'Succeeded',
        containerStatuses: [
          {
            name: 'c',
            ready: false,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
        ],
      },
    });
    const row = toTable(resource('pods'), [done], { now: NOW }).rows[0];
    expect(row.cells.slice(0, 5)).toEqual(['job', '0/1', 'Completed', '0', '5s']);
    expect(row.conditions).toEqual([
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ]);
  });

  it('a resource without a printer falls back to Name / Created At', () => {
    const widgets: ResourceInfo = {
      ...resource('configmaps'),
      plural: 'widgets',
      singular: 'widget',
      kind: 'Widget',
      group: 'example.com',
    };
    const w = obj('example.com/v1', 'Widget', {
      metadata: { name: 'w', creationTimestamp: ago(3 * MINUTE) },
    });
    const t = toTable(widgets, [w], { now: NOW });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Created At']);
    expect(t.rows[0].cells).toEqual(['w', '2024-06-01T11:57:00Z']);
  });

  it('matches the wire capture of `kubectl get po` (stub log)', () => {
    const pod = obj('v1', 'Pod', {
      metadata: metadata('kubia-manual'),
      spec: { nodeName: 'node-1', containers: [{ name: 'kubia', image: 'luksa/kubia' }] },
      status: {
        phase: 'Running',
        podIP: '10.244.0.241',
        podIPs: [{ ip: '10.244.0.241' }],
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'kubia',
            ready: true,
            started: true,
            restartCount: 0,
            image: '',
            imageID: '',
            state: { running: {} },
          },
        ],
      },
    });
    const t = toTable(resource('pods'), [pod], { now: NOW, resourceVersion: '1022' });
    expect(t.rows[0].cells).toEqual([
      'kubia-manual',
      '1/1',
      'Running',
      '0',
      '5s',
      '10.244.0.241',
      'node-1',
      '<none>',
      '<none>',
    ]);
    expect(JSON.parse(JSON.stringify(t)).rows[0].object.kind).toBe('PartialObjectMetadata');
  });
});
