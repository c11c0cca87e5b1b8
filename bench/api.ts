/**
 * API server benchmark: create 10,000 pods, list them by label selector, and watch every change.
 * Run with `npm run bench`. Prints the time per create and per selector list; a list by label
 * goes through the label index, so its cost follows the matches, not the store size.
 */
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../sandbox/index';

const N = Number(process.env.BENCH_PODS ?? 10_000);
const GROUPS = 100;

function pod(i: number): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `bench-${i}`,
      labels: { app: `app-${i % GROUPS}`, tier: i % 2 ? 'web' : 'db', idx: String(i) },
    },
    spec: { containers: [{ name: 'main', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }] },
  };
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function main(): void {
  const [sb, startMs] = time(() =>
    createSandbox({ seed: 7, podQuota: N * 2, maxPods: N * 2, cluster: false }),
  );
  const { api, clock } = sb;

  let events = 0;
  const watch = api.watch('pods', 'default', {}, () => events++);

  const [, createMs] = time(() => {
    for (let i = 0; i < N; i++) api.create(pod(i));
  });
  const [, deliverMs] = time(() => clock.flush());

  const LISTS = 1000;
  let matched = 0;
  const [, listMs] = time(() => {
    for (let i = 0; i < LISTS; i++)
      matched += api.list('pods', 'default', { labelSelector: `app=app-${i % GROUPS}` }).items.length;
  });
  const [, setListMs] = time(() => {
    for (let i = 0; i < LISTS; i++) {
      matched += api.list('pods', 'default', {
        labelSelector: `app in (app-${i % GROUPS},app-${(i + 1) % GROUPS}),tier=web`,
      }).items.length;
    }
  });
  const [, nameListMs] = time(() => {
    for (let i = 0; i < LISTS; i++)
      matched += api.list('pods', 'default', { fieldSelector: `metadata.name=bench-${i}` }).items.length;
  });
  const [, fullListMs] = time(() => api.list('pods', 'default'));
  const [, patchMs] = time(() => {
    for (let i = 0; i < 1000; i++)
      api.patch('pods', 'default', `bench-${i}`, { metadata: { labels: { patched: 'yes' } } }, 'strategic');
  });
  clock.flush();
  watch.stop();

  const rows: Array<[string, string]> = [
    ['sandbox start (bootstrap)', `${startMs.toFixed(2)} ms`],
    [
      `create ${N} pods`,
      `${createMs.toFixed(0)} ms total, ${((createMs / N) * 1000).toFixed(1)} µs per create`,
    ],
    ['deliver watch events', `${events} events in ${deliverMs.toFixed(0)} ms`],
    [`list by label (app=X, ${N / GROUPS} matches)`, `${((listMs / LISTS) * 1000).toFixed(1)} µs per list`],
    ['list by set selector (in + =)', `${((setListMs / LISTS) * 1000).toFixed(1)} µs per list`],
    ['list by field metadata.name', `${((nameListMs / LISTS) * 1000).toFixed(1)} µs per list`],
    [`full list of ${N} pods`, `${fullListMs.toFixed(1)} ms`],
    ['strategic merge patch of a label', `${(patchMs / 1000).toFixed(3)} ms per patch`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  if (matched === 0) throw new Error('no list matched anything');
}

main();
