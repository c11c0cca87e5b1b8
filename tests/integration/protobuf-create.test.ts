/**
 * The typed-client `kubectl create` commands, which POST protobuf bodies, with the REAL kubectl
 * v1.32 against a served sandbox and with the sandbox's own kubectl against an identical one (same
 * seed, same commands, same virtual time, as in kubectl-parity.test.ts). Checked for each command:
 * - both print the same, and the objects they created read back the same (`get -o yaml`, minus
 *   uid, creationTimestamp and resourceVersion);
 * - the protobuf body the real kubectl sent (captured by a pass-through proxy) decodes to exactly
 *   the object the same kubectl prints with `--dry-run=client -o json`, which is Go's JSON
 *   encoding of the struct it encoded.
 * Commands the sandbox's kubectl does not have (`create serviceaccount|secret|job`, whose kinds are
 * not served, and `create service externalname`, `create quota`) run with the real kubectl only.
 * Skips (with the reason printed) when no kubectl v1.32 binary is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlOrSkip, runBinary, runInSession, type Result } from './kubectl-bin';
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../sandbox/index';
import { serve, kubeconfig, type Served } from '../../sandbox/server/index';
import { decodeProtobufBody, type ExpectedKind } from '../../sandbox/server/protobuf/request';
import { resourceByPlural } from '../../sandbox/api/resources';
import { MemoryFs } from '../../sandbox/fs/memory';
import { createSession, type Session } from '../../sandbox/shell/session';

const kubectlBin = kubectlOrSkip('protobuf create tests');

interface Captured {
  path: string;
  body: Uint8Array;
}

const options = () => ({ seed: 11, loadBalancerIPs: ['34.64.140.187'], loadBalancerDelaySeconds: 1 });
/** Endpoints of kinds the sandbox does not serve, with the kind each decodes into. */
const UNSERVED: Record<string, ExpectedKind> = {
  serviceaccounts: { group: '', version: 'v1', kind: 'ServiceAccount' },
  secrets: { group: '', version: 'v1', kind: 'Secret' },
  jobs: { group: 'batch', version: 'v1', kind: 'Job' },
};

/** Fields that differ between two clusters for reasons unrelated to the body. */
const unstable = (yaml: string): string =>
  yaml.replace(/^(\s*(?:uid|creationTimestamp|resourceVersion)): .*$/gm, '$1: <x>');

describe.skipIf(!kubectlBin)('typed-client creates: the real kubectl (protobuf) and ours agree', () => {
  let dir: string;
  let served: Served;
  let proxy: Server;
  let real: Sandbox;
  let ours: Sandbox;
  let session: Session;
  const captured: Captured[] = [];

  const env = (config = 'config'): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: dir,
    KUBECONFIG: join(dir, config),
    KUBECACHEDIR: join(dir, 'cache'),
  });

  const runReal = (args: string[], config = 'config'): Promise<Result> =>
    runBinary(kubectlBin!, args, { env: env(config), cwd: dir });

  const runOurs = (args: string[]): Promise<Result> => runInSession(session, args);

  /** Run on both clusters at the same virtual instant; both results. */
  async function both(...args: string[]): Promise<{ real: Result; ours: Result }> {
    expect(real.clock.now()).toBe(ours.clock.now());
    const r = await runReal(args);
    const o = await runOurs(args);
    real.clock.flush();
    ours.clock.flush();
    return { real: r, ours: o };
  }

  async function same(...args: string[]): Promise<Result> {
    const r = await both(...args);
    expect(r.ours, `kubectl ${args.join(' ')}`).toEqual(r.real);
    return r.real;
  }

  function settle(seconds: number): void {
    for (let i = 0; i < seconds; i++) {
      real.clock.advance(1);
      ours.clock.advance(1);
    }
  }

  /**
   * A create command: both kubectls print the same, the real one sent protobuf, and its body decodes
   * to what it prints with `--dry-run=client -o json` (run without a server: the proxy is not involved).
   */
  async function create(...args: string[]): Promise<Result> {
    return checkBody(args, () => same(...args));
  }

  /** Runs `run` (a real kubectl command) and checks the one protobuf body it sent. */
  async function checkBody(args: string[], run: () => Promise<Result>): Promise<Result> {
    const before = captured.length;
    const r = await run();
    const sent = captured.slice(before);
    expect(sent, `kubectl ${args.join(' ')} sends one protobuf body`).toHaveLength(1);
    const plural = /\/([a-z]+)(?:\?|$)/.exec(sent[0].path)![1];
    const resource = resourceByPlural(plural) ?? UNSERVED[plural];
    const decoded = decodeProtobufBody(sent[0].body, resource);
    const dash = args.includes('--') ? args.indexOf('--') : args.length;
    const dryArgs = [...args.slice(0, dash), '--dry-run=client', '-o', 'json', ...args.slice(dash)];
    const dry = await runReal(dryArgs, 'offline');
    expect(dry.code, dry.err).toBe(0);
    expect(decoded, `the body of kubectl ${args.join(' ')}`).toStrictEqual(JSON.parse(dry.out));
    return r;
  }

  async function sameObject(kind: string, name: string, namespace = 'default'): Promise<void> {
    const args = ['get', kind, name, '-n', namespace, '-o', 'yaml'];
    const r = await both(...args);
    expect(r.real.code, r.real.err).toBe(0);
    expect(unstable(r.ours.out), `kubectl ${args.join(' ')}`).toBe(unstable(r.real.out));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-lab-protobuf-'));
    mkdirSync(join(dir, 'cache'));
    real = createSandbox(options());
    ours = createSandbox(options());
    served = await serve(real, { port: 0, speed: 0 });
    // A pass-through proxy in front of the served sandbox that keeps every protobuf body.
    const target = new URL(served.url);
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if ((req.headers['content-type'] ?? '').includes('protobuf')) {
          captured.push({ path: req.url ?? '', body: new Uint8Array(body) });
        }
        const fwd = request(
          {
            host: target.hostname,
            port: target.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        fwd.end(body);
      });
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    const port = (proxy.address() as { port: number }).port;
    writeFileSync(join(dir, 'config'), kubeconfig(`http://127.0.0.1:${port}`));
    // For `--dry-run=client`: a kubeconfig whose server nobody listens on (port 1).
    writeFileSync(join(dir, 'offline'), kubeconfig('http://127.0.0.1:1'));
    session = createSession({ sandbox: ours, fs: new MemoryFs({ files: {} }), isTTY: false });
  });
  afterAll(async () => {
    await new Promise<void>((ok) => (proxy ? proxy.close(() => ok()) : ok()));
    await served?.close();
    real?.stop();
    ours?.stop();
  });

  it('create namespace', async () => {
    expect((await create('create', 'namespace', 'custom')).out).toBe('namespace/custom created\n');
    await sameObject('namespace', 'custom');
    const again = await same('create', 'namespace', 'custom');
    expect(again.err).toContain('AlreadyExists');
  });

  it('create configmap (the lesson command)', async () => {
    await create(
      'create',
      'configmap',
      'kubia-config',
      '--from-literal=GREETING=hello',
      '--from-literal=X=y',
    );
    await sameObject('configmap', 'kubia-config');
    await create('create', 'configmap', 'other', '-n', 'custom', '--from-literal=a=b');
    await sameObject('configmap', 'other', 'custom');
  });

  it('create deployment', async () => {
    await create('create', 'deployment', 'kubia', '--image=luksa/kubia:v1', '--replicas=3', '--port=8080');
    settle(30);
    await sameObject('deployment', 'kubia');
    await same('get', 'pods');
    await create('create', 'deployment', 'preview', '--image=luksa/kubia:v2', '--dry-run=server');
    await same('get', 'deployments');
  });

  it('create service clusterip, nodeport, loadbalancer', async () => {
    await create('create', 'service', 'clusterip', 'kubia', '--tcp=80:8080');
    await sameObject('service', 'kubia');
    await create('create', 'service', 'nodeport', 'kubia-np', '--tcp=80:8080', '--node-port=30123');
    await sameObject('service', 'kubia-np');
    await create('create', 'service', 'loadbalancer', 'kubia-lb', '--tcp=80:8080');
    settle(5);
    await sameObject('service', 'kubia-lb');
    await same('get', 'svc');
  });

  // The sandbox's kubectl has no `create serviceaccount|secret|job` generators (nor the resources):
  // only the real kubectl runs here; its bodies decode and it gets the 404 a JSON body gets.
  it('kinds the API server does not serve fail as they do for a JSON body', async () => {
    const notFound = (what: string) => `the server could not find the requested resource (post ${what})\n`;
    let args = ['create', 'serviceaccount', 'builder'];
    let r = await checkBody(args, () => runReal(args));
    expect(r.err).toBe(`error: failed to create serviceaccount: ${notFound('serviceaccounts')}`);
    args = ['create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=pw=s3cr3t'];
    r = await checkBody(args, () => runReal(args));
    expect(r.err).toBe(`error: failed to create secret ${notFound('secrets')}`);
    args = ['create', 'job', 'once', '--image=busybox', '--', 'date'];
    r = await checkBody(args, () => runReal(args));
    expect(r.err).toBe(`error: failed to create job: ${notFound('jobs.batch')}`);
  });

  // Last: from here the clusters differ. The sandbox's kubectl lacks these two generators; the real
  // one's bodies decode and the served cluster stores what a JSON body would give.
  it('create service externalname and create quota (real kubectl only)', async () => {
    let args = ['create', 'service', 'externalname', 'upstream', '--external-name=example.com'];
    expect((await checkBody(args, () => runReal(args))).out).toBe('service/upstream created\n');
    expect(real.api.get('services', 'default', 'upstream').spec).toMatchObject({
      type: 'ExternalName',
      externalName: 'example.com',
      sessionAffinity: 'None',
    });
    args = ['create', 'quota', 'small', '-n', 'custom', '--hard=pods=5,cpu=1,memory=1Gi'];
    expect((await checkBody(args, () => runReal(args))).out).toBe('resourcequota/small created\n');
    expect(real.api.get('resourcequotas', 'custom', 'small').spec).toEqual({
      hard: { cpu: '1', memory: '1Gi', pods: '5' },
    });
  });
});
