import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sandbox/api/types';
import { rc, rs, settle, setup, status, type Env } from './helpers';

function countPodCreates(env: Env): { attempts: number; refused: number } {
  const counter = { attempts: 0, refused: 0 };
  const create = env.ctx.api.create.bind(env.ctx.api);
  env.ctx.api.create = (input, opts) => {
    if (input.kind !== 'Pod') return create(input, opts);
    counter.attempts++;
    try {
      return create(input, opts);
    } catch (e) {
      counter.refused++;
      throw e;
    }
  };
  return counter;
}

const quotaMessage = (name: string, used: number, limit: number): string =>
  `pods "${name}-" is forbidden: exceeded quota: sandbox-quota, requested: pods=1, used: pods=${used}, limited: pods=${limit}`;

describe('pod quota refusals', () => {
  it.each([
    { kind: 'RC', input: rc('kubia', 5), plural: 'replicationcontrollers', source: 'replication-controller' },
    { kind: 'RS', input: rs('kubia', 5), plural: 'replicasets', source: 'replicaset-controller' },
  ])(
    '$kind reports FailedCreate with the API message and a ReplicaFailure condition',
    ({ input, plural, source }) => {
      const env = setup({ podQuota: 3 });
      env.ctx.api.create(input);
      settle(env);
      expect(env.pods()).toHaveLength(3);
      const [failed] = env.events('FailedCreate');
      expect(failed).toMatchObject({
        type: 'Warning',
        reason: 'FailedCreate',
        message: `Error creating: ${quotaMessage('kubia', 3, 3)}`,
        source: { component: source },
      });
      const st = status(env, plural, 'kubia') as {
        replicas: number;
        conditions: Array<Record<string, unknown>>;
      };
      expect(st.replicas).toBe(3);
      expect(st.conditions).toEqual([
        expect.objectContaining({
          type: 'ReplicaFailure',
          status: 'True',
          reason: 'FailedCreate',
          message: quotaMessage('kubia', 3, 3),
        }),
      ]);
      // Once the count is reachable again the condition goes away.
      env.ctx.api.patch(plural, 'default', 'kubia', { spec: { replicas: 3 } }, 'merge');
      settle(env);
      expect((status(env, plural, 'kubia') as { conditions?: unknown }).conditions).toBeUndefined();
    },
  );

  it('keeps replicas: 100000 cheap: slow start stops at the quota and retries back off', () => {
    const env = setup();
    const counter = countPodCreates(env);
    const started = performance.now();
    env.ctx.api.create(rs('kubia', 100000));
    env.ctx.clock.flush();
    // First sync: batches 1..64 (127 calls), the last one partly refused; then a call per re-sync.
    expect(counter.attempts).toBeLessThan(140);
    settle(env, 60);
    expect(env.pods()).toHaveLength(100);
    // Back-off doubles from 5 ms: a minute holds about a dozen more attempts, not thousands.
    expect(counter.attempts - 100).toBeLessThan(60);
    const before = counter.attempts;
    settle(env, 600);
    expect(counter.attempts - before).toBeLessThan(10);
    expect(performance.now() - started).toBeLessThan(5000);
    const [failed] = env.events('FailedCreate') as Array<KubeObject & { count: number; message: string }>;
    expect(failed.message).toBe(`Error creating: ${quotaMessage('kubia', 100, 100)}`);
    expect(failed.count).toBe(counter.refused);
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({ replicas: 100 });
  });
});

describe('terminating namespace', () => {
  it('does not report FailedCreate when the namespace is being deleted', () => {
    const env = setup();
    const api = env.ctx.api;
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tmp' } });
    const input = rs('kubia', 2);
    input.metadata = { name: 'kubia', namespace: 'tmp' };
    api.create(input);
    settle(env);
    expect(api.list('pods', 'tmp').items).toHaveLength(2);
    api.delete('namespaces', undefined, 'tmp');
    api.delete('pods', 'tmp', api.list('pods', 'tmp').items[0].metadata.name!);
    settle(env, 10);
    expect(api.list('pods', 'tmp').items).toHaveLength(1);
    const failed = api.list('events', 'tmp').items.filter((e) => e.reason === 'FailedCreate');
    expect(failed).toHaveLength(0);
    expect(
      (api.get('replicasets', 'tmp', 'kubia').status as { conditions?: unknown }).conditions,
    ).toBeUndefined();
  });
});
