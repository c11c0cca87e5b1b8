import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../sandbox/index';
import { deployment, pod, rc, statusOf } from './fixtures';

describe('update', () => {
  it('bumps generation on spec changes only and keeps status', () => {
    const { api } = createSandbox({ cluster: false });
    const d = api.create(deployment());
    d.metadata.labels = { team: 'a' };
    const labelled = api.update(d);
    expect(labelled.metadata.generation).toBe(1);
    (labelled.spec as { replicas: number }).replicas = 5;
    (labelled as unknown as { status: unknown }).status = { replicas: 99 };
    const scaled = api.update(labelled);
    expect(scaled.metadata.generation).toBe(2);
    expect(scaled.status).toEqual({});
  });

  it('refuses a stale resourceVersion with 409 Conflict', () => {
    const { api } = createSandbox({ cluster: false });
    const d = api.create(deployment());
    const stale = structuredClone(d);
    (d.spec as { replicas: number }).replicas = 4;
    api.update(d);
    expect(statusOf(() => api.update(stale))).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on deployments.apps "kubia": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('keeps the resourceVersion when nothing changes', () => {
    const { api } = createSandbox({ cluster: false });
    const d = api.create(deployment());
    expect(api.update(structuredClone(d)).metadata.resourceVersion).toBe(d.metadata.resourceVersion);
    expect(
      api.patch('deployments', 'default', 'kubia', { spec: { replicas: 3 } }, 'merge').metadata
        .resourceVersion,
    ).toBe(d.metadata.resourceVersion);
  });

  it('refuses to change a Deployment selector', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(deployment());
    const s = statusOf(() =>
      api.patch(
        'deployments',
        'default',
        'kubia',
        {
          spec: {
            selector: { matchLabels: { app: 'new' } },
            template: { metadata: { labels: { app: 'new' } } },
          },
        },
        'strategic',
      ),
    );
    expect(s.code).toBe(422);
    expect(s.message).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"new"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('lets a ReplicationController selector change', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(rc());
    const c = api.patch(
      'replicationcontrollers',
      'default',
      'kubia-v1',
      {
        spec: {
          selector: { app: 'kubia', deployment: 'abc' },
          template: { metadata: { labels: { app: 'kubia', deployment: 'abc' } } },
        },
      },
      'strategic',
    );
    expect((c.spec as { selector: unknown }).selector).toEqual({ app: 'kubia', deployment: 'abc' });
  });

  it('status updates change status only', () => {
    const { api } = createSandbox({ cluster: false });
    const d = api.create(deployment());
    const s = api.updateStatus({
      ...d,
      spec: { ...(d.spec as object), replicas: 10 },
      status: { replicas: 3, observedGeneration: 1 },
    });
    expect(s.status).toEqual({ replicas: 3, observedGeneration: 1 });
    expect((s.spec as { replicas: number }).replicas).toBe(3);
    expect(s.metadata.generation).toBe(1);
  });
});

describe('patch', () => {
  it('applies the three patch types', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(deployment());
    api.patch(
      'deployments',
      'default',
      'kubia',
      { spec: { template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] } } } },
      'strategic',
    );
    let d = api.get('deployments', 'default', 'kubia');
    const containers = (
      d.spec as { template: { spec: { containers: Array<{ image: string; imagePullPolicy: string }> } } }
    ).template.spec.containers;
    expect(containers).toHaveLength(1);
    expect(containers[0].image).toBe('luksa/kubia:v2');
    expect(containers[0].imagePullPolicy).toBe('IfNotPresent');
    api.patch('deployments', 'default', 'kubia', { metadata: { annotations: { note: 'x' } } }, 'merge');
    api.patch(
      'deployments',
      'default',
      'kubia',
      [{ op: 'replace', path: '/spec/replicas', value: 5 }],
      'json',
    );
    d = api.get('deployments', 'default', 'kubia');
    expect(d.metadata.annotations).toEqual({ note: 'x' });
    expect((d.spec as { replicas: number }).replicas).toBe(5);
    expect(d.metadata.generation).toBe(4); // image, annotation (Deployments count those) and replicas
  });

  it('refuses a patch that makes the object invalid and leaves it unchanged', () => {
    const { api } = createSandbox({ cluster: false });
    const before = api.create(deployment());
    const s = statusOf(() =>
      api.patch('deployments', 'default', 'kubia', { spec: { replicas: -1 } }, 'merge'),
    );
    expect(s.message).toBe(
      'Deployment.apps "kubia" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(api.get('deployments', 'default', 'kubia')).toEqual(before);
  });
});

describe('scale subresource', () => {
  it('reads and writes spec.replicas through an autoscaling/v1 Scale', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(deployment());
    expect(api.getScale('deployments', 'default', 'kubia')).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 3 },
      status: { replicas: 0, selector: 'app=kubia' },
    });
    api.patchScale('deployments', 'default', 'kubia', { spec: { replicas: 5 } }, 'merge');
    expect((api.get('deployments', 'default', 'kubia').spec as { replicas: number }).replicas).toBe(5);
    expect(
      statusOf(() => api.updateScale('deployments', 'default', 'kubia', { spec: { replicas: -2 } })).message,
    ).toBe(
      'Scale.autoscaling "kubia" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0',
    );
    expect(statusOf(() => api.getScale('pods', 'default', 'x')).code).toBe(404);
  });
});

describe('delete', () => {
  it('removes an unscheduled pod at once and makes a scheduled one terminate gracefully', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(pod('pending'));
    const gone = api.delete('pods', 'default', 'pending');
    expect(gone.metadata.name).toBe('pending');
    expect(api.exists('pods', 'default', 'pending')).toBe(false);

    api.create(pod('running', { app: 'kubia' }, { nodeName: 'node-1' }));
    const t = api.delete('pods', 'default', 'running');
    expect(t.metadata.deletionTimestamp).toBe('2026-01-01T09:00:30Z');
    expect(t.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(api.exists('pods', 'default', 'running')).toBe(true);
    const shorter = api.delete('pods', 'default', 'running', { gracePeriodSeconds: 1 });
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(1);
    api.delete('pods', 'default', 'running', { gracePeriodSeconds: 0 });
    expect(api.exists('pods', 'default', 'running')).toBe(false);
  });

  it('records foreground and orphan deletion as finalizers for the garbage collector', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(deployment('fg'));
    api.create(deployment('orph'));
    api.create(deployment('bg'));
    const fg = api.delete('deployments', 'default', 'fg', { propagationPolicy: 'Foreground' });
    expect(fg.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(fg.metadata.deletionTimestamp).toBeTruthy();
    expect(fg.metadata.generation).toBe(2);
    expect(
      api.delete('deployments', 'default', 'orph', { propagationPolicy: 'Orphan' }).metadata.finalizers,
    ).toEqual(['orphan']);
    api.delete('deployments', 'default', 'bg');
    expect(api.exists('deployments', 'default', 'bg')).toBe(false);
  });

  it('orphans by default for ReplicationControllers, as the v1 API does', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(rc());
    expect(api.delete('replicationcontrollers', 'default', 'kubia-v1').metadata.finalizers).toEqual([
      'orphan',
    ]);
  });

  it('removes the object when its last finalizer goes', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(deployment());
    const d = api.delete('deployments', 'default', 'kubia', { propagationPolicy: 'Foreground' });
    api.patch('deployments', 'default', 'kubia', { metadata: { finalizers: null } }, 'merge');
    expect(api.exists('deployments', 'default', 'kubia')).toBe(false);
    expect(d.metadata.deletionTimestamp).toBeTruthy();
  });

  it('refuses to delete the default namespace', () => {
    const { api } = createSandbox({ cluster: false });
    expect(statusOf(() => api.delete('namespaces', undefined, 'default'))).toMatchObject({
      code: 403,
      message: 'namespaces "default" is forbidden: this namespace may not be deleted',
    });
  });

  it('deletes a collection by label', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(pod('a'));
    api.create(pod('b'));
    api.create(pod('c', { app: 'other' }));
    api.deleteCollection('pods', 'default', { labelSelector: 'app=kubia' });
    expect(api.list('pods', 'default').items.map((p) => p.metadata.name)).toEqual(['c']);
  });
});

describe('pods/binding', () => {
  it('assigns a node once, with the PodScheduled condition', () => {
    const { api } = createSandbox({ cluster: false });
    api.create(pod('a'));
    const bound = api.bindPod('default', 'a', 'node-2');
    expect((bound.spec as { nodeName: string }).nodeName).toBe('node-2');
    expect(
      (bound.status as { conditions: Array<{ type: string; status: string }> }).conditions,
    ).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
    expect(statusOf(() => api.bindPod('default', 'a', 'node-1'))).toMatchObject({
      code: 409,
      message:
        'Operation cannot be fulfilled on pods/binding "a": pod a is already assigned to node "node-2"',
    });
  });
});
