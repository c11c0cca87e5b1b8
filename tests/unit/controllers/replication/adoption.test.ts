import { describe, expect, it } from 'vitest';
import { onNode, pod, rc, rs, settle, setup } from './helpers';

describe('adoption and release', () => {
  it.each([
    { kind: 'ReplicationController', input: rc('kubia-v1', 3), apiVersion: 'v1', name: 'kubia-v1' },
    { kind: 'ReplicaSet', input: rs('kubia', 3), apiVersion: 'apps/v1', name: 'kubia' },
  ])(
    '$kind adopts matching orphans and creates only the missing pods',
    ({ kind, input, apiVersion, name }) => {
      const env = setup();
      const api = env.ctx.api;
      api.create(pod('orphan-1'));
      api.create(pod('orphan-2'));
      api.create(pod('unrelated', { app: 'other' }));
      const owner = api.create(input);
      settle(env);
      const mine = env.pods('app=kubia');
      expect(mine).toHaveLength(3);
      for (const n of ['orphan-1', 'orphan-2']) {
        expect(api.get('pods', 'default', n).metadata.ownerReferences).toEqual([
          { apiVersion, kind, name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true },
        ]);
      }
      expect(api.get('pods', 'default', 'unrelated').metadata.ownerReferences).toBeUndefined();
      expect(env.events('SuccessfulCreate')).toHaveLength(1);
    },
  );

  it('does not adopt pods controlled by someone else or being deleted', () => {
    const env = setup();
    const api = env.ctx.api;
    const owned = pod('owned');
    owned.metadata = {
      name: 'owned',
      labels: { app: 'kubia' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'ghost',
          uid: '00000000-0000-4000-8000-0000000000aa',
          controller: true,
        },
      ],
    };
    api.create(owned);
    api.create(onNode(pod('leaving'), 'node-1'));
    api.delete('pods', 'default', 'leaving');
    api.create(rc('kubia-v1', 2));
    settle(env);
    expect(api.get('pods', 'default', 'owned').metadata.ownerReferences?.[0].name).toBe('ghost');
    expect(api.get('pods', 'default', 'leaving').metadata.ownerReferences).toBeUndefined();
    expect(env.pods('app=kubia')).toHaveLength(4);
  });

  it('releases a pod whose labels stop matching and replaces it', () => {
    const env = setup();
    const api = env.ctx.api;
    api.create(rc('kubia-v1', 3));
    settle(env);
    const victim = env.pods()[0].metadata.name!;
    api.patch('pods', 'default', victim, { metadata: { labels: { app: 'foo' } } }, 'merge');
    settle(env);
    // (The simulated API keeps an empty list after the `$patch: delete`; the real one omits it.)
    expect(api.get('pods', 'default', victim).metadata.ownerReferences ?? []).toEqual([]);
    expect(env.pods('app=kubia')).toHaveLength(3);
    expect(env.pods()).toHaveLength(4);
    // Labelling it back: the RC adopts it again and deletes one pod to get back to 3.
    api.patch('pods', 'default', victim, { metadata: { labels: { app: 'kubia' } } }, 'merge');
    settle(env);
    expect(env.pods('app=kubia')).toHaveLength(3);
    expect(env.events('SuccessfulDelete')).toHaveLength(1);
  });

  it('an orphaned RC\u2019s pods are adopted by a new RC with the same selector', () => {
    const env = setup();
    const api = env.ctx.api;
    api.create(rc('kubia-v1', 3));
    settle(env);
    const before = env
      .pods()
      .map((p) => p.metadata.name)
      .sort();
    // Without a kubelet nothing is terminating; raw RC delete defaults to Orphan, but there is no GC
    // here, so strip the owner references as the GC would.
    api.delete('replicationcontrollers', 'default', 'kubia-v1', { propagationPolicy: 'Orphan' });
    for (const n of before) {
      api.patch('pods', 'default', n!, { metadata: { ownerReferences: null } }, 'merge');
    }
    const rcObj = api.get('replicationcontrollers', 'default', 'kubia-v1');
    api.patch('replicationcontrollers', 'default', 'kubia-v1', { metadata: { finalizers: null } }, 'merge');
    expect(api.exists('replicationcontrollers', 'default', 'kubia-v1')).toBe(false);
    settle(env);
    const fresh = api.create(rc('kubia-v2', 3));
    settle(env);
    expect(fresh.metadata.uid).not.toBe(rcObj.metadata.uid);
    expect(
      env
        .pods()
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(before);
    for (const p of env.pods()) expect(p.metadata.ownerReferences?.[0].name).toBe('kubia-v2');
  });
});
