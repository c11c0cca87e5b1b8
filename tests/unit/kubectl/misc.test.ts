import { beforeAll, describe, expect, it } from 'vitest';
import { preloadLazyCommands } from '../../../sandbox/index';
import { POD, setup } from './harness';
import { typeSchema } from '../../../sandbox/api/schema';

// Help texts load on first use; these tests look at output one microtask after the command starts.
beforeAll(() => preloadLazyCommands());

describe('get -w (§3.5)', () => {
  it('prints the table, then one row per event with remembered widths', async () => {
    const { sb, run, start, write } = setup();
    write('pod.yaml', POD);
    await run('create -f pod.yaml');
    const w = start('get pods -w');
    await Promise.resolve();
    expect(w.captured.out).toBe(
      'NAME           READY   STATUS    RESTARTS   AGE\nkubia-manual   0/1     Pending   0          0s\n',
    );
    sb.clock.advance(5);
    sb.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a' },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    });
    sb.clock.flush();
    sb.api.delete('pods', 'default', 'kubia-manual');
    sb.clock.flush();
    const r = await w.stop();
    expect(r.out).toBe(
      'NAME           READY   STATUS    RESTARTS   AGE\n' +
        'kubia-manual   0/1     Pending   0          0s\n' +
        'a              0/1     Pending   0          0s\n' +
        'kubia-manual   0/1     Pending   0          5s\n',
    );
    expect(r.rc).toBe(1); // kubectl's interrupt handler ends it with 1
  });

  it('an empty list prints nothing until the first event', async () => {
    const { sb, start } = setup();
    const w = start('get pods -w');
    await Promise.resolve();
    expect(w.captured.out).toBe('');
    sb.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a' },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    });
    sb.clock.flush();
    const r = await w.stop();
    expect(r.out).toBe('NAME   READY   STATUS    RESTARTS   AGE\na      0/1     Pending   0          0s\n');
    expect(r.err).toBe('');
  });
});

describe('explain, version, api-resources, config', () => {
  it('explain deployment.spec.strategy has the v1.32 layout', async () => {
    const { run } = setup();
    const spec = typeSchema('io.k8s.api.apps.v1.DeploymentSpec')!;
    const strategy = typeSchema('io.k8s.api.apps.v1.DeploymentStrategy')!;
    const r = await run('explain deployment.spec.strategy');
    expect(r.out).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n' +
        'FIELD: strategy <DeploymentStrategy>\n\n\n' +
        `DESCRIPTION:\n    ${spec.fields.strategy.description}\n    ${strategy.description}\n    \n` +
        `FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    ${strategy.fields.rollingUpdate.description}\n\n` +
        `  type\t<string>\n  enum: Recreate, RollingUpdate\n    ${strategy.fields.type.description}\n\n\n`,
    );
    const t = await run('explain deployment.spec.strategy.type');
    expect(t.out).toContain('FIELD: type <string>\nENUM:\n    Recreate\n    RollingUpdate\n\nDESCRIPTION:\n');
    expect(
      (await run('explain pods')).out.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n'),
    ).toBe(true);
    expect((await run('explain foo')).err).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect((await run('explain svc.spec.foo')).err).toBe('error: field "foo" does not exist\n');
  });

  it('version', async () => {
    const { run } = setup();
    expect((await run('version')).out).toBe(
      'Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n',
    );
    expect((await run('version --client')).out).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\n');
    expect((await run('version --client -o yaml')).out).toContain(
      '  gitVersion: v1.32.4\n  goVersion: go1.23.8\n  major: "1"\n  minor: "32"\n',
    );
  });

  it('api-resources columns', async () => {
    const { run } = setup();
    const lines = (await run('api-resources')).out.split('\n');
    expect(lines[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(lines.find((l) => l.startsWith('deployments'))).toMatch(
      /^deployments +deploy +apps\/v1 +true +Deployment$/,
    );
  });

  it('config', async () => {
    const { run } = setup();
    expect((await run('config current-context')).out).toBe('sandbox\n');
    expect((await run('config get-contexts')).out).toBe(
      'CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n*         sandbox   sandbox   sandbox    default\n',
    );
    expect((await run('config view')).out).toContain('current-context: sandbox\nkind: Config\n');
  });
});

describe('contexts', () => {
  it('set-context --current --namespace changes the default namespace', async () => {
    const { run } = setup();
    expect((await run('config set-context --current --namespace=kube-system')).out).toBe(
      'Context "sandbox" modified.\n',
    );
    expect((await run('get pods')).err).toBe('No resources found in kube-system namespace.\n');
    expect((await run('config use-context foo')).err).toBe('error: no context exists with the name: "foo"\n');
    expect((await run('config use-context sandbox')).out).toBe('Switched to context "sandbox".\n');
  });
});
