import { createSandbox, type KubeObject } from '../../../sandbox/index';
import type { KubectlEnv } from '../../../sandbox/kubectl/env';

export const START = '2026-11-26T22:49:47Z';

export function setup(now = START): { env: KubectlEnv; sb: ReturnType<typeof createSandbox> } {
  const sb = createSandbox({ cluster: false, now, seed: 7 });
  const env: KubectlEnv = { api: sb.api, clock: sb.clock, containers: sb.containers, namespace: 'default' };
  return { env, sb };
}

export function template(image: string, extraLabels: Record<string, string> = {}): Record<string, unknown> {
  return {
    metadata: { labels: { app: 'kubia', ...extraLabels } },
    spec: { containers: [{ name: 'nodejs', image }] },
  };
}

export function deployment(env: KubectlEnv, annotations: Record<string, string> = {}): KubeObject {
  return env.api.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia', namespace: 'default', labels: { app: 'kubia' }, annotations },
    spec: {
      replicas: 3,
      minReadySeconds: 10,
      selector: { matchLabels: { app: 'kubia' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: template('luksa/kubia:v2'),
    },
  });
}

export function replicaSet(
  env: KubectlEnv,
  owner: KubeObject,
  hash: string,
  image: string,
  revision: string,
  replicas: number,
  extraAnnotations: Record<string, string> = {},
): KubeObject {
  const rs = env.api.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `kubia-${hash}`,
      namespace: 'default',
      labels: { app: 'kubia', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': revision, ...extraAnnotations },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: owner.metadata.name!,
          uid: owner.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'kubia', 'pod-template-hash': hash } },
      template: template(image, { 'pod-template-hash': hash }),
    },
  });
  return env.api.updateStatus({ ...rs, status: { replicas, observedGeneration: 1 } });
}

export function event(
  env: KubectlEnv,
  obj: KubeObject,
  reason: string,
  message: string,
  first: number,
  last: number,
  count = 1,
  source = 'deployment-controller',
): void {
  const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
  env.api.create({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${obj.metadata.name}.${first.toString(16)}${reason.length}`, namespace: 'default' },
    involvedObject: {
      kind: obj.kind,
      apiVersion: obj.apiVersion,
      namespace: 'default',
      name: obj.metadata.name,
      uid: obj.metadata.uid,
    },
    reason,
    message,
    type: 'Normal',
    source: { component: source },
    firstTimestamp: iso(first),
    lastTimestamp: iso(last),
    count,
  });
}
