/**
 * The lesson scenes, end to end through the public contract: the whole simulated cluster
 * (controllers, scheduler, kubelets, network) reacting to API writes on the virtual clock.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/index';
import {
  allReady,
  curl,
  deploymentStatus,
  kubiaDeployment,
  kubiaRc,
  kubiaService,
  podRows,
  pods,
  rolledOut,
  rsSizesByImage,
  versionsServed,
  waitFor,
} from './helpers';

const LB = '34.64.140.187';

function cluster(seed = 1): Sandbox {
  return createSandbox({ seed, loadBalancerIPs: [LB, '34.64.200.253'] });
}

function serviceReady(sb: Sandbox): void {
  sb.api.create(kubiaService());
  waitFor(
    sb,
    () =>
      (
        (sb.api.get('services', 'default', 'kubia').status as { loadBalancer?: { ingress?: unknown[] } })
          .loadBalancer?.ingress ?? []
      ).length > 0,
    120,
  );
}

describe('a ReplicationController updated by hand', () => {
  it('replaces deleted pods and serves both versions during the switch', () => {
    const sb = cluster();
    sb.api.create(kubiaRc());
    serviceReady(sb);
    waitFor(sb, () => allReady(sb));
    expect(curl(sb, `http://${LB}`)).toMatch(/^This is v1 running in pod kubia-v1-[a-z0-9]{5}$/);

    // Change the pod template: existing pods keep running v1.
    sb.api.patch(
      'replicationcontrollers',
      'default',
      'kubia-v1',
      { spec: { template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] } } } },
      'strategic',
    );
    sb.clock.advance(5);
    expect(new Set(versionsServed(sb, `http://${LB}`, 10))).toEqual(new Set(['v1']));

    // Delete one pod: the RC replaces it at once with a v2 pod; the old one terminates for 30 s.
    const victim = pods(sb)[0].metadata.name!;
    sb.api.delete('pods', 'default', victim);
    sb.clock.flush();
    expect(podRows(sb)).toContain(`${victim} 1/1 Terminating`);
    expect(pods(sb).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    waitFor(sb, () => allReady(sb));
    const served = new Set(versionsServed(sb, `http://${LB}`, 40));
    expect(served).toEqual(new Set(['v1', 'v2']));

    // Delete the rest: only v2 answers once they are replaced.
    for (const p of pods(sb)) {
      const image = (p.spec as { containers: Array<{ image: string }> }).containers[0].image;
      if (image === 'luksa/kubia:v1' && !p.metadata.deletionTimestamp)
        sb.api.delete('pods', 'default', p.metadata.name!);
    }
    waitFor(sb, () => pods(sb).length === 3 && allReady(sb), 120);
    expect(new Set(versionsServed(sb, `http://${LB}`, 20))).toEqual(new Set(['v2']));
  });
});

describe('Deployments', () => {
  it('rolls from v1 to v2, leaving the old ReplicaSet at 0, and rolls back to it', () => {
    const sb = cluster(2);
    sb.api.create(kubiaDeployment('luksa/kubia:v1'));
    serviceReady(sb);
    waitFor(sb, () => deploymentStatus(sb).availableReplicas === 3);
    const v1 = sb.api.list('replicasets', 'default').items[0];
    expect(v1.metadata.name).toMatch(/^kubia-[4-9b-df]{6,10}$/);
    expect(v1.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');

    sb.api.patch(
      'deployments',
      'default',
      'kubia',
      { spec: { template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] } } } },
      'strategic',
    );
    waitFor(sb, () => rolledOut(sb), 300);
    expect(rsSizesByImage(sb)).toEqual({ 'luksa/kubia:v1': 0, 'luksa/kubia:v2': 3 });
    waitFor(sb, () => pods(sb).length === 3, 60);
    expect(new Set(versionsServed(sb, `http://${LB}`, 10))).toEqual(new Set(['v2']));
    const events = sb.api
      .list('events', 'default', { fieldSelector: 'involvedObject.kind=Deployment' })
      .items.map((e) => e.message);
    expect(events).toContain(`Scaled up replica set ${v1.metadata.name} to 3`);
    expect(events).toContain(`Scaled down replica set ${v1.metadata.name} to 0 from 1`);

    // Roll back as kubectl does: the old ReplicaSet's template (without its hash label) goes back in.
    const oldTemplate = structuredClone(
      (
        sb.api.get('replicasets', 'default', v1.metadata.name!).spec as {
          template: { metadata: { labels: Record<string, string> } };
        }
      ).template,
    );
    delete oldTemplate.metadata.labels['pod-template-hash'];
    sb.api.patch(
      'deployments',
      'default',
      'kubia',
      [{ op: 'replace', path: '/spec/template', value: oldTemplate }],
      'json',
    );
    waitFor(sb, () => rolledOut(sb), 300);
    const reused = sb.api.get('replicasets', 'default', v1.metadata.name!);
    expect((reused.spec as { replicas: number }).replicas).toBe(3);
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(rsSizesByImage(sb)).toEqual({ 'luksa/kubia:v1': 3, 'luksa/kubia:v2': 0 });
  });

  it('stops the v3 rollout at one unready pod while v2 keeps serving, then reports the deadline', () => {
    const sb = cluster(3);
    sb.api.create(kubiaDeployment('luksa/kubia:v2'));
    serviceReady(sb);
    waitFor(sb, () => deploymentStatus(sb).availableReplicas === 3);
    // kubia-deployment-v3-with-readinesscheck.yaml
    const v3 = kubiaDeployment(
      'luksa/kubia:v3',
      {
        minReadySeconds: 10,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      },
      { readinessProbe: { periodSeconds: 1, httpGet: { path: '/', port: 8080 } } },
    );
    const current = sb.api.get('deployments', 'default', 'kubia');
    sb.api.update({ ...v3, metadata: { ...current.metadata } });
    sb.clock.advance(60);
    expect(rsSizesByImage(sb)).toEqual({ 'luksa/kubia:v2': 3, 'luksa/kubia:v3': 1 });
    const rows = podRows(sb);
    expect(rows.filter((r) => r.endsWith('1/1 Running'))).toHaveLength(3);
    expect(rows.filter((r) => r.endsWith('0/1 Running'))).toHaveLength(1);
    expect(new Set(versionsServed(sb, `http://${LB}`, 20))).toEqual(new Set(['v2']));
    const unhealthy = sb.api
      .list('events', 'default', { fieldSelector: 'reason=Unhealthy' })
      .items.map((e) => e.message);
    expect(unhealthy).toContain('Readiness probe failed: HTTP probe failed with statuscode: 500');

    sb.clock.advance(600);
    const progressing = (
      deploymentStatus(sb).conditions as Array<{
        type: string;
        status: string;
        reason: string;
        message: string;
      }>
    ).find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(progressing?.message).toMatch(/^ReplicaSet "kubia-[4-9b-df]+" has timed out progressing\.$/);
    expect(rsSizesByImage(sb)).toEqual({ 'luksa/kubia:v2': 3, 'luksa/kubia:v3': 1 });
  });
});

describe('blue/green', () => {
  it('moves traffic the instant the Service selector moves, and back', () => {
    const sb = cluster(4);
    sb.api.create(kubiaDeployment('luksa/kubia:v1', {}, {}, 'kubia-blue', { app: 'kubia', color: 'blue' }));
    sb.api.create({ ...kubiaService({ app: 'kubia', color: 'blue' }) });
    sb.api.create(kubiaDeployment('luksa/kubia:v2', {}, {}, 'kubia-green', { app: 'kubia', color: 'green' }));
    waitFor(sb, () => allReady(sb, 'app=kubia', 6) && curl(sb, `http://${LB}`).startsWith('This is'), 300);
    expect(new Set(versionsServed(sb, `http://${LB}`, 10))).toEqual(new Set(['v1']));

    sb.api.patch(
      'services',
      'default',
      'kubia',
      { spec: { selector: { app: 'kubia', color: 'green' } } },
      'strategic',
    );
    sb.clock.flush();
    expect(curl(sb, `http://${LB}`)).toMatch(/^This is v2 /);
    expect(new Set(versionsServed(sb, `http://${LB}`, 10))).toEqual(new Set(['v2']));

    sb.api.patch(
      'services',
      'default',
      'kubia',
      { spec: { selector: { app: 'kubia', color: 'blue' } } },
      'strategic',
    );
    sb.clock.flush();
    expect(curl(sb, `http://${LB}`)).toMatch(/^This is v1 /);
  });
});

describe('cascading deletion', () => {
  it('deleting a Deployment removes its ReplicaSets and pods, leaving no orphans', () => {
    const sb = cluster(5);
    sb.api.create(kubiaDeployment('luksa/kubia:v1'));
    waitFor(sb, () => deploymentStatus(sb).availableReplicas === 3);
    sb.api.delete('deployments', 'default', 'kubia');
    waitFor(sb, () => pods(sb).length === 0 && sb.api.list('replicasets', 'default').items.length === 0, 120);
  });
});
