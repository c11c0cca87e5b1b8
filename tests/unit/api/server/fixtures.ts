import type { KubeObjectInput } from '../../../../sandbox/api/types';

export function deployment(name = 'kubia', extra: Record<string, unknown> = {}): KubeObjectInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
      },
      ...extra,
    },
  };
}

export function pod(
  name: string,
  labels: Record<string, string> = { app: 'kubia' },
  extraSpec: Record<string, unknown> = {},
): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: {
      containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }],
      ...extraSpec,
    },
  };
}

export function rc(name = 'kubia-v1'): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name },
    spec: {
      replicas: 3,
      template: {
        metadata: { name: 'kubia', labels: { app: 'kubia' } },
        spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
      },
    },
  };
}

export function service(name = 'kubia', type = 'LoadBalancer'): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { type, selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
  };
}

/** Run `fn` and return the Status it throws (fails the test if nothing is thrown). */
export function statusOf(fn: () => unknown): {
  code: number;
  reason?: string;
  message?: string;
  details?: unknown;
} {
  try {
    fn();
  } catch (e) {
    const s = (e as { status?: { code: number; reason?: string; message?: string } }).status;
    if (!s) throw e;
    return s;
  }
  throw new Error('expected an API error, got success');
}
