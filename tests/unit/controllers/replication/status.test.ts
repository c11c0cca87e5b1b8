import { describe, expect, it } from 'vitest';
import {
  Expectations,
  EXPECTATIONS_TIMEOUT_MS,
} from '../../../../sandbox/controllers/replication/expectations';
import { VirtualClock } from '../../../../sandbox/clock/clock';
import { makeReady, pod, rs, settle, setup, status } from './helpers';

describe('status', () => {
  it('counts ready pods and, after minReadySeconds, available ones (re-synced without any event)', () => {
    const env = setup();
    env.ctx.api.create(rs('kubia', 3, { minReadySeconds: 10 }));
    // Pods turn ready between whole seconds, as on a real cluster; lastTransitionTime keeps whole
    // seconds, so ready since 12:00:00.400 counts as ready since 12:00:00.
    settle(env, 0.4);
    for (const p of env.pods()) makeReady(env, p.metadata.name!);
    settle(env);
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({ replicas: 3, readyReplicas: 3 });
    expect(status(env, 'replicasets', 'kubia').availableReplicas).toBeUndefined();
    settle(env, 9.9);
    expect(status(env, 'replicasets', 'kubia').availableReplicas).toBeUndefined();
    settle(env, 0.1);
    // The re-sync minReadySeconds after the ready one finds them ready for strictly more than 10 s.
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({ readyReplicas: 3, availableReplicas: 3 });
  });

  it('re-syncs minReadySeconds + 1 s after a pod turns ready (the only trigger while not all are ready)', () => {
    const env = setup();
    env.ctx.api.create(rs('kubia', 3, { minReadySeconds: 5 }));
    settle(env);
    makeReady(env, env.pods()[0].metadata.name!);
    settle(env, 5.5);
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({ readyReplicas: 1 });
    expect(status(env, 'replicasets', 'kubia').availableReplicas).toBeUndefined();
    settle(env, 0.5);
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
  });

  it('counts available at once with minReadySeconds 0', () => {
    const env = setup();
    env.ctx.api.create(rs('kubia', 2));
    settle(env);
    makeReady(env, env.pods()[0].metadata.name!);
    settle(env);
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({
      replicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
    });
  });

  it('counts fullyLabeledReplicas against the template labels', () => {
    const env = setup();
    env.ctx.api.create(pod('partial'));
    const input = rs('kubia', 2);
    (input.spec as { template: { metadata: { labels: object } } }).template.metadata.labels = {
      app: 'kubia',
      tier: 'web',
    };
    env.ctx.api.create(input);
    settle(env);
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({ replicas: 2, fullyLabeledReplicas: 1 });
  });

  it('writes observedGeneration and writes nothing when nothing changed', () => {
    const env = setup();
    env.ctx.api.create(rs('kubia', 1));
    settle(env);
    const rv = env.ctx.api.get('replicasets', 'default', 'kubia').metadata.resourceVersion;
    env.ctx.api.patch(
      'replicasets',
      'default',
      'kubia',
      { metadata: { labels: { touched: 'yes' } } },
      'merge',
    );
    settle(env, 30);
    const after = env.ctx.api.get('replicasets', 'default', 'kubia');
    expect(Number(after.metadata.resourceVersion)).toBe(Number(rv) + 1);
    env.ctx.api.patch('replicasets', 'default', 'kubia', { spec: { replicas: 2 } }, 'merge');
    settle(env);
    expect(status(env, 'replicasets', 'kubia')).toMatchObject({ replicas: 2, observedGeneration: 2 });
  });

  it('does not count terminating pods', () => {
    const env = setup();
    const input = rs('kubia', 2);
    (input.spec as { template: { spec: object } }).template.spec = {
      nodeName: 'node-1',
      containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }],
    };
    env.ctx.api.create(input);
    settle(env);
    env.ctx.api.delete('pods', 'default', env.pods()[0].metadata.name!);
    settle(env);
    expect(env.pods()).toHaveLength(3);
    expect(status(env, 'replicasets', 'kubia').replicas).toBe(2);
  });
});

describe('expectations', () => {
  it('waits for observed creations and deletions, and expires after five minutes', () => {
    const clock = new VirtualClock({ start: 0 });
    const e = new Expectations(clock);
    expect(e.satisfied('ns/a')).toBe(true);
    e.expectCreations('ns/a', 2);
    expect(e.satisfied('ns/a')).toBe(false);
    e.creationObserved('ns/a');
    e.creationObserved('ns/a');
    expect(e.satisfied('ns/a')).toBe(true);
    e.expectDeletions('ns/a', ['ns/p1', 'ns/p2']);
    e.deletionObserved('ns/a', 'ns/p1');
    e.deletionObserved('ns/a', 'ns/p1');
    expect(e.pending('ns/a')).toEqual({ add: 0, del: 1 });
    expect(e.satisfied('ns/a')).toBe(false);
    clock.advanceMs(EXPECTATIONS_TIMEOUT_MS + 1);
    expect(e.satisfied('ns/a')).toBe(true);
    e.delete('ns/a');
    expect(e.pending('ns/a')).toBeUndefined();
  });
});
