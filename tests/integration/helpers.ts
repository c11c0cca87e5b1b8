import type { KubeObject, KubeObjectInput } from '../../sandbox/api/types';
import type { Sandbox } from '../../sandbox/index';

/** The article's kubia Deployment (`kubia-deployment-v1.yaml`), with overrides. */
export function kubiaDeployment(
  image: string,
  spec: Record<string, unknown> = {},
  container: Record<string, unknown> = {},
  name = 'kubia',
  labels: Record<string, string> = { app: 'kubia' },
): KubeObjectInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: {
        metadata: { name: 'kubia', labels },
        spec: { containers: [{ name: 'nodejs', image, ...container }] },
      },
      ...spec,
    },
  };
}

export function kubiaRc(image = 'luksa/kubia:v1', name = 'kubia-v1'): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name },
    spec: {
      replicas: 3,
      template: {
        metadata: { name: 'kubia', labels: { app: 'kubia' } },
        spec: { containers: [{ name: 'nodejs', image }] },
      },
    },
  };
}

export function kubiaService(selector: Record<string, string> = { app: 'kubia' }): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubia' },
    spec: { type: 'LoadBalancer', selector, ports: [{ port: 80, targetPort: 8080 }] },
  };
}

export function pods(sb: Sandbox, selector = 'app=kubia'): KubeObject[] {
  return sb.api.list('pods', 'default', { labelSelector: selector }).items;
}

/** `NAME READY STATUS` of every pod, from the server's Table, as `kubectl get po` shows them. */
export function podRows(sb: Sandbox): string[] {
  return sb.api.table('pods', 'default').rows.map((r) => `${r.cells[0]} ${r.cells[1]} ${r.cells[2]}`);
}

/** Replica counts of the ReplicaSets by image: `{ 'luksa/kubia:v1': 3, ... }`. */
export function rsSizesByImage(sb: Sandbox): Record<string, number> {
  const out: Record<string, number> = {};
  for (const rs of sb.api.list('replicasets', 'default').items) {
    const image = (rs.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec
      .containers[0].image;
    out[image] = (out[image] ?? 0) + (rs.spec as { replicas: number }).replicas;
  }
  return out;
}

export function deploymentStatus(sb: Sandbox, name = 'kubia'): Record<string, unknown> {
  return (sb.api.get('deployments', 'default', name).status ?? {}) as Record<string, unknown>;
}

/** Advance virtual time in steps until `done()`; fails after `maxSeconds`. Returns the seconds it took. */
export function waitFor(sb: Sandbox, done: () => boolean, maxSeconds = 600, step = 1): number {
  let t = 0;
  while (!done()) {
    if (t >= maxSeconds) throw new Error(`condition not met after ${maxSeconds}s of virtual time`);
    sb.clock.advance(step);
    t += step;
  }
  return t;
}

/** One curl from the reader's laptop: the body, or the curl error line. */
export function curl(sb: Sandbox, url: string): string {
  const r = sb.network.request({ url });
  return r.ok ? r.response.body.trimEnd() : `curl: (${r.error.code}) ${r.error.message}`;
}

/** The app version that answered (`v1`, `v2`...) for each of `n` curls a second apart. */
export function versionsServed(sb: Sandbox, url: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = /This is (v\d)/.exec(curl(sb, url));
    out.push(m ? m[1] : 'error');
    sb.clock.advance(1);
  }
  return out;
}

export function allReady(sb: Sandbox, selector = 'app=kubia', n = 3): boolean {
  const ps = pods(sb, selector).filter((p) => !p.metadata.deletionTimestamp);
  return (
    ps.length === n &&
    ps.every((p) =>
      ((p.status as { conditions?: Array<{ type: string; status: string }> }).conditions ?? []).some(
        (c) => c.type === 'Ready' && c.status === 'True',
      ),
    )
  );
}

/** The Deployment controller has seen the latest spec and the rollout is complete (as `rollout status` decides). */
export function rolledOut(sb: Sandbox, name = 'kubia'): boolean {
  const d = sb.api.get('deployments', 'default', name);
  const s = (d.status ?? {}) as {
    observedGeneration?: number;
    updatedReplicas?: number;
    replicas?: number;
    availableReplicas?: number;
  };
  const want = (d.spec as { replicas: number }).replicas;
  return (
    s.observedGeneration === d.metadata.generation &&
    s.updatedReplicas === want &&
    s.replicas === want &&
    s.availableReplicas === want
  );
}
