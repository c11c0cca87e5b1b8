import { describe, expect, it } from 'vitest';
import { resourceByPlural, type KubeObject } from '../../../sandbox/index';
import type { AppInstance } from '../../../sandbox/apps/types';
import type { EditorHost, KubectlEnv } from '../../../sandbox/kubectl/env';
import { editObjects, execCommand, logsCommand } from '../../../sandbox/kubectl/ops';
import { deployment, setup } from '../kubectl-describe/helpers';
import { makeIO, settle } from './io';

function runningPod(
  env: KubectlEnv,
  name: string,
  state: Record<string, unknown> = { running: { startedAt: '2026-11-26T22:49:50Z' } },
): void {
  const p = env.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: 'node1', containers: [{ name: 'kubia', image: 'luksa/kubia:v1' }] },
  });
  env.api.updateStatus({
    ...p,
    status: {
      phase: 'Running',
      containerStatuses: [
        { name: 'kubia', image: 'luksa/kubia:v1', imageID: '', ready: true, restartCount: 0, state },
      ],
    },
  });
}

const app: AppInstance = {
  ports: [8080],
  handle: () => ({ status: 200, headers: {}, body: '' }),
  onSigterm: () => 'exit',
  exec: (argv) =>
    argv[0] === 'hostname'
      ? { code: 0, stdout: 'kubia-1\n', stderr: '' }
      : { code: 2, stdout: '', stderr: 'nope\n' },
};

describe('logs', () => {
  it('prints the log, --tail, and follows on the virtual clock', async () => {
    const { env, sb } = setup();
    runningPod(env, 'kubia-1');
    const log = ['Kubia server starting...', 'Received request from ::ffff:10.0.0.1'];
    env.containers.put({ namespace: 'default', pod: 'kubia-1', container: 'kubia', app, log });
    let io = makeIO();
    expect(await logsCommand(env, io, { pod: 'kubia-1' })).toBe(0);
    expect(io.out()).toBe('Kubia server starting...\nReceived request from ::ffff:10.0.0.1\n');
    io = makeIO();
    await logsCommand(env, io, { pod: 'kubia-1', tail: 1 });
    expect(io.out()).toBe('Received request from ::ffff:10.0.0.1\n');
    io = makeIO();
    const f = logsCommand(env, io, { pod: 'kubia-1', follow: true, tail: 0 });
    await settle();
    log.push('later line');
    sb.clock.advance(2);
    await settle();
    io.interruptNow();
    expect(await f).toBe(130);
    expect(io.out()).toBe('later line\n');
  });

  it('gives the server errors', async () => {
    const { env } = setup();
    runningPod(env, 'waiting', { waiting: { reason: 'ContainerCreating' } });
    let io = makeIO();
    expect(await logsCommand(env, io, { pod: 'waiting' })).toBe(1);
    expect(io.err()).toBe(
      'Error from server (BadRequest): container "kubia" in pod "waiting" is waiting to start: ContainerCreating\n',
    );
    io = makeIO();
    await logsCommand(env, io, { pod: 'waiting', container: 'x' });
    expect(io.err()).toBe('error: container x is not valid for pod waiting\n');
    io = makeIO();
    await logsCommand(env, io, { pod: 'nothere' });
    expect(io.err()).toBe(
      'error: error from server (NotFound): pods "nothere" not found in namespace "default"\n',
    );
    runningPod(env, 'fresh');
    io = makeIO();
    await logsCommand(env, io, { pod: 'fresh', previous: true });
    expect(io.err()).toBe(
      'Error from server (BadRequest): previous terminated container "kubia" in pod "fresh" not found\n',
    );
  });
});

describe('exec', () => {
  it('runs the command in the app and maps exit codes and errors', async () => {
    const { env } = setup();
    runningPod(env, 'kubia-1');
    env.containers.put({ namespace: 'default', pod: 'kubia-1', container: 'kubia', app, log: [] });
    let io = makeIO();
    expect(await execCommand(env, io, { pod: 'kubia-1', argv: ['hostname'] })).toBe(0);
    expect(io.out()).toBe('kubia-1\n');
    io = makeIO();
    expect(await execCommand(env, io, { pod: 'kubia-1', argv: ['false'] })).toBe(2);
    expect(io.err()).toBe('nope\ncommand terminated with exit code 2\n');
    runningPod(env, 'crashing', { waiting: { reason: 'CrashLoopBackOff' } });
    io = makeIO();
    expect(await execCommand(env, io, { pod: 'crashing', argv: ['ls'] })).toBe(1);
    expect(io.err()).toBe('error: unable to upgrade connection: container not found ("kubia")\n');
    io = makeIO();
    await execCommand(env, io, { pod: 'kubia-1', container: 'x', argv: ['ls'] });
    expect(io.err()).toBe('Error from server (BadRequest): container x is not valid for pod kubia-1\n');
  });
});

/** An editor that applies scripted edits, one per opening, and records what it was shown. */
function scriptedEditor(edits: Array<(text: string) => string | null>): EditorHost & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    async edit(_file, content) {
      shown.push(content);
      const next = edits.shift();
      return next ? next(content) : null;
    },
  };
}

describe('edit', () => {
  const deployments = resourceByPlural('deployments')!;
  const objects = (env: KubectlEnv): KubeObject[] => [env.api.get('deployments', 'default', 'kubia')];

  it('patches the change and prints edited', async () => {
    const { env } = setup();
    deployment(env);
    const editor = scriptedEditor([
      (t) => t.replace('replicas: 3', 'replicas: 2').replace('luksa/kubia:v2', 'luksa/kubia:v3'),
    ]);
    env.editor = editor;
    const io = makeIO();
    expect(
      await editObjects(env, io, { resource: deployments, names: ['kubia'], objects: objects(env) }),
    ).toBe(0);
    expect(io.out()).toBe('deployment.apps/kubia edited\n');
    expect(
      editor.shown[0].startsWith(
        "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\n",
      ),
    ).toBe(true);
    const d = env.api.get('deployments', 'default', 'kubia') as unknown as {
      spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } };
    };
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.template.spec.containers[0].image).toBe('luksa/kubia:v3');
  });

  it('cancels when nothing changed', async () => {
    const { env } = setup();
    deployment(env);
    env.editor = scriptedEditor([]);
    const io = makeIO();
    expect(
      await editObjects(env, io, { resource: deployments, names: ['kubia'], objects: objects(env) }),
    ).toBe(0);
    expect(io.err()).toBe('Edit cancelled, no changes made.\n');
  });

  it('re-opens with the server errors, then gives up when saved unchanged', async () => {
    const { env } = setup();
    deployment(env);
    const editor = scriptedEditor([(t) => t.replace('replicas: 3', 'replicas: -1'), (t) => t]);
    env.editor = editor;
    const io = makeIO();
    expect(
      await editObjects(env, io, { resource: deployments, names: ['kubia'], objects: objects(env) }),
    ).toBe(1);
    expect(editor.shown[1]).toContain(
      '#\n# deployments.apps "kubia" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n',
    );
    expect(io.err()).toMatch(
      /^error: deployments\.apps "kubia" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
  });

  it('re-opens on a YAML error and succeeds when fixed', async () => {
    const { env } = setup();
    deployment(env);
    const editor = scriptedEditor([
      (t) => t.replace('replicas: 3', 'replicas: 3: x'),
      (t) => t.replace('replicas: 3: x', 'replicas: 4'),
    ]);
    env.editor = editor;
    const io = makeIO();
    expect(
      await editObjects(env, io, { resource: deployments, names: ['kubia'], objects: objects(env) }),
    ).toBe(0);
    expect(editor.shown[1]).toMatch(
      /# deployments\.apps "kubia" was not valid:\n# \* <nil>: Invalid value: "The edited file failed validation": yaml: line \d+: mapping values are not allowed in this context\n#\n/,
    );
    expect(io.all()).toBe('error: deployments.apps "kubia" is invalid\ndeployment.apps/kubia edited\n');
  });

  it('edits JSON without the comment header', async () => {
    const { env } = setup();
    deployment(env);
    const editor = scriptedEditor([(t) => t.replace('"replicas": 3', '"replicas": 5')]);
    env.editor = editor;
    const io = makeIO();
    expect(
      await editObjects(env, io, {
        resource: deployments,
        names: ['kubia'],
        objects: objects(env),
        output: 'json',
      }),
    ).toBe(0);
    expect(editor.shown[0].startsWith('{\n    "apiVersion": "apps/v1",\n    "kind": "Deployment",\n')).toBe(
      true,
    );
    expect(io.out()).toBe('deployment.apps/kubia edited\n');
    expect((env.api.get('deployments', 'default', 'kubia').spec as { replicas: number }).replicas).toBe(5);
  });

  it('accepts the command handler shapes (positional args, refs)', async () => {
    const { env } = setup();
    deployment(env);
    runningPod(env, 'kubia-1');
    env.containers.put({ namespace: 'default', pod: 'kubia-1', container: 'kubia', app, log: ['hello'] });
    let io = makeIO();
    expect(await logsCommand(env, io, { args: ['pod/kubia-1'] })).toBe(0);
    expect(io.out()).toBe('hello\n');
    io = makeIO();
    expect(await execCommand(env, io, { args: ['kubia-1', 'hostname'], argsLenAtDash: 1 })).toBe(0);
    expect(io.out()).toBe('kubia-1\n');
    io = makeIO();
    expect(await execCommand(env, io, { args: ['kubia-1', 'hostname'], argsLenAtDash: -1 })).toBe(1);
    expect(io.err()).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
    env.editor = scriptedEditor([]);
    io = makeIO();
    expect(await editObjects(env, io, { refs: [{ resource: deployments, name: 'kubia' }] })).toBe(0);
    expect(io.err()).toBe('Edit cancelled, no changes made.\n');
    io = makeIO();
    expect(await editObjects(env, io, { refs: [{ resource: deployments, name: 'nothere' }] })).toBe(1);
    expect(io.err()).toBe('Error from server (NotFound): deployments.apps "nothere" not found\n');
  });
});
