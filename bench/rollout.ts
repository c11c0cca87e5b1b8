/**
 * Rollout benchmark: a Deployment of N replicas (100, 1,000, 10,000) created, then rolled from
 * kubia:v1 to kubia:v2 to completion on the virtual clock, with every controller, the scheduler
 * and the kubelets running. Prints wall time per size, the 10,000/1,000 ratio and peak memory.
 * Run with `npm run bench:rollout` (sizes can be given: `-- 100 1000`): bench/run.mjs bundles it as
 * the site ships the simulator. `npx tsx bench/rollout.ts` runs the sources directly.
 */
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../sandbox/index';

function deployment(replicas: number, image: string): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'kubia' } },
      template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'nodejs', image }] } },
    },
  };
}

interface Status {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
}

let peakRss = 0;
function sampleMemory(): void {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}

interface RunResult {
  createMs: number;
  rolloutMs: number;
  /** CPU time of the rolling update (user + system): steadier than wall time on a busy machine. */
  rolloutCpuMs: number;
  virtualSeconds: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function run(replicas: number): RunResult {
  // A kubelet runs at most 110 pods: give the cluster enough nodes for replicas + surge.
  const nodeCount = Math.max(3, Math.ceil((replicas * 1.3) / 100));
  const nodes = Array.from({ length: nodeCount }, (_, i) => `node-${i + 1}`);
  const sb = createSandbox({ seed: 11, podQuota: replicas * 3, maxPods: replicas * 3, nodes });
  const done = (): boolean => {
    const d = sb.api.get('deployments', 'default', 'kubia');
    const s = (d.status ?? {}) as Status;
    return (
      s.observedGeneration === d.metadata.generation &&
      s.updatedReplicas === replicas &&
      s.replicas === replicas &&
      s.availableReplicas === replicas
    );
  };
  const waitDone = (): number => {
    let t = 0;
    while (!done()) {
      sb.clock.advance(5);
      t += 5;
      sampleMemory();
      if (t > 24 * 3600) throw new Error(`rollout of ${replicas} did not finish in a virtual day`);
    }
    return t;
  };
  const t0 = performance.now();
  sb.api.create(deployment(replicas, 'luksa/kubia:v1'));
  waitDone();
  const t1 = performance.now();
  const c1 = cpuMs();
  sb.api.patch(
    'deployments',
    'default',
    'kubia',
    { spec: { template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] } } } },
    'strategic',
  );
  const virtualSeconds = waitDone();
  const t2 = performance.now();
  const c2 = cpuMs();
  sb.stop();
  return { createMs: t1 - t0, rolloutMs: t2 - t1, rolloutCpuMs: c2 - c1, virtualSeconds };
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const results = new Map<number, number>();
for (const n of sizes.length ? sizes : [100, 1000, 10000]) {
  const r = run(n);
  results.set(n, r.rolloutMs);
  console.log(
    `${String(n).padStart(6)} replicas: create ${r.createMs.toFixed(0).padStart(6)} ms, rolling update ${r.rolloutMs.toFixed(0).padStart(6)} ms wall, ${r.rolloutCpuMs.toFixed(0).padStart(6)} ms cpu (${r.virtualSeconds} s virtual)`,
  );
}
if (results.has(1000) && results.has(10000)) {
  console.log(`ratio 10,000 / 1,000: ${(results.get(10000)! / results.get(1000)!).toFixed(1)}`);
}
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
