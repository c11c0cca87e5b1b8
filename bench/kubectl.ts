/**
 * kubectl benchmark: what a reader's commands cost on a busy namespace. Builds, through the public
 * API of a bare sandbox (no controllers), a Deployment `kubia` at revision 11 with 10 old
 * ReplicaSets scaled to 0, 1,000 running and ready pods of its new ReplicaSet, and the events a
 * cluster would have recorded for them; then times kubectl commands (warm-up, median of N runs).
 * Run with `npx tsx bench/kubectl.ts` (BENCH_PODS, BENCH_RUNS to change the sizes).
 * Targets (issue 4): `get pods` over 1,000 pods and `describe deploy` with 10 old RSs under 20 ms.
 */
import { performance } from 'node:perf_hooks';
import { createFs, createSandbox, kubectl, type CommandIO, type KubeObject } from '../sandbox/index';

const PODS = Number(process.env.BENCH_PODS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARMUP = 3;
const OLD_RS = 10;
const TARGET_MS = 20;

const sb = createSandbox({ cluster: false, seed: 7, podQuota: PODS * 2, maxPods: PODS * 2 });
const { api, clock } = sb;
const ts = (): string => new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

function template(rev: number, hash?: string): Record<string, unknown> {
  return {
    metadata: { labels: hash ? { app: 'kubia', 'pod-template-hash': hash } : { app: 'kubia' } },
    spec: {
      containers: [
        {
          name: 'nodejs',
          image: `luksa/kubia:v${rev}`,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          env: [{ name: 'REVISION', value: String(rev) }],
        },
      ],
    },
  };
}

/** A generated-name-like suffix (`length` characters of the alphabet the controllers use). */
function hashOf(rev: number, length = 10): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = rev;
  let s = '';
  for (let i = 0; i < length; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x9e3779b9;
    h = (h ^ (h >>> 12)) >>> 0;
    s += alphabet[h % alphabet.length];
  }
  return s;
}

let eventSeq = 0;
function event(
  involved: KubeObject,
  reason: string,
  message: string,
  component: string,
  host?: string,
  count = 1,
): void {
  const now = ts();
  api.create({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${involved.metadata.name}.${(BigInt(clock.now()) * 1_000_000n + BigInt(eventSeq++)).toString(16)}`,
      namespace: 'default',
    },
    involvedObject: {
      kind: involved.kind,
      namespace: 'default',
      name: involved.metadata.name,
      uid: involved.metadata.uid,
      apiVersion: involved.apiVersion,
      resourceVersion: involved.metadata.resourceVersion,
    },
    reason,
    message,
    source: host ? { component, host } : { component },
    firstTimestamp: now,
    lastTimestamp: now,
    count,
    type: 'Normal',
    eventTime: null,
    reportingComponent: component,
    reportingInstance: host ?? '',
  } as never);
}

function build(): void {
  const REVS = OLD_RS + 1;
  const deploy = api.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia', annotations: { 'deployment.kubernetes.io/revision': String(REVS) } },
    spec: {
      replicas: PODS,
      minReadySeconds: 10,
      selector: { matchLabels: { app: 'kubia' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: template(REVS),
    },
  } as never);
  const owner = (o: KubeObject, kind: string) => [
    {
      apiVersion: o.apiVersion,
      kind,
      name: o.metadata.name!,
      uid: o.metadata.uid!,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
  let newRS: KubeObject | undefined;
  for (let rev = 1; rev <= REVS; rev++) {
    clock.advance(600);
    const hash = hashOf(rev);
    const current = rev === REVS;
    const rs = api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `kubia-${hash}`,
        labels: { app: 'kubia', 'pod-template-hash': hash },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(PODS),
          'deployment.kubernetes.io/max-replicas': String(PODS + 1),
          'deployment.kubernetes.io/revision': String(rev),
        },
        ownerReferences: owner(deploy, 'Deployment'),
      },
      spec: {
        replicas: current ? PODS : 0,
        minReadySeconds: 10,
        selector: { matchLabels: { app: 'kubia', 'pod-template-hash': hash } },
        template: template(rev, hash),
      },
    } as never);
    const n = current ? PODS : 0;
    api.updateStatus({
      ...rs,
      status: current
        ? {
            replicas: n,
            fullyLabeledReplicas: n,
            readyReplicas: n,
            availableReplicas: n,
            observedGeneration: 1,
          }
        : { replicas: 0, observedGeneration: 2 },
    });
    if (rev > 1) {
      event(
        deploy,
        'ScalingReplicaSet',
        `Scaled up replica set kubia-${hash} from 0 to 1`,
        'deployment-controller',
      );
      event(
        deploy,
        'ScalingReplicaSet',
        `Scaled down replica set kubia-${hashOf(rev - 1)} from ${PODS} to 0`,
        'deployment-controller',
      );
    } else {
      event(
        deploy,
        'ScalingReplicaSet',
        `Scaled up replica set kubia-${hash} from 0 to ${PODS}`,
        'deployment-controller',
      );
    }
    if (current) newRS = rs;
  }
  const rs = newRS!;
  const hash = hashOf(REVS);
  const nodes = ['node-1', 'node-2', 'node-3'];
  for (let i = 0; i < PODS; i++) {
    if (i % 100 === 0) clock.advance(1);
    const suffix = hashOf(1_000_000 + i, 5);
    const pod = api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `kubia-${hash}-${suffix}`,
        labels: { app: 'kubia', 'pod-template-hash': hash },
        ownerReferences: owner(rs, 'ReplicaSet'),
      },
      spec: { ...(template(REVS).spec as object), nodeName: nodes[i % 3] },
    } as never);
    const started = ts();
    const ip = `10.244.${(i % 3) + 1}.${(Math.floor(i / 3) % 250) + 2}`;
    const updated = api.updateStatus({
      ...pod,
      status: {
        phase: 'Running',
        conditions: [
          { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: started },
          { type: 'Initialized', status: 'True', lastTransitionTime: started },
          { type: 'Ready', status: 'True', lastTransitionTime: started },
          { type: 'ContainersReady', status: 'True', lastTransitionTime: started },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: started },
        ],
        hostIP: `192.168.49.${(i % 3) + 2}`,
        hostIPs: [{ ip: `192.168.49.${(i % 3) + 2}` }],
        podIP: ip,
        podIPs: [{ ip }],
        startTime: started,
        qosClass: 'BestEffort',
        containerStatuses: [
          {
            name: 'nodejs',
            state: { running: { startedAt: started } },
            lastState: {},
            ready: true,
            restartCount: i % 50 === 0 ? 1 : 0,
            image: `docker.io/luksa/kubia:v${REVS}`,
            imageID: `docker.io/luksa/kubia@sha256:${'0123456789abcdef'.repeat(4)}`,
            containerID: `containerd://${(i + 1).toString(16).padStart(64, 'a')}`,
            started: true,
          },
        ],
      },
    } as never);
    event(rs, 'SuccessfulCreate', `Created pod: ${updated.metadata.name}`, 'replicaset-controller');
    const host = nodes[i % 3];
    event(
      updated,
      'Scheduled',
      `Successfully assigned default/${updated.metadata.name} to ${host}`,
      'default-scheduler',
    );
    event(
      updated,
      'Pulled',
      `Container image "luksa/kubia:v${REVS}" already present on machine`,
      'kubelet',
      host,
    );
    event(updated, 'Created', 'Created container nodejs', 'kubelet', host);
    event(updated, 'Started', 'Started container nodejs', 'kubelet', host);
  }
  const d = api.get('deployments', 'default', 'kubia');
  const t = ts();
  api.updateStatus({
    ...d,
    status: {
      observedGeneration: 1,
      replicas: PODS,
      updatedReplicas: PODS,
      readyReplicas: PODS,
      availableReplicas: PODS,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: t,
          lastTransitionTime: t,
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "kubia-${hash}" has successfully progressed.`,
          lastUpdateTime: t,
          lastTransitionTime: t,
        },
      ],
    },
  } as never);
  clock.advance(120);
  clock.flush();
}

const fs = createFs();
const env = { api, clock, containers: sb.containers, namespace: 'default' };

async function run(argv: string[]): Promise<{ out: string; err: string; rc: number }> {
  let out = '';
  let err = '';
  const io: CommandIO = {
    stdin: { readAll: async () => '', isTerminal: false },
    stdout: { write: (t) => void (out += t) },
    stderr: { write: (t) => void (err += t) },
    interrupt: { interrupted: false, onInterrupt: () => () => {} },
    env: { HOME: fs.home },
    cwd: fs.home,
    fs,
    isTTY: false,
  };
  const rc = await kubectl(argv, io, env);
  return { out, err, rc };
}

interface Result {
  label: string;
  median: number;
  min: number;
  lines: number;
  target?: number;
}

async function bench(label: string, argv: string[], target?: number): Promise<Result> {
  let lines = 0;
  for (let i = 0; i < WARMUP; i++) {
    const r = await run(argv);
    if (r.rc !== 0) throw new Error(`kubectl ${argv.join(' ')} failed (${r.rc}): ${r.err}`);
    lines = r.out.split('\n').length - 1;
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run(argv);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)], min: times[0], lines, target };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  build();
  const buildMs = performance.now() - t0;
  const events = api.list('events', 'default').items.length;

  const results = [
    await bench(`kubectl get pods (${PODS} pods)`, ['get', 'pods'], TARGET_MS),
    await bench('kubectl get pods -o wide', ['get', 'pods', '-o', 'wide']),
    await bench('kubectl get pods -o yaml', ['get', 'pods', '-o', 'yaml']),
    await bench(
      `kubectl describe deploy kubia (${OLD_RS} old RS)`,
      ['describe', 'deploy', 'kubia'],
      TARGET_MS,
    ),
    await bench(`kubectl get events (${events} events)`, ['get', 'events']),
  ];

  console.log(
    `state: ${PODS} pods, ${OLD_RS + 1} ReplicaSets, ${events} events, built in ${buildMs.toFixed(0)} ms`,
  );
  console.log(`median of ${RUNS} runs after ${WARMUP} warm-up runs\n`);
  const w = Math.max(...results.map((r) => r.label.length));
  let missed = 0;
  for (const r of results) {
    const verdict =
      r.target === undefined
        ? ''
        : r.median < r.target
          ? `  ok (< ${r.target} ms)`
          : `  MISSED (target ${r.target} ms)`;
    if (r.target !== undefined && r.median >= r.target) missed++;
    console.log(
      `${r.label.padEnd(w)}  ${r.median.toFixed(2).padStart(8)} ms  (min ${r.min.toFixed(2)} ms, ${r.lines} lines)${verdict}`,
    );
  }
  if (missed) process.exitCode = 1;
}

void main();
