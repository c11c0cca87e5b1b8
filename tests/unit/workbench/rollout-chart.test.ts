import { describe, expect, it } from 'vitest';
import { createSession } from '../../../sandbox/index';
import { prepareLesson, runHeadless } from '../../../src/lessons/setup';
import { lessonFrontmatter } from '../../../src/lessons/schema';
import { clusterSnapshot } from '../../../src/workbench/cluster/snapshot';
import { RolloutHistory } from '../../../src/workbench/cluster/rollout-history';
import { chartGeometry } from '../../../src/workbench/cluster/chart';
import { clusterStrings } from '../../../src/workbench/cluster/strings';

async function rolled(manifest: string) {
  const fm = lessonFrontmatter.parse({
    title: 't',
    summary: 's',
    order: 1,
    cluster: { apply: ['kubia-deployment-v1.yaml'], wait: 60 },
  });
  const lesson = await prepareLesson(fm);
  const { sandbox, fs } = lesson;
  const h = new RolloutHistory();
  h.record(clusterSnapshot(sandbox.api, sandbox.clock.now()));
  await runHeadless(sandbox, fs, manifest);
  for (let i = 0; i < 90; i++) {
    sandbox.clock.advance(1);
    h.record(clusterSnapshot(sandbox.api, sandbox.clock.now()));
  }
  return { ...lesson, h };
}

describe('rollout chart', () => {
  it('draws one band per ReplicaSet, both bounds, and a time axis ending at now', async () => {
    const { h } = await rolled(
      `kubectl patch deployment kubia -p '{"spec":{"replicas":4,"strategy":{"rollingUpdate":{"maxSurge":"50%","maxUnavailable":"50%"}},"template":{"spec":{"containers":[{"name":"nodejs","image":"luksa/kubia:v2"}]}}}}'`,
    );
    // 4 replicas, 50%/50%: at most 4 + 2 = 6 pods, at least 4 − 2 = 2 available.
    const last = h.samples[h.samples.length - 1];
    expect([last.maxPods, last.minAvailable]).toEqual([6, 2]);
    const g = chartGeometry(h, clusterStrings('en'), { width: 500, height: 160 });
    expect(g.areas.map((a) => a.series.version)).toEqual(['v1', 'v2']);
    expect(g.maxPods).toMatch(/^M/);
    expect(g.minAvailable).toMatch(/^M/);
    expect(g.yMax).toBeGreaterThanOrEqual(7);
    expect(g.xTicks[0].label).toBe('now');
    expect(g.xTicks[0].x).toBeCloseTo(500 - 12);
    expect(g.xTicks.map((t) => t.label)).toContain('−60');
    // The x ticks run right to left, evenly spaced, all inside the plot.
    for (const t of g.xTicks) expect(t.x).toBeGreaterThanOrEqual(28 - 1e-6);
  });

  it('has no bounds for a Recreate Deployment beyond its replicas', async () => {
    const { h } = await rolled(
      `kubectl patch deployment kubia -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null},"template":{"spec":{"containers":[{"name":"nodejs","image":"luksa/kubia:v3"}]}}}}'`,
    );
    const last = h.samples[h.samples.length - 1];
    expect([last.maxPods, last.minAvailable]).toEqual([3, 0]);
    // Recreate: the old pods are gone (terminating) before any v3 pod exists.
    const both = h.samples.filter((x) => Object.keys(x.pods).length === 2);
    expect(both).toEqual([]);
  });
});

describe('request events', () => {
  it('reports a curl typed in a terminal to the sandbox network listeners (the view lights that pod)', async () => {
    const fm = lessonFrontmatter.parse({
      title: 't',
      summary: 's',
      order: 1,
      cluster: { apply: ['kubia-deployment-v1.yaml'], wait: 60 },
    });
    const { sandbox, fs } = await prepareLesson(fm);
    const answered: string[] = [];
    sandbox.network.onRequest((e) => {
      if (e.pod) answered.push(e.pod.name);
    });
    const session = createSession({ sandbox, fs });
    let out = '';
    const sink = { write: (s: string) => void (out += s) };
    await session.runDriven('curl -s http://34.64.140.187\n', { stdout: sink, stderr: sink });
    expect(answered).toHaveLength(1);
    expect(out).toContain(`running in pod ${answered[0]}`);
  });
});
