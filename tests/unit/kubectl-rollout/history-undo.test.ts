import { describe, expect, it } from 'vitest';
import { resourceByPlural } from '../../../sandbox/index';
import { rolloutHistory, rolloutUndo } from '../../../sandbox/kubectl/rollout';
import { deployment, replicaSet, setup } from '../kubectl-describe/helpers';
import { makeIO } from './io';

const deployments = resourceByPlural('deployments')!;
const V1_CAUSE = 'kubectl apply --filename=kubia-deployment-v1.yaml --record=true';
const V2_CAUSE = 'kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record=true';

function twoRevisions(withCause = true) {
  const ctx = setup();
  const d = deployment(ctx.env, {
    'deployment.kubernetes.io/revision': '2',
    ...(withCause ? { 'kubernetes.io/change-cause': V2_CAUSE } : {}),
  });
  replicaSet(
    ctx.env,
    d,
    '5d8b8c7f9',
    'luksa/kubia:v1',
    '1',
    0,
    withCause ? { 'kubernetes.io/change-cause': V1_CAUSE } : {},
  );
  replicaSet(
    ctx.env,
    d,
    '7d5b9c7d8f',
    'luksa/kubia:v2',
    '2',
    3,
    withCause ? { 'kubernetes.io/change-cause': V2_CAUSE } : {},
  );
  return ctx;
}

describe('rollout history', () => {
  it('prints the revision table with change causes', async () => {
    const { env } = twoRevisions();
    const io = makeIO();
    expect(await rolloutHistory(env, io, { resource: deployments, name: 'kubia' })).toBe(0);
    expect(io.out()).toBe(
      `deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n1         ${V1_CAUSE}\n2         ${V2_CAUSE}\n\n`,
    );
  });

  it('prints <none> without change causes, and the no-history line', async () => {
    const { env } = twoRevisions(false);
    let io = makeIO();
    await rolloutHistory(env, io, { resource: deployments, name: 'kubia' });
    expect(io.out()).toBe(
      'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    const fresh = setup();
    deployment(fresh.env);
    io = makeIO();
    await rolloutHistory(fresh.env, io, { resource: deployments, name: 'kubia' });
    expect(io.out()).toBe('deployment.apps/kubia \nNo rollout history found.\n');
  });

  it('prints one revision in the raw tab format', async () => {
    const { env } = twoRevisions();
    const io = makeIO();
    await rolloutHistory(env, io, { resource: deployments, name: 'kubia', revision: 1 });
    expect(io.out()).toBe(
      'deployment.apps/kubia with revision #1\nPod Template:\n  Labels:\tapp=kubia\n\tpod-template-hash=5d8b8c7f9\n' +
        `  Annotations:\tkubernetes.io/change-cause: ${V1_CAUSE}\n  Containers:\n   nodejs:\n    Image:\tluksa/kubia:v1\n` +
        '    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n' +
        '  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    );
  });

  it('reports errors', async () => {
    const { env } = twoRevisions();
    let io = makeIO();
    expect(await rolloutHistory(env, io, { resource: deployments, name: 'kubia', revision: 7 })).toBe(1);
    expect(io.err()).toBe('error: unable to find the specified revision\n');
    io = makeIO();
    const rc = resourceByPlural('replicationcontrollers')!;
    await rolloutHistory(env, io, { resource: rc, name: 'x' });
    // kubectl fetches the object first: a missing one is a NotFound, whatever its kind.
    expect(io.err()).toBe('Error from server (NotFound): replicationcontrollers "x" not found\n');
    env.api.create({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'x' },
      spec: {
        template: {
          metadata: { labels: { app: 'x' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    });
    io = makeIO();
    await rolloutHistory(env, io, { resource: rc, name: 'x' });
    expect(io.err()).toBe('error: no history viewer has been implemented for "ReplicationController"\n');
    io = makeIO();
    await rolloutHistory(env, io, { resource: deployments, name: 'kubia', output: 'name' });
    expect(io.out()).toBe('replicaset.apps/kubia-5d8b8c7f9\nreplicaset.apps/kubia-7d5b9c7d8f\n');
  });
});

describe('rollout undo', () => {
  it('patches the template and annotations back to the previous revision', async () => {
    const { env } = twoRevisions();
    env.api.patch(
      'deployments',
      'default',
      'kubia',
      { metadata: { annotations: { extra: 'dropped' } } },
      'merge',
    );
    const io = makeIO();
    expect(await rolloutUndo(env, io, { resource: deployments, name: 'kubia' })).toBe(0);
    expect(io.out()).toBe('deployment.apps/kubia rolled back\n');
    const d = env.api.get('deployments', 'default', 'kubia') as unknown as {
      metadata: { annotations: Record<string, string> };
      spec: {
        template: {
          metadata: { labels: Record<string, string> };
          spec: { containers: Array<{ image: string }> };
        };
      };
    };
    expect(d.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '2',
      'kubernetes.io/change-cause': V1_CAUSE,
    });
    expect(d.spec.template.metadata.labels).toEqual({ app: 'kubia' });
    expect(d.spec.template.spec.containers[0].image).toBe('luksa/kubia:v1');
  });

  it('skips when the template already matches, and reports errors', async () => {
    const { env } = twoRevisions();
    let io = makeIO();
    await rolloutUndo(env, io, { resource: deployments, name: 'kubia', toRevision: 2 });
    expect(io.out()).toBe(
      'deployment.apps/kubia skipped rollback (current template already matches revision 2)\n',
    );
    io = makeIO();
    expect(await rolloutUndo(env, io, { resource: deployments, name: 'kubia', toRevision: 9 })).toBe(1);
    expect(io.err()).toBe('error: unable to find specified revision 9 in history\n');
    io = makeIO();
    await rolloutUndo(env, io, { resource: deployments, name: 'kubia', dryRun: 'client' });
    expect(io.out()).toMatch(
      /^deployment\.apps\/kubia Pod Template:\n {2}Labels:\tapp=kubia\n\tpod-template-hash=5d8b8c7f9\n {2}Containers:\n[\s\S]*\n {2}Tolerations:\t<none>\n \(dry run\)\n$/,
    );
    env.api.patch('deployments', 'default', 'kubia', { spec: { paused: true } }, 'merge');
    io = makeIO();
    await rolloutUndo(env, io, { resource: deployments, name: 'kubia' });
    expect(io.err()).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    const fresh = setup();
    deployment(fresh.env);
    io = makeIO();
    await rolloutUndo(fresh.env, io, { resource: deployments, name: 'kubia' });
    expect(io.err()).toBe('error: no rollout history found for deployment "kubia"\n');
    io = makeIO();
    await rolloutUndo(fresh.env, io, { resource: resourceByPlural('replicationcontrollers')!, name: 'x' });
    expect(io.err()).toBe('Error from server (NotFound): replicationcontrollers "x" not found\n');
  });
});
