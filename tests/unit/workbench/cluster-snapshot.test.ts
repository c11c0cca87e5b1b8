import { describe, expect, it } from 'vitest';
import { prepareLesson, runHeadless } from '../../../src/lessons/setup';
import { lessonFrontmatter } from '../../../src/lessons/schema';
import { clusterSnapshot, CHIP_CAP } from '../../../src/workbench/cluster/snapshot';
import { resolveFenceposts } from '../../../src/workbench/cluster/fenceposts';
import { podVersion } from '../../../src/workbench/cluster/pod-state';
import { RolloutHistory } from '../../../src/workbench/cluster/rollout-history';
import { summarize } from '../../../src/workbench/cluster/summary';
import { clusterStrings } from '../../../src/workbench/cluster/strings';

async function lesson(apply: string[], wait = 60) {
  const fm = lessonFrontmatter.parse({ title: 't', summary: 's', order: 1, cluster: { apply, wait } });
  return prepareLesson(fm);
}

const snap = (sb: { api: Parameters<typeof clusterSnapshot>[0]; clock: { now(): number } }) =>
  clusterSnapshot(sb.api, sb.clock.now());

describe('resolveFenceposts', () => {
  it.each([
    ['25%', '25%', 3, 1, 0],
    ['25%', '25%', 10, 3, 2],
    [1, 0, 3, 1, 0],
    [0, 0, 3, 0, 1],
    ['0%', '10%', 3, 0, 1], // floor(0.3) = 0 and surge 0: the rollout still needs one pod of room
    ['50%', '50%', 5, 3, 2],
    [2, '100%', 4, 2, 4],
  ])('maxSurge %s, maxUnavailable %s of %i replicas → surge %i, unavailable %i', (s, u, r, surge, unav) => {
    expect(resolveFenceposts(s, u, r)).toEqual({ surge, unavailable: unav });
  });
});

describe('podVersion', () => {
  it.each([
    ['luksa/kubia:v2', 'v2'],
    ['docker.io/luksa/kubia:v4', 'v4'],
    ['luksa/kubia', 'latest'],
    ['nginx:1.27', 'nginx:1.27'],
    ['localhost:5000/kubia-unhealthy', 'kubia-unhealthy:latest'],
    ['luksa/kubia:v1@sha256:abc', 'v1'],
  ])('%s → %s', (image, version) => expect(podVersion(image)).toBe(version));
});

describe('clusterSnapshot', () => {
  it('groups a Deployment, its ReplicaSets and pods, and the Service routing to them', async () => {
    const { sandbox } = await lesson(['kubia-deployment-v1.yaml']);
    const s = snap(sandbox);
    expect(s.deployments).toHaveLength(1);
    const d = s.deployments[0];
    expect(d).toMatchObject({
      name: 'kubia',
      replicas: 3,
      maxPods: 4,
      minAvailable: 3,
      revision: 1,
      version: 'v1',
    });
    expect(d.replicaSets).toHaveLength(1);
    const rs = d.replicaSets[0];
    expect(rs).toMatchObject({ revision: 1, desired: 3, current: 3, ready: 3, available: 3, version: 'v1' });
    expect(rs.name).toBe(`kubia-${rs.hash}`);
    expect(rs.pods.map((p) => p.state)).toEqual(['ready', 'ready', 'ready']);
    expect(rs.pods.every((p) => p.ip?.startsWith('10.244.') && p.node?.startsWith('node-'))).toBe(true);
    expect(s.controllers).toEqual([]);
    expect(s.orphans).toEqual([]);
    const svc = s.services.find((x) => x.name === 'kubia')!;
    expect(svc).toMatchObject({ type: 'LoadBalancer', selector: 'app=kubia', externalIP: '34.64.140.187' });
    expect([...svc.routesTo].sort()).toEqual(rs.pods.map((p) => p.name).sort());
    expect(s.services.some((x) => x.name === 'kubernetes')).toBe(false);
  });

  it('shows a rolling update step by step: new pods creating, old ones terminating', async () => {
    const { sandbox, fs } = await lesson(['kubia-deployment-v1.yaml']);
    await runHeadless(sandbox, fs, 'kubectl set image deployment kubia nodejs=luksa/kubia:v2');
    sandbox.clock.advance(1);
    let s = snap(sandbox);
    let d = s.deployments[0];
    expect(d.revision).toBe(2);
    expect(d.replicaSets.map((r) => [r.revision, r.version])).toEqual([
      [2, 'v2'],
      [1, 'v1'],
    ]);
    expect(d.newReplicaSet).toBe(d.replicaSets[0].name);
    // maxSurge 1, maxUnavailable 0: one extra v2 pod, all three v1 pods still serving.
    expect(d.replicaSets[0].pods.map((p) => p.state)).toEqual(['creating']);
    expect(d.replicaSets[1].counts.ready).toBe(3);
    const terminatingSeen = new Set<string>();
    for (let i = 0; i < 120; i++) {
      sandbox.clock.advance(1);
      s = snap(sandbox);
      for (const p of s.deployments[0].replicaSets[1].pods)
        if (p.state === 'terminating') terminatingSeen.add(p.name);
      const all = s.deployments[0].replicaSets.flatMap((r) => r.pods);
      expect(all.filter((p) => p.state !== 'terminating').length).toBeLessThanOrEqual(4);
    }
    expect(terminatingSeen.size).toBe(3);
    d = s.deployments[0];
    expect(d.updated).toBe(3);
    expect(d.replicaSets[0].pods.map((p) => [p.state, p.version])).toEqual([
      ['ready', 'v2'],
      ['ready', 'v2'],
      ['ready', 'v2'],
    ]);
    expect(d.replicaSets[1].pods).toEqual([]);
  });

  it('shows failing pods with their reason', async () => {
    const { sandbox, fs } = await lesson(['kubia-deployment-v1.yaml']);
    await runHeadless(sandbox, fs, 'kubectl set image deployment kubia nodejs=luksa/kubia:v9');
    sandbox.clock.advance(20);
    const newRs = snap(sandbox).deployments[0].replicaSets[0];
    expect(newRs.version).toBe('v9');
    expect(newRs.pods[0].state).toBe('failing');
    expect(newRs.pods[0].reason).toMatch(/ErrImagePull|ImagePullBackOff/);
  });

  it('lists bare ReplicationControllers and orphan pods', async () => {
    const { sandbox, fs } = await lesson(['kubia-rc-and-service-v1.yaml']);
    await runHeadless(sandbox, fs, 'kubectl run lonely --image=luksa/kubia:v3');
    sandbox.clock.advance(30);
    const s = snap(sandbox);
    expect(s.deployments).toEqual([]);
    expect(s.controllers.map((c) => [c.kind, c.name, c.pods.length, c.revision])).toEqual([
      ['ReplicationController', 'kubia-v1', 3, undefined],
    ]);
    expect(s.orphans.map((p) => [p.name, p.version, p.state])).toEqual([['lonely', 'v3', 'ready']]);
    // The orphan carries no app=kubia label: the Service does not route to it.
    expect(s.services[0].routesTo).not.toContain('lonely');
  });

  it('caps the chips of a big ReplicaSet and still counts every pod', async () => {
    const { sandbox, fs } = await lesson(['kubia-deployment-v1.yaml']);
    await runHeadless(sandbox, fs, 'kubectl scale deployment kubia --replicas=80');
    sandbox.clock.advance(120);
    const started = performance.now();
    const s = snap(sandbox);
    const ms = performance.now() - started;
    const rs = s.deployments[0].replicaSets[0];
    expect(rs.pods).toHaveLength(CHIP_CAP);
    expect(rs.more).toBe(80 - CHIP_CAP);
    expect(Object.values(rs.counts).reduce((a, b) => a + b, 0)).toBe(80);
    expect(ms).toBeLessThan(50);
  });
});

describe('RolloutHistory and the summary', () => {
  it('records pods per ReplicaSet only when they change, with the bounds', async () => {
    const { sandbox, fs } = await lesson(['kubia-deployment-v1.yaml']);
    const h = new RolloutHistory();
    h.record(snap(sandbox));
    sandbox.clock.advance(5);
    h.record(snap(sandbox));
    expect(h.samples).toHaveLength(1);
    await runHeadless(sandbox, fs, 'kubectl set image deployment kubia nodejs=luksa/kubia:v2');
    for (let i = 0; i < 60; i++) {
      sandbox.clock.advance(1);
      h.record(snap(sandbox));
    }
    expect(h.orderedSeries().map((x) => [x.revision, x.version])).toEqual([
      [1, 'v1'],
      [2, 'v2'],
    ]);
    const [oldRs, newRs] = h.orderedSeries().map((x) => x.name);
    const first = h.samples[0];
    const last = h.samples[h.samples.length - 1];
    expect(first.pods).toEqual({ [oldRs]: 3 });
    expect(last.pods).toEqual({ [newRs]: 3 });
    expect(h.samples.every((x) => x.maxPods === 4 && x.minAvailable === 3)).toBe(true);
    // Never more pods than the surge bound; never fewer ready than the availability bound.
    for (const x of h.samples) {
      expect(Object.values(x.pods).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4);
      expect(x.ready).toBeGreaterThanOrEqual(3);
    }
    expect(h.samples.length).toBeGreaterThan(4);
  });

  it('tells a screen reader where the rollout is, in English and Korean', async () => {
    const { sandbox, fs } = await lesson(['kubia-deployment-v1.yaml']);
    await runHeadless(sandbox, fs, 'kubectl set image deployment kubia nodejs=luksa/kubia:v2');
    let s = snap(sandbox);
    for (
      let i = 0;
      i < 60 && !s.deployments[0].replicaSets[1]?.pods.some((p) => p.state === 'terminating');
      i++
    ) {
      sandbox.clock.advance(1);
      s = snap(sandbox);
    }
    const text = summarize(s, clusterStrings('en'));
    const old = s.deployments[0].replicaSets[1].name;
    expect(text).toMatch(/^Deployment kubia: revision 2, [1-3] of 3 pods updated, \d ready\./);
    expect(text).toContain(`Old ReplicaSet ${old}: `);
    expect(text).toMatch(/1 terminating/);
    expect(text).toContain('Service kubia routes to');
    expect(summarize(s, clusterStrings('ko'))).toContain('디플로이먼트 kubia: 리비전 2');
  });
});
