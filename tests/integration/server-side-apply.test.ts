/**
 * Server-side apply with the REAL kubectl v1.32 against a served sandbox, and the sandbox's own
 * kubectl against an identical sandbox: the same `apply --server-side` commands (create, re-apply,
 * a change, a conflict after `kubectl scale`, `--force-conflicts`, `--field-manager`) print the
 * same, and leave the same managedFields. Skips (with the reason printed) when no kubectl v1.32
 * binary is installed. The real binary runs through a symlink named `kubectl`, because the server
 * names a manager after the client's user agent (`kubectl scale` sends no field manager).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlOrSkip, runBinary, runInSession, type Result } from './kubectl-bin';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../sandbox/index';
import { kubeconfig, serve, type Served } from '../../sandbox/server/index';
import { MemoryFs } from '../../sandbox/fs/memory';
import { createSession, type Session } from '../../sandbox/shell/session';

const kubectlBin = kubectlOrSkip('server-side apply parity tests');

const deployment = (replicas: number, image: string, extra = ''): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: kubia',
    extra,
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    '      app: kubia',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: kubia',
    '    spec:',
    '      containers:',
    `      - image: ${image}`,
    '        name: nodejs',
    '        ports:',
    '        - containerPort: 8080',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n';

describe.skipIf(!kubectlBin)('kubectl apply --server-side: the real kubectl and ours', () => {
  let dir: string;
  let served: Served;
  let real: Sandbox;
  let ours: Sandbox;
  let session: Session;
  const files: Record<string, string> = {};
  const bin = (): string => join(dir, 'bin', 'kubectl');

  const runReal = (args: string[]): Promise<Result> =>
    runBinary(bin(), args, {
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        KUBECONFIG: join(dir, 'config'),
        KUBECACHEDIR: join(dir, 'cache'),
      },
      cwd: dir,
    });

  const runOurs = (args: string[]): Promise<Result> => runInSession(session, args);

  const same = async (...args: string[]): Promise<Result> => {
    expect(real.clock.now()).toBe(ours.clock.now());
    const r = await runReal(args);
    const o = await runOurs(args);
    real.clock.flush();
    ours.clock.flush();
    expect(o, `kubectl ${args.join(' ')}`).toEqual(r);
    return r;
  };

  const settle = (seconds: number): void => {
    for (let i = 0; i < seconds; i++) {
      real.clock.advance(1);
      ours.clock.advance(1);
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-lab-ssa-'));
    mkdirSync(join(dir, 'cache'));
    mkdirSync(join(dir, 'bin'));
    symlinkSync(kubectlBin!, bin());
    files[join(dir, 'v1.yaml')] = deployment(3, 'luksa/kubia:v1');
    files[join(dir, 'v2.yaml')] = deployment(3, 'luksa/kubia:v2');
    files[join(dir, 'labels.yaml')] = deployment(3, 'luksa/kubia:v2', '  labels:\n    tier: web');
    for (const [p, t] of Object.entries(files)) writeFileSync(p, t);
    real = createSandbox({ seed: 5 });
    ours = createSandbox({ seed: 5 });
    served = await serve(real, { port: 0, speed: 0 });
    writeFileSync(join(dir, 'config'), kubeconfig(served.url));
    session = createSession({ sandbox: ours, fs: new MemoryFs({ files }), isTTY: false });
  });
  afterAll(async () => {
    await served?.close();
    real?.stop();
    ours?.stop();
  });

  it('creates, re-applies and changes through apply patches', async () => {
    expect((await same('apply', '--server-side', '-f', join(dir, 'v1.yaml'))).out).toBe(
      'deployment.apps/kubia serverside-applied\n',
    );
    settle(30);
    // Nothing changed: kubectl still says serverside-applied.
    await same('apply', '--server-side', '-f', join(dir, 'v1.yaml'));
    await same('apply', '--server-side', '-f', join(dir, 'v2.yaml'));
    await same('apply', '--server-side', '--dry-run=server', '-f', join(dir, 'labels.yaml'));
    await same('apply', '--server-side', '-f', join(dir, 'labels.yaml'), '-o', 'name');
    settle(30);
    await same('get', 'deploy', 'kubia', '-o', 'yaml', '--show-managed-fields');
  });

  it('conflicts after kubectl scale, and takes the field with --force-conflicts', async () => {
    await same('scale', 'deploy', 'kubia', '--replicas=5');
    const conflict = await same('apply', '--server-side', '-f', join(dir, 'labels.yaml'));
    expect(conflict.code).toBe(1);
    expect(conflict.err).toContain(
      'error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas\nPlease review the fields above',
    );
    await same('apply', '--server-side', '--field-manager=ci', '-f', join(dir, 'labels.yaml'));
    await same(
      'get',
      'deploy',
      'kubia',
      '-o',
      'jsonpath={range .metadata.managedFields[*]}{.manager} {.operation} {.subresource}{"\\n"}{end}',
    );
    await same('apply', '--server-side', '--force-conflicts', '-f', join(dir, 'labels.yaml'));
    settle(30);
    await same('get', 'deploy', 'kubia', '-o', 'json', '--show-managed-fields');
    // Dropping the label the applier owned removes it.
    await same('apply', '--server-side', '-f', join(dir, 'v2.yaml'));
    await same('get', 'deploy', 'kubia', '--show-labels');
  });

  it('refuses what kubectl refuses before sending anything', async () => {
    await same('apply', '--server-side', '--dry-run=client', '-f', join(dir, 'v1.yaml'));
    await same('apply', '--force-conflicts', '-f', join(dir, 'v1.yaml'));
  });

  it('records pods as kube-controller-manager and their status as kubelet', async () => {
    await same(
      'get',
      'pods',
      '-o',
      'jsonpath={range .items[*]}{range .metadata.managedFields[*]}{.manager}/{.subresource} {end}{"\\n"}{end}',
    );
  });
});
