import { describe, expect, it } from 'vitest';
import { resourceByPlural } from '../../../sandbox/index';
import { rolloutStatus } from '../../../sandbox/kubectl/rollout';
import { deployment, setup } from '../kubectl-describe/helpers';
import { makeIO, settle } from './io';

const deployments = resourceByPlural('deployments')!;

function setStatus(env: ReturnType<typeof setup>['env'], status: Record<string, unknown>): void {
  const d = env.api.get('deployments', 'default', 'kubia');
  env.api.updateStatus({ ...d, status: { observedGeneration: d.metadata.generation, ...status } });
}

describe('rollout status', () => {
  it('prints a line per observed state until the rollout is done', async () => {
    const { env, sb } = setup();
    deployment(env);
    const io = makeIO();
    const done = rolloutStatus(env, io, { resource: deployments, name: 'kubia' });
    const steps: Array<Record<string, unknown>> = [
      { replicas: 4, updatedReplicas: 1, availableReplicas: 3 },
      { replicas: 4, updatedReplicas: 1, availableReplicas: 3, readyReplicas: 4 },
      { replicas: 4, updatedReplicas: 2, availableReplicas: 3 },
      { replicas: 4, updatedReplicas: 3, availableReplicas: 3 },
      { replicas: 3, updatedReplicas: 3, availableReplicas: 2 },
      { replicas: 3, updatedReplicas: 3, availableReplicas: 3 },
    ];
    for (const s of steps) {
      setStatus(env, s);
      sb.clock.advance(1);
      await settle();
    }
    expect(await done).toBe(0);
    expect(io.out()).toBe(`Waiting for deployment spec update to be observed...
Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "kubia" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "kubia" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "kubia" rollout to finish: 2 of 3 updated replicas are available...
deployment "kubia" successfully rolled out
`);
  });

  it('fails when the progress deadline is exceeded', async () => {
    const { env, sb } = setup();
    deployment(env);
    setStatus(env, { replicas: 4, updatedReplicas: 1, availableReplicas: 3 });
    const io = makeIO();
    const done = rolloutStatus(env, io, { resource: deployments, name: 'kubia' });
    setStatus(env, {
      replicas: 4,
      updatedReplicas: 1,
      availableReplicas: 3,
      conditions: [
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "kubia-x" has timed out progressing.',
        },
      ],
    });
    sb.clock.advance(1);
    expect(await done).toBe(1);
    expect(io.all()).toBe(
      'Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...\nerror: deployment "kubia" exceeded its progress deadline\n',
    );
  });

  it('handles --watch=false, --revision, --timeout, Ctrl+C and other kinds', async () => {
    const { env, sb } = setup();
    deployment(env, { 'deployment.kubernetes.io/revision': '2' });
    let io = makeIO();
    expect(await rolloutStatus(env, io, { resource: deployments, name: 'kubia', watch: false })).toBe(0);
    expect(io.out()).toBe('Waiting for deployment spec update to be observed...\n');

    io = makeIO();
    expect(await rolloutStatus(env, io, { resource: deployments, name: 'kubia', revision: 5 })).toBe(1);
    expect(io.err()).toBe('error: desired revision (5) is different from the running revision (2)\n');

    io = makeIO();
    const t = rolloutStatus(env, io, { resource: deployments, name: 'kubia', timeoutSeconds: 2 });
    sb.clock.advance(3);
    expect(await t).toBe(1);
    expect(io.err()).toBe('error: timed out waiting for the condition\n');

    io = makeIO();
    const c = rolloutStatus(env, io, { resource: deployments, name: 'kubia' });
    io.interruptNow();
    expect(await c).toBe(1); // kubectl's interrupt handler ends it with 1

    io = makeIO();
    expect(await rolloutStatus(env, io, { resource: deployments, name: 'nothere' })).toBe(1);
    expect(io.err()).toBe('Error from server (NotFound): deployments.apps "nothere" not found\n');

    io = makeIO();
    const rc = resourceByPlural('replicationcontrollers')!;
    expect(await rolloutStatus(env, io, { resource: rc, name: 'kubia-v1' })).toBe(1);
    expect(io.err()).toBe('Error from server (NotFound): replicationcontrollers "kubia-v1" not found\n');
  });
});
