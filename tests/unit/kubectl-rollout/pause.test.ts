import { describe, expect, it } from 'vitest';
import { resourceByPlural } from '../../../sandbox/index';
import { rolloutPause, rolloutRestart, rolloutResume } from '../../../sandbox/kubectl/rollout';
import { deployment, setup } from '../kubectl-describe/helpers';
import { makeIO } from './io';

const deployments = resourceByPlural('deployments')!;
const t = { resource: deployments, name: 'kubia' };

describe('rollout pause / resume / restart', () => {
  it('pauses, refuses twice, resumes', async () => {
    const { env } = setup();
    deployment(env);
    let io = makeIO();
    expect(await rolloutPause(env, io, t)).toBe(0);
    expect(io.out()).toBe('deployment.apps/kubia paused\n');
    expect((env.api.get('deployments', 'default', 'kubia').spec as { paused?: boolean }).paused).toBe(true);
    io = makeIO();
    expect(await rolloutPause(env, io, t)).toBe(1);
    expect(io.err()).toBe('error: deployments.apps "kubia" is already paused\n');
    io = makeIO();
    expect(await rolloutRestart(env, io, t)).toBe(1);
    expect(io.err()).toBe(
      'error: deployments.apps "kubia" can\'t restart paused deployment (run rollout resume first)\n',
    );
    io = makeIO();
    expect(await rolloutResume(env, io, t)).toBe(0);
    expect(io.out()).toBe('deployment.apps/kubia resumed\n');
    expect(
      (env.api.get('deployments', 'default', 'kubia').spec as { paused?: boolean }).paused,
    ).toBeUndefined();
    io = makeIO();
    expect(await rolloutResume(env, io, t)).toBe(1);
    expect(io.err()).toBe('error: deployments.apps "kubia" is not paused\n');
  });

  it('restarts with the restartedAt annotation from the virtual clock, once per second', async () => {
    const { env, sb } = setup('2026-11-26T23:14:58Z');
    deployment(env);
    let io = makeIO();
    expect(await rolloutRestart(env, io, t)).toBe(0);
    expect(io.out()).toBe('deployment.apps/kubia restarted\n');
    const tmpl = (
      env.api.get('deployments', 'default', 'kubia').spec as {
        template: { metadata: { annotations: Record<string, string> } };
      }
    ).template;
    expect(tmpl.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': '2026-11-26T23:14:58Z',
    });
    io = makeIO();
    expect(await rolloutRestart(env, io, t)).toBe(1);
    expect(io.err()).toBe(
      'error: failed to create patch for kubia: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
    sb.clock.advance(1);
    io = makeIO();
    expect(await rolloutRestart(env, io, t)).toBe(0);
  });

  it('names unsupported kinds and missing objects', async () => {
    const { env } = setup();
    env.api.create({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia-v1', namespace: 'default' },
      spec: {
        template: {
          metadata: { labels: { app: 'kubia' } },
          spec: { containers: [{ name: 'c', image: 'x' }] },
        },
      },
    });
    let io = makeIO();
    await rolloutPause(env, io, { resource: resourceByPlural('replicationcontrollers')!, name: 'kubia-v1' });
    expect(io.err()).toBe('error: replicationcontrollers "kubia-v1" pausing is not supported\n');
    io = makeIO();
    await rolloutResume(env, io, { resource: deployments, name: 'nothere' });
    expect(io.err()).toBe('Error from server (NotFound): deployments.apps "nothere" not found\n');
  });
});
