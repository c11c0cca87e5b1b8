/**
 * The worked rolling-update traces of controllers.md §4.6, through the whole simulated cluster
 * (real ReplicaSet controller, scheduler, kubelets): the sequence of ReplicaSet sizes the
 * Deployment controller produces, observed from a watch on the ReplicaSets.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/index';
import { kubiaDeployment, rolledOut, waitFor } from './helpers';

/** (new, old) ReplicaSet sizes after each change, consecutive duplicates folded. */
function recordSizes(sb: Sandbox, oldImage: string): { sizes: string[]; stop: () => void } {
  const spec = new Map<string, { image: string; replicas: number }>();
  const sizes: string[] = [];
  const h = sb.api.watch('replicasets', 'default', {}, (e) => {
    const s = e.object.spec as {
      replicas: number;
      template: { spec: { containers: Array<{ image: string }> } };
    };
    if (e.type === 'DELETED') spec.delete(e.object.metadata.name!);
    else
      spec.set(e.object.metadata.name!, { image: s.template.spec.containers[0].image, replicas: s.replicas });
    let oldN = 0;
    let newN = 0;
    for (const v of spec.values()) {
      if (v.image === oldImage) oldN += v.replicas;
      else newN += v.replicas;
    }
    const state = `${newN}/${oldN}`;
    if (sizes[sizes.length - 1] !== state) sizes.push(state);
  });
  return { sizes, stop: () => h.stop() };
}

function rollout(
  replicas: number,
  strategy: Record<string, unknown>,
  image: string,
  extra: Record<string, unknown> = {},
  seed = 1,
) {
  const sb = createSandbox({ seed });
  sb.api.create(
    kubiaDeployment('luksa/kubia:v1', {
      replicas,
      strategy: { type: 'RollingUpdate', rollingUpdate: strategy },
      ...extra,
    }),
  );
  waitFor(sb, () => rolledOut(sb), 300);
  const rec = recordSizes(sb, 'luksa/kubia:v1');
  sb.clock.flush();
  rec.sizes.length = 0;
  rec.sizes.push(`0/${replicas}`);
  sb.api.patch(
    'deployments',
    'default',
    'kubia',
    { spec: { template: { spec: { containers: [{ name: 'nodejs', image }] } } } },
    'strategic',
  );
  return { sb, rec };
}

describe('rolling update traces (controllers.md §4.6) on the whole cluster', () => {
  it('(a) 3 replicas, maxSurge 1, maxUnavailable 0: one pod at a time', () => {
    const { sb, rec } = rollout(3, { maxSurge: 1, maxUnavailable: 0 }, 'luksa/kubia:v2');
    waitFor(sb, () => rolledOut(sb), 600);
    expect(rec.sizes).toEqual(['0/3', '1/3', '1/2', '2/2', '2/1', '3/1', '3/0']);
  });

  it('(b) 3 replicas with the 25% defaults resolve to 1/0: the same trace', () => {
    const { sb, rec } = rollout(3, { maxSurge: '25%', maxUnavailable: '25%' }, 'luksa/kubia:v2');
    waitFor(sb, () => rolledOut(sb), 600);
    expect(rec.sizes).toEqual(['0/3', '1/3', '1/2', '2/2', '2/1', '3/1', '3/0']);
  });

  it("(a') with minReadySeconds 10 each new pod costs more than ten seconds", () => {
    const { sb, rec } = rollout(3, { maxSurge: 1, maxUnavailable: 0 }, 'luksa/kubia:v2', {
      minReadySeconds: 10,
    });
    const seconds = waitFor(sb, () => rolledOut(sb), 600);
    expect(rec.sizes).toEqual(['0/3', '1/3', '1/2', '2/2', '2/1', '3/1', '3/0']);
    expect(seconds).toBeGreaterThanOrEqual(33);
  });

  // (c) and (d) in §4.6 assume every new pod turns available before the next sync. On the
  // cluster, pods of one batch become ready a few hundred ms apart, so the controller takes the
  // same decisions in smaller steps (as a real cluster does); the first steps and the bounds hold.
  it.each([
    ['(c)', 3, 1, 1, ['0/3', '1/3', '1/2', '2/2']],
    ['(d)', 10, 3, 2, ['0/10', '3/10', '3/8', '5/8']],
  ] as const)(
    '%s %i replicas, maxSurge %i, maxUnavailable %i: the first steps, then within bounds',
    (_n, replicas, surge, _unavailable, first) => {
      const { sb, rec } = rollout(
        replicas,
        { maxSurge: surge, maxUnavailable: _unavailable },
        'luksa/kubia:v2',
      );
      waitFor(sb, () => rolledOut(sb), 600);
      expect(rec.sizes.slice(0, first.length)).toEqual(first);
      expect(rec.sizes[rec.sizes.length - 1]).toBe(`${replicas}/0`);
      for (const s of rec.sizes) {
        const [n, o] = s.split('/').map(Number);
        expect(n + o).toBeLessThanOrEqual(replicas + surge);
      }
    },
  );

  it('(e) 10 replicas, 3/2, an image that never becomes ready: stuck at 5 new and 8 old, then the deadline', () => {
    const { sb, rec } = rollout(10, { maxSurge: 3, maxUnavailable: 2 }, 'luksa/kubia:v9', {
      progressDeadlineSeconds: 120,
    });
    sb.clock.advance(60);
    expect(rec.sizes).toEqual(['0/10', '3/10', '3/8', '5/8']);
    sb.clock.advance(120);
    const progressing = (
      (
        sb.api.get('deployments', 'default', 'kubia').status as {
          conditions: Array<{ type: string; status: string; reason: string }>;
        }
      ).conditions ?? []
    ).find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(rec.sizes[rec.sizes.length - 1]).toBe('5/8');
  });
});
