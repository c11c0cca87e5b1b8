import { describe, expect, it } from 'vitest';
import { start } from '../../../../sandbox/controllers/garbagecollector/index';
import type { KubeObject, OwnerReference } from '../../../../sandbox/api/types';
import type { ClusterContext } from '../../../../sandbox/cluster/context';
import { harness, podInput } from '../endpoints/harness';

function ref(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
};

/** Deployment → ReplicaSet → 3 pods, ownerReferences set by hand (no workload controllers run). */
function tree(ctx: ClusterContext, opts: { node?: string } = {}) {
  const { api } = ctx;
  const deploy = api.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
  });
  const rs = api.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d4f8', namespace: 'default', ownerReferences: [ref(deploy)] },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
  });
  const pods = [1, 2, 3].map((i) => {
    const input = podInput(`web-5d4f8-${i}`, { app: 'web' }, { node: opts.node });
    input.metadata!.ownerReferences = [ref(rs)];
    return api.create(input);
  });
  return { deploy, rs, pods };
}

function count(ctx: ClusterContext, plural: string): number {
  return ctx.api.list(plural, 'default').items.length;
}

describe('garbage collector', () => {
  it('background: dependents of a vanished owner go, recursively', () => {
    const h = harness([start]);
    const { api } = h.ctx;
    tree(h.ctx);
    h.settle();
    api.delete('deployments', 'default', 'web', { propagationPolicy: 'Background' });
    expect(api.exists('deployments', 'default', 'web')).toBe(false);
    h.settle();
    expect(count(h.ctx, 'replicasets')).toBe(0);
    expect(count(h.ctx, 'pods')).toBe(0);
  });

  it('background: a new owner with the same name but another UID does not save dependents', () => {
    const h = harness([start]);
    const { api } = h.ctx;
    const { rs } = tree(h.ctx);
    h.settle();
    api.delete('replicasets', 'default', rs.metadata.name!, { propagationPolicy: 'Orphan' });
    h.settle();
    // Orphaned first: pods survive without owner references.
    expect(count(h.ctx, 'pods')).toBe(3);
    expect(api.list('pods', 'default').items.every((p) => !p.metadata.ownerReferences)).toBe(true);
    // Now point a pod at a stale UID of a same-named, recreated ReplicaSet.
    const again = api.create({
      ...rs,
      metadata: {
        name: rs.metadata.name,
        namespace: 'default',
        ownerReferences: rs.metadata.ownerReferences,
      },
    });
    expect(again.metadata.uid).not.toBe(rs.metadata.uid);
    api.patch('pods', 'default', 'web-5d4f8-1', { metadata: { ownerReferences: [ref(rs)] } }, 'merge');
    h.settle();
    expect(api.exists('pods', 'default', 'web-5d4f8-1')).toBe(false);
    expect(count(h.ctx, 'pods')).toBe(2);
  });

  it('foreground: pods first, then the ReplicaSet, then the Deployment', () => {
    const h = harness([start]);
    const { api } = h.ctx;
    tree(h.ctx, { node: 'node-1' });
    h.settle();
    api.delete('deployments', 'default', 'web', { propagationPolicy: 'Foreground' });
    h.settle();
    // Pods on a node terminate gracefully: everything waits for them.
    const deploy = api.get('deployments', 'default', 'web');
    expect(deploy.metadata.finalizers).toEqual(['foregroundDeletion']);
    const rs = api.get('replicasets', 'default', 'web-5d4f8');
    expect(rs.metadata.deletionTimestamp).toBeDefined();
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    const pods = api.list('pods', 'default').items;
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.metadata.deletionTimestamp)).toBe(true);
    // The kubelet's final delete (grace 0) removes them; then the chain unwinds.
    for (const p of pods) api.delete('pods', 'default', p.metadata.name!, { gracePeriodSeconds: 0 });
    h.settle();
    expect(count(h.ctx, 'replicasets')).toBe(0);
    expect(count(h.ctx, 'deployments')).toBe(0);
  });

  it('foreground: non-blocking dependents are deleted but do not hold the owner', () => {
    const h = harness([start]);
    const { api } = h.ctx;
    const cm = api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'owner', namespace: 'default' },
    });
    const input = podInput('dep', { a: 'b' }, { node: 'node-1' });
    input.metadata!.ownerReferences = [{ ...ref(cm), blockOwnerDeletion: false }];
    api.create(input);
    h.settle();
    api.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Foreground' });
    h.settle();
    expect(api.exists('configmaps', 'default', 'owner')).toBe(false);
    expect(api.get('pods', 'default', 'dep').metadata.deletionTimestamp).toBeDefined();
  });

  it('orphan: dependents lose the reference and live on', () => {
    const h = harness([start]);
    const { api } = h.ctx;
    const { rs } = tree(h.ctx);
    h.settle();
    api.delete('deployments', 'default', 'web', { propagationPolicy: 'Orphan' });
    h.settle();
    expect(api.exists('deployments', 'default', 'web')).toBe(false);
    const left = api.get('replicasets', 'default', rs.metadata.name!);
    expect(left.metadata.ownerReferences).toBeUndefined();
    expect(count(h.ctx, 'pods')).toBe(3);
  });

  it('keeps a dependent that still has another owner, dropping only the dead reference', () => {
    const h = harness([start]);
    const { api } = h.ctx;
    const a = api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'default' },
    });
    const b = api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'b', namespace: 'default' },
    });
    const input = podInput('shared', { a: 'b' });
    input.metadata!.ownerReferences = [ref(a), { ...ref(b), controller: false }];
    api.create(input);
    h.settle();
    api.delete('configmaps', 'default', 'a');
    h.settle();
    const pod = api.get('pods', 'default', 'shared');
    expect(pod.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
  });

  it('collects dependents created with an owner that never existed', () => {
    const h = harness([start]);
    const { api } = h.ctx;
    const input = podInput('lost', { a: 'b' });
    input.metadata!.ownerReferences = [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'ghost',
        uid: '00000000-0000-4000-8000-000000000000',
      },
    ];
    api.create(input);
    h.settle();
    expect(api.exists('pods', 'default', 'lost')).toBe(false);
  });
});

describe('garbage collector and endpoint slices', () => {
  it("removes a deleted Service's EndpointSlices through their owner reference", async () => {
    const { start: startEndpoints } = await import('../../../../sandbox/controllers/endpoints/index');
    const { serviceInput } = await import('../endpoints/harness');
    const h = harness([start, startEndpoints]);
    const { api } = h.ctx;
    api.create(serviceInput('web', { app: 'web' }));
    h.settle();
    expect(count(h.ctx, 'endpointslices')).toBe(1);
    expect(api.exists('endpoints', 'default', 'web')).toBe(true);
    api.delete('services', 'default', 'web');
    h.settle();
    expect(count(h.ctx, 'endpointslices')).toBe(0);
    expect(api.exists('endpoints', 'default', 'web')).toBe(false);
  });
});
