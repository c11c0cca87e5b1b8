/**
 * Parity: the REAL kubectl v1.32 against a served sandbox, and the sandbox's own kubectl (through
 * the shell session) against an identical sandbox: same seed, same commands in the same order, and
 * the same virtual time. Skips (with the reason printed) when no kubectl v1.32 binary is installed.
 *
 * Time. The served sandbox is started with `speed: 0`, so its virtual clock does not follow real
 * time (it still runs queued zero-delay work every 50 ms; ours gets a `flush()` after each
 * command). The test advances both clocks by the same amounts between commands (`settle`), and
 * ours runs each command without driving its clock: both clusters are at the same virtual instant
 * when each command runs, so server-side Table columns (AGE) agree without normalisation. The few
 * commands that wait on the cluster (`delete`, a watching `rollout status`) run with the served
 * clock ticking and ours driven (`waiting`), then the clock that is behind catches up.
 *
 * Normalisations (only what must differ):
 * - client-side ages: `kubectl describe` computes the ages of Events from the client's clock, real
 *   time for the real kubectl and virtual time for ours; the age column of the Events table becomes
 *   `<age>` (and its padding two spaces).
 * - `kubectl.kubernetes.io/restartedAt` (written by `rollout restart` from the client's clock) becomes
 *   `<time>`; the pod template then differs, so the pod-template-hash of that ReplicaSet (and its
 *   pods) differs: ours is mapped to the real one (`hashAliases`), and tables after the restart are
 *   compared row by row in sorted order with collapsed padding (`sameRows`).
 * - the temporary file names `kubectl edit` reports (`/tmp/kubectl-edit-NNNN.yaml`) become `<tmp>`.
 * - a watching `rollout status`: only its last line is compared (progress lines depend on polling).
 * The real binary is run through a symlink named `kubectl`, since it records its own name in
 * `--record` change causes. `KNOWN` lists the differences still to fix in the sandbox's kubectl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlOrSkip, runBinary, runInSession, type Result } from './kubectl-bin';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../sandbox/index';
import { serve, kubeconfig, type Served } from '../../sandbox/server/index';
import { MemoryFs } from '../../sandbox/fs/memory';
import { createSession, type Session } from '../../sandbox/shell/session';

const kubectlBin = kubectlOrSkip('kubectl parity tests');

const SEED = 7;
const options = () => ({ seed: SEED, loadBalancerIPs: ['34.64.140.187'], loadBalancerDelaySeconds: 1 });

const DEPLOYMENT = (replicas: number, image = 'luksa/kubia:v1') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: kubia',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    '      app: kubia',
    '  template:',
    '    metadata:',
    '      name: kubia',
    '      labels:',
    '        app: kubia',
    '    spec:',
    '      containers:',
    `      - image: ${image}`,
    '        name: nodejs',
    '',
  ].join('\n');

const SERVICE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: kubia',
  'spec:',
  '  type: LoadBalancer',
  '  selector:',
  '    app: kubia',
  '  ports:',
  '  - port: 80',
  '    targetPort: 8080',
  '',
].join('\n');

/** The normalisations documented at the top of this file. */
export function normalise(text: string): string {
  let inEvents = false;
  return text
    .replace(/(kubectl\.kubernetes\.io\/restartedAt["']?:\s*["']?)[0-9T:.+\-Z]+/g, '$1<time>')
    .replace(/\/tmp\/kubectl-edit-[\w-]+\.(yaml|json)/g, '<tmp>')
    .split('\n')
    .map((line) => {
      if (/^Events:/.test(line)) inEvents = line.trim() === 'Events:';
      else if (!line.startsWith(' ')) inEvents = false;
      if (!inEvents) return line;
      // The Events table: `  Normal  Reason  <age>  From  Message`, padded to the widest age.
      const m = /^( {2}(?:Normal|Warning|Type|----) {2,}\S+ {2,})(.*?)( {2,})(\S.*)$/.exec(line);
      if (!m) return line;
      const age = /^(Type|----)/.test(m[1].trim()) ? m[2] : '<age>';
      return `${m[1].replace(/ {2,}/g, '  ')}${age}  ${m[4].replace(/ {2,}/g, '  ')}`;
    })
    .join('\n');
}

/**
 * Known differences of the sandbox's kubectl (not of the served API server): the command's output
 * is expected to differ, and the test fails when it stops differing so the entry can go.
 */
const KNOWN: Record<string, string> = {};

describe.skipIf(!kubectlBin)('the real kubectl and the sandbox kubectl print the same', () => {
  let dir: string;
  let served: Served;
  let real: Sandbox;
  let ours: Sandbox;
  let session: Session;
  let editScript = (s: string) => s;
  const files: Record<string, string> = {};

  // kubectl records its own name (os.Args[0]) in `--record` change causes: run it as `kubectl`.
  const bin = (): string => join(dir, 'bin', 'kubectl');
  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: dir,
    KUBECONFIG: join(dir, 'config'),
    KUBECACHEDIR: join(dir, 'cache'),
    TMPDIR: '/tmp',
  });

  const runReal = (args: string[], extraEnv: Record<string, string> = {}): Promise<Result> =>
    runBinary(bin(), args, { env: { ...env(), ...extraEnv }, cwd: dir });

  const runOurs = (args: string[], prefix = '', driven = false): Promise<Result> =>
    runInSession(session, args, { prefix, driven });

  /**
   * A command that waits on the cluster (`delete` waits for the object to go): the served clock
   * moves a virtual second every 10 ms while the real kubectl runs, ours jumps (driven); then the
   * clock that is behind catches up, so both are at the same instant again.
   */
  async function waiting(...args: string[]): Promise<Result> {
    return waitingThen((x) => x, ...args);
  }

  /** As `waiting`, comparing `pick` of the outputs (intermediate lines depend on the tick rate). */
  async function waitingThen(pick: (r: Result) => Result, ...args: string[]): Promise<Result> {
    expect(real.clock.now()).toBe(ours.clock.now());
    const ticker = setInterval(() => real.clock.advance(1), 10);
    let r: Result;
    try {
      r = await runReal(args);
    } finally {
      clearInterval(ticker);
    }
    const o = await runOurs(args, '', true);
    const behind = real.clock.now() - ours.clock.now();
    if (behind > 0) ours.clock.advanceMs(behind);
    else real.clock.advanceMs(-behind);
    expect(pick(o), `kubectl ${args.join(' ')}`).toEqual(pick(r));
    return r;
  }

  /**
   * pod-template-hash of ours → of the real one, for ReplicaSets of the same revision whose
   * templates differ (only after `rollout restart`, whose annotation carries the client's clock).
   */
  function hashAliases(): Array<[string, string]> {
    const byRevision = (sb: Sandbox): Map<string, string> =>
      new Map(
        sb.api
          .list('replicasets', 'default')
          .items.map((rs) => [
            `${rs.metadata.ownerReferences?.[0]?.name}#${rs.metadata.annotations?.['deployment.kubernetes.io/revision']}`,
            rs.metadata.labels?.['pod-template-hash'] ?? '',
          ]),
      );
    const theirs = byRevision(real);
    const out: Array<[string, string]> = [];
    for (const [rev, hash] of byRevision(ours)) {
      const other = theirs.get(rev);
      if (other && other !== hash) out.push([hash, other]);
    }
    return out;
  }

  /** Run on both clusters; returns both results, normalised. */
  async function both(args: string[]): Promise<{ real: Result; ours: Result }> {
    expect(real.clock.now()).toBe(ours.clock.now());
    const r = await runReal(args);
    const o = await runOurs(args);
    // The served sandbox runs its queued (zero-delay) work every 50 ms; run ours too.
    real.clock.flush();
    ours.clock.flush();
    const aliases = hashAliases();
    const alias = (t: string): string => aliases.reduce((acc, [a, b]) => acc.split(a).join(b), t);
    const n = (x: Result, f = (t: string) => t): Result => ({
      out: normalise(f(x.out)),
      err: normalise(f(x.err)),
      code: x.code,
    });
    return { real: n(r), ours: n(o, alias) };
  }

  /** The same virtual time passes on both clusters. */
  function settle(seconds: number): void {
    for (let i = 0; i < seconds; i++) {
      real.clock.advance(1);
      ours.clock.advance(1);
    }
  }

  const same = async (...args: string[]): Promise<Result> => {
    const r = await both(args);
    const known = KNOWN[args.join(' ').split(dir).join('<dir>')];
    if (known) expect(r.ours, `known difference still there: ${known}`).not.toEqual(r.real);
    else expect(r.ours, `kubectl ${args.join(' ')}`).toEqual(r.real);
    return r.real;
  };

  /**
   * As `same`, for tables after `rollout restart`: the aliased names no longer sort as the real
   * ones do, and may be shorter or longer (the hash is printed without leading zeros), so the rows
   * (not the header) are compared in sorted order with column padding collapsed.
   */
  const sameRows = async (...args: string[]): Promise<void> => {
    const r = await both(args);
    const rows = (x: Result): Result => {
      const [head, ...rest] = x.out.trimEnd().split('\n');
      const pad = (l: string): string => l.replace(/ {2,}/g, '  ');
      return { ...x, out: [head, ...rest].map(pad).sort().join('\n') };
    };
    expect(rows(r.ours), `kubectl ${args.join(' ')}`).toEqual(rows(r.real));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-lab-parity-'));
    mkdirSync(join(dir, 'cache'));
    mkdirSync(join(dir, 'bin'));
    symlinkSync(kubectlBin!, bin());
    files[join(dir, 'kubia-deployment-v1.yaml')] = DEPLOYMENT(3);
    files[join(dir, 'kubia-deployment-v1-4.yaml')] = DEPLOYMENT(4);
    files[join(dir, 'kubia-svc.yaml')] = SERVICE;
    files[join(dir, 'kubia-bad-field.yaml')] = DEPLOYMENT(3).replace(
      '  replicas: 3',
      '  replicas: 3\n  replica: 2',
    );
    for (const [p, t] of Object.entries(files)) writeFileSync(p, t);
    real = createSandbox(options());
    ours = createSandbox(options());
    served = await serve(real, { port: 0, speed: 0 });
    writeFileSync(join(dir, 'config'), kubeconfig(served.url));
    session = createSession({
      sandbox: ours,
      fs: new MemoryFs({ files }),
      isTTY: false,
      editor: { edit: (_file, content) => Promise.resolve(editScript(content)) },
    });
  });
  afterAll(async () => {
    await served?.close();
    real?.stop();
    ours?.stop();
  });

  it('reads the fresh cluster', async () => {
    await same('get', 'nodes');
    await same('get', 'nodes', '-o', 'wide');
    await same('get', 'ns');
    await same('get', 'all');
  });

  it('creates from a file and lists in every output form', async () => {
    await same('create', '-f', join(dir, 'kubia-deployment-v1.yaml'));
    settle(60);
    await same('get', 'deploy');
    await same('get', 'deploy', '-o', 'wide');
    await same('get', 'rs', '-o', 'wide');
    await same('get', 'pods', '-o', 'wide');
    await same('get', 'pods', '--show-labels');
    await same('get', 'pods', '-L', 'app,pod-template-hash');
    await same('get', 'deploy', 'kubia', '-o', 'yaml');
    await same('get', 'deploy', 'kubia', '-o', 'json');
    await same('get', 'pods', '-o', 'name');
    await same('get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}');
    await same('get', 'deploy', 'kubia', '-o', 'jsonpath={.spec.template.spec.containers[0].image}');
    await same('get', 'pods', '-l', 'app=kubia', '-o', 'yaml');
    await same('get', 'all');
    await same('rollout', 'status', 'deploy/kubia');
    await same(
      'get',
      'deploy',
      '-o',
      'custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[*].image',
    );
    await same('create', '-f', join(dir, 'kubia-deployment-v1.yaml'));
    await same('create', '-f', join(dir, 'kubia-bad-field.yaml'));
    await same('apply', '-f', join(dir, 'kubia-bad-field.yaml'));
  });

  it('reads discovery and OpenAPI (api-resources, explain)', async () => {
    await same('api-resources');
    await same('api-resources', '--namespaced=false');
    await same('api-versions');
    await same('explain', 'deployment.spec.strategy');
    await same('explain', 'pod.spec.containers.image');
  });

  it('applies (create, unchanged, configure)', async () => {
    await same('apply', '-f', join(dir, 'kubia-svc.yaml'));
    settle(5);
    await same('apply', '-f', join(dir, 'kubia-svc.yaml'));
    await same('get', 'svc', '-o', 'wide');
    await same('get', 'svc', 'kubia', '-o', 'yaml');
    await same('apply', '-f', join(dir, 'kubia-deployment-v1-4.yaml'));
    settle(30);
    await same('get', 'deploy', 'kubia', '-o', 'yaml');
    await same('get', 'pods');
  });

  it('updates: set image, scale, label, annotate, patch', async () => {
    await same('set', 'image', 'deployment', 'kubia', 'nodejs=luksa/kubia:v2');
    settle(120);
    await same('rollout', 'status', 'deployment', 'kubia');
    await same('rollout', 'history', 'deployment', 'kubia');
    await same('rollout', 'history', 'deployment', 'kubia', '--revision=2');
    await same('get', 'rs');
    await same('scale', 'deploy', 'kubia', '--replicas=3');
    settle(40);
    await same('get', 'pods', '--show-labels');
    await same('label', 'deploy', 'kubia', 'tier=web');
    await same('label', 'deploy', 'kubia', 'tier=backend', '--overwrite');
    await same('annotate', 'deploy', 'kubia', 'owner=team-a');
    await same('get', 'deploy', '-L', 'tier');
    await same('patch', 'deploy', 'kubia', '-p', '{"spec":{"minReadySeconds":10}}');
    await same(
      'patch',
      'deploy',
      'kubia',
      '--type',
      'merge',
      '-p',
      '{"spec":{"progressDeadlineSeconds":600}}',
    );
    await same(
      'patch',
      'deploy',
      'kubia',
      '--type',
      'json',
      '-p',
      '[{"op":"replace","path":"/spec/revisionHistoryLimit","value":5}]',
    );
    await same('patch', 'deploy', 'kubia', '-p', '{"spec":{"minReadySeconds":10}}');
    await same('get', 'deploy', 'kubia', '-o', 'yaml');
  });

  it('pauses, resumes, undoes and restarts rollouts', async () => {
    await same('rollout', 'pause', 'deploy/kubia');
    await same('rollout', 'pause', 'deploy/kubia');
    await same('set', 'image', 'deploy/kubia', 'nodejs=luksa/kubia:v3');
    settle(30);
    await same('rollout', 'history', 'deploy/kubia');
    await same('rollout', 'resume', 'deploy/kubia');
    settle(120);
    await same('rollout', 'history', 'deploy/kubia');
    await same('rollout', 'undo', 'deploy/kubia');
    settle(120);
    await same('rollout', 'undo', 'deploy/kubia', '--to-revision=1');
    settle(120);
    await same('rollout', 'history', 'deploy/kubia');
    await same('get', 'rs', '-o', 'wide');
  });

  it('shows a rollout half way and the lesson variants of the commands', { timeout: 120_000 }, async () => {
    await same('set', 'image', 'deploy/kubia', 'nodejs=luksa/kubia:v3', '--record');
    settle(12);
    await same('rollout', 'status', 'deploy/kubia', '--watch=false');
    await same('get', 'pods', '--sort-by=.metadata.creationTimestamp');
    await same('get', 'pods', '--field-selector', 'status.phase=Running', '-o', 'name');
    await same('get', 'rs', '-l', 'app=kubia', '-o', 'wide');
    await same('get', 'deploy', 'kubia', '-o', 'jsonpath={.status}');
    await same('rollout', 'history', 'deploy/kubia');
    // Waiting for the rollout: the progress lines depend on how often each side looks, so only the
    // last line (and the exit code) is compared.
    const last = (x: Result): Result => ({ ...x, out: x.out.trimEnd().split('\n').pop() ?? '' });
    const done = await waitingThen(last, 'rollout', 'status', 'deploy/kubia');
    expect(done.out).toContain('Waiting for deployment "kubia" rollout to finish');
    expect(last(done).out).toBe('deployment "kubia" successfully rolled out');
    settle(120);
    await same('rollout', 'status', 'deploy/kubia', '--watch=false');
    await same('annotate', 'deploy', 'kubia', 'owner=team-b', '--overwrite');
    await same('annotate', 'deploy', 'kubia', 'owner-');
    await same('label', 'deploy', 'kubia', 'tier-');
    await same('scale', 'deploy', 'kubia', '--current-replicas=5', '--replicas=3');
    await same('create', '-f', join(dir, 'kubia-deployment-v1.yaml'), '--dry-run=client', '-o', 'yaml');
    await same('patch', 'deploy', 'kubia', '-p', '{"spec":{"replicas":2}}', '--dry-run=server', '-o', 'name');
    await same('rollout', 'undo', 'deploy/kubia', '--dry-run=server');
    await same('get', 'events', '--field-selector', 'involvedObject.kind=Deployment');
    await same('describe', 'pods');
  });

  it('describes', async () => {
    await same('describe', 'deploy', 'kubia');
    await same('describe', 'rs');
    const pod = ours.api.list('pods', 'default').items[0].metadata.name!;
    await same('describe', 'pod', pod);
    await same('describe', 'svc', 'kubia');
  });

  it('prints logs', async () => {
    const pod = ours.api.list('pods', 'default').items[0].metadata.name!;
    await same('logs', pod);
    await same('logs', pod, '--tail=1');
    await same(
      'get',
      'pods',
      '-o',
      'custom-columns=NAME:.metadata.name,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime',
    );
    await same('logs', 'deploy/kubia');
  });

  it('refuses port-forwards as kubectl does before it connects', async () => {
    // Everything up to the stream upgrade (which the served sandbox does not speak).
    await same('port-forward', 'deploy/kubia');
    await same('port-forward', 'deploy/kubia', 'abc');
    await same('port-forward', 'deploy/kubia', '8080:');
    await same('port-forward', 'deploy/kubia', '99999');
    await same('port-forward', 'deploy/kubia', '8080:0');
    await same('port-forward', '--address', 'nope', 'deploy/kubia', '8080');
    await same('port-forward', 'nope', '8080');
    await same('port-forward', 'foo/nope', '8080');
    await same('port-forward', 'rs/nope', '8080');
    await same('port-forward', 'svc/kubia', '8082:81');
    await same('port-forward', 'svc/kubia', '8082:http');
  });

  it('edits through a scripted EDITOR', async () => {
    editScript = (s) => s.replace(/kubia:v1/g, 'kubia:v2');
    const args = ['edit', 'deploy', 'kubia'];
    const r = normalise(
      JSON.stringify(await runReal(args, { EDITOR: `sed -i s/kubia:v1/kubia:v2/g`, KUBE_EDITOR: '' })),
    );
    const o = normalise(JSON.stringify(await runOurs(args, `EDITOR='sed -i s/kubia:v1/kubia:v2/g' `)));
    expect(JSON.parse(o)).toEqual(JSON.parse(r));
    expect(JSON.parse(r)).toMatchObject({ out: 'deployment.apps/kubia edited\n', code: 0 });
    settle(120);
    await same('get', 'rs', '-o', 'wide');
    await same('rollout', 'history', 'deploy/kubia');
    await same('describe', 'deployment', 'kubia');
  });

  it('lists events with kubectl events', async () => {
    // LAST SEEN is computed from the client's clock (real time for the real kubectl): normalised.
    const lastSeen = (x: Result): Result => ({
      ...x,
      out: x.out
        .split('\n')
        .map((l) =>
          /^(NAMESPACE +)?LAST SEEN/.test(l)
            ? l
            : l.replace(
                /^(default +)?\S+( \(x\d+ over \S+\))?/,
                (_m, ns: string | undefined) => `${ns ?? ''}<age>`,
              ),
        )
        .map((l) => l.replace(/ {2,}/g, '  '))
        .join('\n'),
    });
    const events = async (...args: string[]): Promise<void> => {
      const r = await both(['events', ...args]);
      expect(lastSeen(r.ours), `kubectl events ${args.join(' ')}`).toEqual(lastSeen(r.real));
    };
    await events();
    await events('--for', 'deploy/kubia');
    await events('--for', 'rs/nope');
    await events('--types=Warning,normal', '--no-headers');
    await events('-A');
    await events('--for', 'deploy/kubia', '-o', 'json');
    await events('--for', 'deploy/kubia', '-o', 'yaml');
    await events('-o', 'name');
    await events('--for', 'kubia');
    await events('--for', 'foo/bar');
    await events('--types=Bad');
    await same('top', 'pods');
    await same('top', 'node', 'node-1');
  });

  it('watches a few events (get -w)', async () => {
    const args = ['get', 'pods', '-w'];
    // Real: start the watch, wait for the first listing, then scale and let time pass.
    const child = spawn(bin(), args, { env: env(), cwd: dir });
    let realOut = '';
    child.stdout.on('data', (b: Buffer) => (realOut += b.toString()));
    const closed = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const until = async (f: () => boolean): Promise<void> => {
      for (let i = 0; i < 400 && !f(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    await until(() => realOut.split('\n').length > 3);
    // Ours: the same command, not driven; its watch sees the same changes.
    let oursOut = '';
    const running = session.run(`kubectl ${args.join(' ')}\n`, {
      stdout: { write: (t) => void (oursOut += t) },
      stderr: { write: () => undefined },
    });
    await until(() => oursOut.split('\n').length > 3);
    for (const sb of [real, ours])
      sb.api.patchScale('deployments', 'default', 'kubia', { spec: { replicas: 4 } }, 'merge', {
        dryRun: false,
        fieldValidation: 'Strict',
        warnings: [],
      });
    for (let i = 0; i < 20; i++) {
      settle(1);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Ours printed synchronously; give the real one (a process reading a stream) time to catch up.
    await until(() => realOut.length >= oursOut.length);
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    session.interrupt();
    // kubectl catches SIGINT (its interrupt handler) and exits 1, not 130.
    const realCode = await closed;
    expect(await running).toBe(realCode);
    expect(realCode).toBe(1);
    expect(oursOut).toEqual(realOut);
    expect(realOut).toContain('ContainerCreating');
  });

  it('restarts a rollout', async () => {
    await same('rollout', 'restart', 'deploy/kubia');
    settle(120);
    await same('rollout', 'status', 'deploy/kubia');
    await sameRows('get', 'rs', '-o', 'wide');
    await sameRows('get', 'pods');
    await same('rollout', 'history', 'deploy/kubia');
    await same('get', 'deploy', 'kubia', '-o', 'yaml');
  });

  it('deletes and prints server errors the same', { timeout: 120_000 }, async () => {
    await same('get', 'deploy', 'nope');
    await same('delete', 'deploy', 'nope');
    await same('scale', 'deploy', 'kubia', '--replicas=-1');
    await same('patch', 'deploy', 'kubia', '--type', 'json', '-p', '[{"op":"remove","path":"/spec/nope"}]');
    await waiting('delete', '-f', join(dir, 'kubia-svc.yaml'));
    await waiting('delete', 'deploy', 'kubia');
    settle(60);
    await same('get', 'all');
  });
});
