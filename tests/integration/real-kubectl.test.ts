/**
 * A real kubectl v1.32 against the sandbox served over HTTP on loopback. Skips (with the reason
 * printed) when no kubectl v1.32 binary is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlOrSkip } from './kubectl-bin';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from '../../sandbox/index';
import { serve, kubeconfig, type Served } from '../../sandbox/server/index';

const kubectl = kubectlOrSkip('real-kubectl tests');

describe.skipIf(!kubectl)('a real kubectl v1.32 against the served sandbox', () => {
  let served: Served;
  let dir: string;
  // Asynchronous: the served sandbox lives in this process and must keep answering.
  const run = async (...args: string[]): Promise<{ out: string; err: string; code: number }> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        kubectl!,
        [`--kubeconfig=${join(dir, 'config')}`, `--cache-dir=${join(dir, 'cache')}`, ...args],
        { encoding: 'utf8', timeout: 60000 },
      );
      return { out: stdout, err: stderr, code: 0 };
    } catch (e) {
      const x = e as { stdout?: string; stderr?: string; status?: number };
      return { out: x.stdout ?? '', err: x.stderr ?? '', code: x.status ?? 1 };
    }
  };

  let sb: ReturnType<typeof createSandbox>;
  beforeAll(async () => {
    sb = createSandbox({ seed: 1, loadBalancerIPs: ['34.64.140.187'], loadBalancerDelaySeconds: 1 });
    served = await serve(sb, { port: 0, speed: 20 });
    dir = mkdtempSync(join(tmpdir(), 'rollout-lab-kubectl-'));
    writeFileSync(join(dir, 'config'), kubeconfig(served.url));
    writeFileSync(
      join(dir, 'kubia.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: kubia}',
        'spec:',
        '  replicas: 3',
        '  selector: {matchLabels: {app: kubia}}',
        '  template:',
        '    metadata: {labels: {app: kubia}}',
        '    spec: {containers: [{name: nodejs, image: "luksa/kubia:v1"}]}',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await served?.close();
  });

  it('reads discovery and the server version', async () => {
    expect((await run('version')).out).toContain('Server Version: v1.32.0');
    expect((await run('get', 'ns')).out).toMatch(/^NAME\s+STATUS\s+AGE\ndefault\s+Active\s+24h\n/);
  });

  it('creates, rolls out, updates and shows history like a real cluster', async () => {
    expect(await run('create', '-f', join(dir, 'kubia.yaml'))).toMatchObject({
      out: 'deployment.apps/kubia created\n',
      code: 0,
    });
    expect((await run('rollout', 'status', 'deploy/kubia', '--timeout=60s')).out).toContain(
      'deployment "kubia" successfully rolled out',
    );
    expect((await run('set', 'image', 'deploy/kubia', 'nodejs=luksa/kubia:v2')).out).toBe(
      'deployment.apps/kubia image updated\n',
    );
    expect((await run('rollout', 'status', 'deploy/kubia', '--timeout=60s')).out).toContain(
      'successfully rolled out',
    );
    expect((await run('rollout', 'history', 'deploy/kubia')).out).toBe(
      'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    const rs = (await run('get', 'rs')).out.split('\n').filter(Boolean);
    expect(rs[0]).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$/);
    expect(
      rs
        .slice(1)
        .map((l) => l.split(/\s+/).slice(1, 4).join(' '))
        .sort(),
    ).toEqual(['0 0 0', '3 3 3']);
  });

  it('follows a log (logs -f) as lines come, until Ctrl+C, which kubectl ends with 1', async () => {
    await run('apply', '-f', join(dir, 'kubia.yaml'));
    await run('rollout', 'status', 'deploy/kubia', '--timeout=60s');
    const pod = sb.api.list('pods', 'default', { labelSelector: 'app=kubia' }).items[0].metadata.name!;
    const child = spawn(kubectl!, [`--kubeconfig=${join(dir, 'config')}`, 'logs', '-f', pod]);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const closed = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const until = async (f: () => boolean): Promise<void> => {
      for (let i = 0; i < 400 && !f(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    await until(() => out.includes('Kubia server starting...'));
    const ip = (sb.api.get('pods', 'default', pod).status as { podIP: string }).podIP;
    sb.network.request({ url: `http://${ip}:8080/`, from: { namespace: 'default' } });
    await until(() => out.includes('Received request'));
    expect(out).toMatch(/^Kubia server starting...\nReceived request from ::ffff:10\.244\.\d+\.1\n$/);
    child.kill('SIGINT');
    expect(await closed).toBe(1);
  });

  it('prints the server errors as kubectl does', async () => {
    expect(await run('get', 'deploy', 'nope')).toMatchObject({
      err: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      code: 1,
    });
    const bad = await run('scale', 'deploy/kubia', '--replicas=-1');
    expect(bad.code).toBe(1);
  });
});
