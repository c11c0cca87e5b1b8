import { describe, expect, it } from 'vitest';
import { rollingUpdate } from '../../../sandbox/kubectl/rollout';
import type { KubectlEnv } from '../../../sandbox/kubectl/env';
import type { VirtualClock } from '../../../sandbox/index';
import { setup } from '../kubectl-describe/helpers';
import { makeIO, settle } from './io';

interface Rc {
  metadata: {
    name: string;
    generation?: number;
    annotations?: Record<string, string>;
    deletionTimestamp?: string;
  };
  spec: {
    replicas: number;
    selector: Record<string, string>;
    template: { metadata: { labels: Record<string, string> } };
  };
}

/** A tiny replication controller: every second, make each RC's pod count match and mark pods Ready. */
function fakeRcLoop(env: KubectlEnv, clock: VirtualClock): () => void {
  let n = 0;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    for (const rc of env.api.list('replicationcontrollers', 'default').items as unknown as Rc[]) {
      const sel = Object.entries(rc.spec.selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      const pods = env.api.list('pods', 'default', { labelSelector: sel }).items;
      for (let i = pods.length; i < rc.spec.replicas; i++) {
        const p = env.api.create({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: `${rc.metadata.name}-p${n++}`,
            namespace: 'default',
            labels: rc.spec.template.metadata.labels,
          },
          spec: { containers: [{ name: 'nodejs', image: 'x' }] },
        });
        env.api.updateStatus({
          ...p,
          status: {
            phase: 'Running',
            conditions: [
              { type: 'Ready', status: 'True', lastTransitionTime: new Date(clock.now()).toISOString() },
            ],
          },
        });
      }
      for (const p of pods.slice(rc.spec.replicas)) env.api.delete('pods', 'default', p.metadata.name!);
      const current = env.api.get('replicationcontrollers', 'default', rc.metadata.name);
      env.api.updateStatus({
        ...current,
        status: { replicas: rc.spec.replicas, observedGeneration: current.metadata.generation },
      });
    }
    clock.setTimer(1000, tick);
  };
  clock.setTimer(1000, tick);
  return () => {
    stopped = true;
  };
}

function oldRc(env: KubectlEnv): void {
  env.api.create({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'kubia-v1', namespace: 'default' },
    spec: {
      replicas: 3,
      template: {
        metadata: { labels: { app: 'kubia' } },
        spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
      },
    },
  });
}

async function drive(
  clock: VirtualClock,
  p: Promise<number>,
  maxSeconds = 2000,
  onTick?: (s: number) => void,
): Promise<number> {
  let result: number | undefined;
  void p.then((c) => (result = c));
  for (let s = 0; s < maxSeconds && result === undefined; s++) {
    clock.advance(1);
    await settle();
    onTick?.(s);
  }
  await settle();
  if (result === undefined) throw new Error('rolling-update did not finish');
  return result;
}

describe('legacy rolling-update', () => {
  it('prints the v1.11-v1.17 transcript and leaves only the new RC', async () => {
    const { env, sb } = setup();
    const stop = fakeRcLoop(env, sb.clock);
    oldRc(env);
    sb.clock.advance(5);
    const io = makeIO();
    const start = sb.clock.now();
    const code = await drive(
      sb.clock,
      rollingUpdate(env, io, {
        oldName: 'kubia-v1',
        newName: 'kubia-v2',
        image: 'luksa/kubia:v2',
        updatePeriodSeconds: 10,
      }),
    );
    stop();
    expect(io.all()).toBe(`Command "rolling-update" is deprecated, use "rollout" instead
Created kubia-v2
Scaling up kubia-v2 from 0 to 3, scaling down kubia-v1 from 3 to 0 (keep 3 pods available, don't exceed 4 pods)
Scaling kubia-v2 up to 1
Scaling kubia-v1 down to 2
Scaling kubia-v2 up to 2
Scaling kubia-v1 down to 1
Scaling kubia-v2 up to 3
Scaling kubia-v1 down to 0
Update succeeded. Deleting kubia-v1
replicationcontroller/kubia-v2 rolling updated to "kubia-v2"
`);
    expect(code).toBe(0);
    // Three update periods at least, on the virtual clock.
    expect(sb.clock.now() - start).toBeGreaterThanOrEqual(30_000);
    // The old RC is deleted with the RC default (orphan); without a garbage collector it keeps its finalizer.
    const rcs = (env.api.list('replicationcontrollers', 'default').items as unknown as Rc[]).filter(
      (r) => !r.metadata.deletionTimestamp,
    );
    expect(rcs.map((r) => r.metadata.name)).toEqual(['kubia-v2']);
    const v2 = rcs[0];
    expect(v2.spec.selector.app).toBe('kubia');
    expect(v2.spec.selector.deployment).toMatch(/^[0-9a-f]{32}$/);
    expect(v2.spec.template.metadata.labels.deployment).toBe(v2.spec.selector.deployment);
    expect(v2.metadata.annotations?.['kubectl.kubernetes.io/desired-replicas']).toBeUndefined();
    expect(v2.spec.replicas).toBe(3);
  });

  it('leaves both RCs half-updated on Ctrl+C, with the old pods relabelled', async () => {
    const { env, sb } = setup();
    const stop = fakeRcLoop(env, sb.clock);
    oldRc(env);
    sb.clock.advance(5);
    const io = makeIO();
    const code = await drive(
      sb.clock,
      rollingUpdate(env, io, { oldName: 'kubia-v1', newName: 'kubia-v2', image: 'luksa/kubia:v2' }),
      2000,
      () => {
        if (io.out().includes('Scaling kubia-v1 down to 2') && !io.interrupt.interrupted) io.interruptNow();
      },
    );
    stop();
    expect(code).toBe(130);
    const v1 = env.api.get('replicationcontrollers', 'default', 'kubia-v1') as unknown as Rc;
    const v2 = env.api.get('replicationcontrollers', 'default', 'kubia-v2') as unknown as Rc;
    expect(v1.spec.selector.deployment).toMatch(/^[0-9a-f]{32}-orig$/);
    expect(v1.metadata.annotations?.['kubectl.kubernetes.io/next-controller-id']).toBe('kubia-v2');
    expect(v1.metadata.annotations?.['kubectl.kubernetes.io/original-replicas']).toBe('3');
    expect(v2.metadata.annotations?.['kubectl.kubernetes.io/update-source-id']).toMatch(/^kubia-v1:/);
    expect([v1.spec.replicas, v2.spec.replicas]).toEqual([2, 1]);
    const oldPods = env.api.list('pods', 'default', {
      labelSelector: `deployment=${v1.spec.selector.deployment}`,
    }).items;
    expect(oldPods.length).toBe(2);
  });

  it('reports usage errors with the See line', async () => {
    const { env } = setup();
    const io = makeIO();
    expect(await rollingUpdate(env, io, { oldName: 'kubia-v1' })).toBe(1);
    expect(io.err()).toBe(
      'Command "rolling-update" is deprecated, use "rollout" instead\nerror: Must specify --filename or --image for new controller\nSee \'kubectl rolling-update -h\' for help and examples\n',
    );
    const io2 = makeIO();
    expect(await rollingUpdate(env, io2, { oldName: '' })).toBe(1);
    expect(io2.err()).toBe(
      'Command "rolling-update" is deprecated, use "rollout" instead\n' +
        "Must specify --filename or --image for new controller\nSee 'kubectl rolling-update -h' for help and examples\n" +
        "Must specify the controller to update\nSee 'kubectl rolling-update -h' for help and examples\n",
    );
  });
});
