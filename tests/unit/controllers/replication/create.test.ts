import { describe, expect, it } from 'vitest';
import { NAME_SUFFIX_ALPHABET } from '../../../../sandbox/clock/random';
import { slowStartBatch } from '../../../../sandbox/controllers/replication/manage';
import { podNamePrefix } from '../../../../sandbox/controllers/replication/podcontrol';
import { onNode, pod, rc, rs, settle, setup, status } from './helpers';

const suffix = `[${NAME_SUFFIX_ALPHABET}]{5}`;

describe('creating pods', () => {
  it.each([
    {
      what: 'RC with a defaulted selector',
      input: rc('kubia-v1', 3),
      plural: 'replicationcontrollers',
      name: 'kubia-v1',
      source: 'replication-controller',
    },
    {
      what: 'RC with an explicit selector',
      input: rc('kubia-v1', 3, { selector: { app: 'kubia' } }),
      plural: 'replicationcontrollers',
      name: 'kubia-v1',
      source: 'replication-controller',
    },
    {
      what: 'ReplicaSet',
      input: rs('kubia', 3),
      plural: 'replicasets',
      name: 'kubia',
      source: 'replicaset-controller',
    },
  ])(
    '$what creates its pods with generateName, template and controllerRef',
    ({ input, plural, name, source }) => {
      const env = setup();
      const owner = env.ctx.api.create(input);
      settle(env);
      const pods = env.pods();
      expect(pods).toHaveLength(3);
      for (const p of pods) {
        expect(p.metadata.name).toMatch(new RegExp(`^${name}-${suffix}$`));
        expect(p.metadata.generateName).toBe(`${name}-`);
        expect(p.metadata.labels).toEqual({ app: 'kubia' });
        expect(p.metadata.ownerReferences).toEqual([
          {
            apiVersion: owner.apiVersion,
            kind: owner.kind,
            name,
            uid: owner.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ]);
        expect((p.spec as { containers: Array<{ image: string }> }).containers[0].image).toBe(
          'luksa/kubia:v1',
        );
      }
      const created = env.events('SuccessfulCreate');
      expect(created.map((e) => e.message).sort()).toEqual(
        pods.map((p) => `Created pod: ${p.metadata.name}`).sort(),
      );
      for (const e of created) {
        expect(e.source).toEqual({ component: source });
        expect(e.involvedObject).toMatchObject({ kind: owner.kind, name, uid: owner.metadata.uid });
      }
      expect(status(env, plural, name)).toMatchObject({
        replicas: 3,
        fullyLabeledReplicas: 3,
        observedGeneration: 1,
      });
    },
  );

  it('copies template annotations onto the pods', () => {
    const env = setup();
    env.ctx.api.create(rs('kubia', 1));
    settle(env);
    expect(env.pods()[0].metadata.annotations).toEqual({ note: 'from-template' });
  });

  it.each([
    { what: 'an unscheduled pod is removed at once', node: undefined },
    { what: 'a scheduled pod is still terminating', node: 'node-1' },
  ])('replaces a deleted pod: $what', ({ node }) => {
    const env = setup();
    env.ctx.api.create(node ? onNode(rc('kubia-v1', 3), node) : rc('kubia-v1', 3));
    settle(env);
    const victim = env.pods()[0].metadata.name!;
    env.ctx.api.delete('pods', 'default', victim);
    settle(env);
    const live = env.pods().filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.map((p) => p.metadata.name)).not.toContain(victim);
    expect(env.ctx.api.exists('pods', 'default', victim)).toBe(!!node);
    expect(status(env, 'replicationcontrollers', 'kubia-v1').replicas).toBe(3);
  });

  it('scales up and down through spec.replicas', () => {
    const env = setup();
    env.ctx.api.create(rs('kubia', 2));
    settle(env);
    env.ctx.api.patch('replicasets', 'default', 'kubia', { spec: { replicas: 5 } }, 'merge');
    settle(env);
    expect(env.pods()).toHaveLength(5);
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({ replicas: 5, observedGeneration: 2 });
    env.ctx.api.patch('replicasets', 'default', 'kubia', { spec: { replicas: 1 } }, 'merge');
    settle(env);
    expect(env.pods()).toHaveLength(1);
    expect(env.events('SuccessfulDelete')).toHaveLength(4);
    expect(env.events('SuccessfulDelete')[0].message).toMatch(new RegExp(`^Deleted pod: kubia-${suffix}$`));
  });

  it('does not create pods for an owner being deleted', () => {
    const env = setup();
    env.ctx.api.create(rs('kubia', 2));
    settle(env);
    env.ctx.api.delete('replicasets', 'default', 'kubia', { propagationPolicy: 'Foreground' });
    settle(env);
    env.ctx.api.delete('pods', 'default', env.pods()[0].metadata.name!);
    settle(env, 5);
    expect(env.pods()).toHaveLength(1);
  });

  it('ignores pods that are not its own and finished pods', () => {
    const env = setup();
    env.ctx.api.create({ ...pod('other'), metadata: { name: 'other', labels: { app: 'other' } } });
    env.ctx.api.create(rs('kubia', 2));
    settle(env);
    const [first] = env.pods('app=kubia');
    const p = env.ctx.api.get('pods', 'default', first.metadata.name!);
    p.status = { ...(p.status as object), phase: 'Succeeded' };
    env.ctx.api.updateStatus(p);
    settle(env);
    expect(
      env.pods('app=kubia').filter((x) => (x.status as { phase: string }).phase !== 'Succeeded'),
    ).toHaveLength(2);
    expect(status(env, 'replicasets', 'kubia').replicas).toBe(2);
  });
});

describe('slow start', () => {
  it.each([
    { count: 10, failFrom: Infinity, calls: 10, successes: 10, batches: [1, 2, 4, 3] },
    {
      count: 500,
      failFrom: Infinity,
      calls: 500,
      successes: 500,
      batches: [1, 2, 4, 8, 16, 32, 64, 128, 245],
    },
    { count: 10, failFrom: 0, calls: 1, successes: 0, batches: [1] },
    { count: 10, failFrom: 1, calls: 3, successes: 1, batches: [1, 2] },
    { count: 10, failFrom: 3, calls: 7, successes: 3, batches: [1, 2, 4] },
    { count: 10, failFrom: 5, calls: 7, successes: 5, batches: [1, 2, 4] },
    { count: 500, failFrom: 100, calls: 127, successes: 100, batches: [1, 2, 4, 8, 16, 32, 64] },
  ])('count $count failing from call $failFrom', ({ count, failFrom, calls, successes, batches }) => {
    let n = 0;
    const result = slowStartBatch(count, 1, () => {
      if (n++ >= failFrom) throw new Error('quota');
    });
    expect(n).toBe(calls);
    expect(result.successes).toBe(successes);
    expect(result.error !== undefined).toBe(failFrom < count);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(calls);
  });

  it('creates at most 500 pods per sync (burstReplicas)', () => {
    const env = setup({ podQuota: 2000, maxPods: 2000 });
    let attempts = 0;
    const create = env.ctx.api.create.bind(env.ctx.api);
    env.ctx.api.create = (input, opts) => {
      if (input.kind === 'Pod') attempts++;
      return create(input, opts);
    };
    env.ctx.api.create(rs('kubia', 0));
    settle(env);
    env.ctx.api.patch('replicasets', 'default', 'kubia', { spec: { replicas: 600 } }, 'merge');
    env.ctx.clock.flush();
    // The first sync creates 500; the next one (after all 500 were observed) the remaining 100.
    expect(attempts).toBe(600);
    expect(env.pods()).toHaveLength(600);
  });

  it('uses the bare name as prefix when the dashed one would be too long', () => {
    expect(podNamePrefix('kubia')).toBe('kubia-');
    expect(podNamePrefix('a'.repeat(253))).toBe('a'.repeat(253));
  });
});
