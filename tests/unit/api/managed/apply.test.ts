import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../../sandbox/api/errors';
import { apiOnly, deployment, entries, entryOf } from './helpers';

function statusOf(fn: () => unknown): StatusError['status'] {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e.status;
    throw e;
  }
  throw new Error('expected a Status error');
}

describe('server-side apply', () => {
  it('creates a missing object; the applier owns exactly the applied fields', () => {
    const { api } = apiOnly();
    const d = api.patch('deployments', 'default', 'kubia', deployment(), 'apply', {
      fieldManager: 'kubectl',
    });
    expect(d.metadata.uid).toBeTruthy();
    expect(entries(d)).toHaveLength(1);
    const e = entryOf(d, 'kubectl', 'Apply')!;
    expect(e.time).toBe(d.metadata.creationTimestamp);
    expect(e.fieldsV1).toEqual({
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:containers': {
              'k:{"name":"kubia"}': {
                '.': {},
                'f:image': {},
                'f:name': {},
                'f:ports': {
                  'k:{"containerPort":8080,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} },
                },
              },
            },
          },
        },
      },
    });
    // Defaults are still filled in; nobody owns them.
    expect((d.spec as { strategy?: { type?: string } }).strategy?.type).toBe('RollingUpdate');
  });

  it('re-applying merges: a changed field is updated, other fields stay, the entry time moves', () => {
    const { api, clock } = apiOnly();
    api.patch('deployments', 'default', 'kubia', deployment(), 'apply', { fieldManager: 'kubectl' });
    clock.advance(60);
    const same = api.patch('deployments', 'default', 'kubia', deployment(), 'apply', {
      fieldManager: 'kubectl',
    });
    expect(entryOf(same, 'kubectl', 'Apply')!.time).toBe('2026-01-01T09:00:00Z');
    const d = api.patch('deployments', 'default', 'kubia', deployment('luksa/kubia:v2'), 'apply', {
      fieldManager: 'kubectl',
    });
    const spec = d.spec as { template: { spec: { containers: Array<{ image: string; ports: unknown[] }> } } };
    expect(spec.template.spec.containers[0].image).toBe('luksa/kubia:v2');
    expect(spec.template.spec.containers[0].ports).toHaveLength(1);
    expect(entryOf(d, 'kubectl', 'Apply')!.time).toBe('2026-01-01T09:01:00Z');
  });

  it('fields the applier stops applying are removed, unless another manager owns them', () => {
    const { api } = apiOnly();
    const withLabels = (labels: Record<string, string>) => ({
      ...deployment(),
      metadata: { name: 'kubia', labels },
    });
    api.patch('deployments', 'default', 'kubia', withLabels({ a: '1', b: '2' }), 'apply', {
      fieldManager: 'kubectl',
    });
    // Another applier co-owns b.
    api.patch(
      'deployments',
      'default',
      'kubia',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia', labels: { b: '2' } } },
      'apply',
      { fieldManager: 'other' },
    );
    const d = api.patch('deployments', 'default', 'kubia', withLabels({}), 'apply', {
      fieldManager: 'kubectl',
    });
    expect(d.metadata.labels).toEqual({ b: '2' });
    // A list item and a whole field go too.
    const noPorts = deployment() as {
      spec: { template: { spec: { containers: Array<Record<string, unknown>> } } };
    };
    delete noPorts.spec.template.spec.containers[0].ports;
    const e = api.patch('deployments', 'default', 'kubia', noPorts, 'apply', { fieldManager: 'kubectl' });
    const c = (e.spec as typeof noPorts.spec).template.spec.containers[0];
    expect(c.ports).toBeUndefined();
  });

  it('a conflict with another manager is a 409 with the real wording; force takes the field over', () => {
    const { api } = apiOnly();
    api.patch('deployments', 'default', 'kubia', deployment(), 'apply', { fieldManager: 'kubectl' });
    api.patchScale('deployments', 'default', 'kubia', { spec: { replicas: 5 } }, 'merge', {
      userAgent: 'kubectl/v1.32.0 (linux/amd64)',
    });
    const s = statusOf(() =>
      api.patch('deployments', 'default', 'kubia', deployment(), 'apply', { fieldManager: 'kubectl' }),
    );
    expect(s).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
      reason: 'Conflict',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "kubectl" with subresource "scale" using apps/v1',
            field: '.spec.replicas',
          },
        ],
      },
      code: 409,
    });
    // Applying the live value is no conflict: both own it.
    const shared = api.patch('deployments', 'default', 'kubia', deployment('luksa/kubia:v1', 5), 'apply', {
      fieldManager: 'kubectl',
    });
    expect(entryOf(shared, 'kubectl', 'Update')?.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    const forced = api.patch('deployments', 'default', 'kubia', deployment(), 'apply', {
      fieldManager: 'kubectl',
      force: true,
    });
    expect((forced.spec as { replicas: number }).replicas).toBe(3);
    expect(entries(forced).map((e) => `${e.manager}/${e.operation}`)).toEqual(['kubectl/Apply']);
  });

  it('several conflicts are listed by manager', () => {
    const { api } = apiOnly();
    api.patch('deployments', 'default', 'kubia', deployment(), 'apply', { fieldManager: 'kubectl' });
    api.patch('deployments', 'default', 'kubia', { spec: { replicas: 4, minReadySeconds: 1 } }, 'merge', {
      fieldManager: 'kubectl-patch',
    });
    api.patch(
      'deployments',
      'default',
      'kubia',
      { spec: { template: { spec: { containers: [{ name: 'kubia', image: 'nginx' }] } } } },
      'strategic',
      { fieldManager: 'kubectl-set' },
    );
    const s = statusOf(() =>
      api.patch('deployments', 'default', 'kubia', deployment(), 'apply', { fieldManager: 'kubectl' }),
    );
    expect(s.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "kubectl-patch" using apps/v1:\n- .spec.replicas\n' +
        'conflicts with "kubectl-set" using apps/v1:\n- .spec.template.spec.containers[name="kubia"].image',
    );
    expect(s.details?.causes?.map((c) => c.field)).toEqual([
      '.spec.replicas',
      '.spec.template.spec.containers[name="kubia"].image',
    ]);
  });

  it('apply to /scale owns spec.replicas under subresource scale', () => {
    const { api } = apiOnly();
    api.patch('deployments', 'default', 'kubia', deployment(), 'apply', { fieldManager: 'kubectl' });
    const scaleApply = {
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      metadata: { name: 'kubia' },
      spec: { replicas: 7 },
    };
    const conflictStatus = statusOf(() =>
      api.patchScale('deployments', 'default', 'kubia', scaleApply, 'apply', { fieldManager: 'hpa' }),
    );
    expect(conflictStatus.message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas',
    );
    const scale = api.patchScale('deployments', 'default', 'kubia', scaleApply, 'apply', {
      fieldManager: 'hpa',
      force: true,
    });
    expect((scale.spec as { replicas: number }).replicas).toBe(7);
    const d = api.get('deployments', 'default', 'kubia');
    const hpa = entryOf(d, 'hpa', 'Apply')!;
    expect(hpa).toMatchObject({ subresource: 'scale', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
    expect(entryOf(d, 'kubectl', 'Apply')!.fieldsV1['f:spec']['f:replicas']).toBeUndefined();
  });

  it('checks its options and configuration as the real server does', () => {
    const { api } = apiOnly();
    const noManager = statusOf(() => api.patch('deployments', 'default', 'kubia', deployment(), 'apply', {}));
    expect(noManager.code).toBe(422);
    expect(noManager.message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
    const force = statusOf(() =>
      api.patch('deployments', 'default', 'kubia', {}, 'merge', { fieldManager: 'x', force: true }),
    );
    expect(force.message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    );
    const version = statusOf(() =>
      api.patch('deployments', 'default', 'kubia', { ...deployment(), apiVersion: 'apps/v1beta1' }, 'apply', {
        fieldManager: 'x',
      }),
    );
    expect(version.message).toBe(
      'Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1',
    );
    const managed = statusOf(() =>
      api.patch(
        'deployments',
        'default',
        'kubia',
        { ...deployment(), metadata: { name: 'kubia', managedFields: [] } },
        'apply',
        { fieldManager: 'x' },
      ),
    );
    expect(managed.message).toBe('metadata.managedFields must be nil');
  });

  it('dry run answers the result and stores nothing', () => {
    const { api } = apiOnly();
    const d = api.patch('deployments', 'default', 'kubia', deployment(), 'apply', {
      fieldManager: 'kubectl',
      dryRun: true,
    });
    expect(entries(d)).toHaveLength(1);
    expect(api.exists('deployments', 'default', 'kubia')).toBe(false);
  });
});
