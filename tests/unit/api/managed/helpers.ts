import { createSandbox } from '../../../../sandbox/index';
import type { KubeObject } from '../../../../sandbox/api/types';
import type { ManagedFieldsEntry } from '../../../../sandbox/api/managed';

export function apiOnly() {
  return createSandbox({ seed: 1, cluster: false });
}

export function deployment(image = 'luksa/kubia:v1', replicas = 3): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'kubia' } },
      template: {
        metadata: { labels: { app: 'kubia' } },
        spec: { containers: [{ name: 'kubia', image, ports: [{ containerPort: 8080 }] }] },
      },
    },
  };
}

export function entries(obj: KubeObject): ManagedFieldsEntry[] {
  return (obj.metadata.managedFields ?? []) as unknown as ManagedFieldsEntry[];
}

export function entryOf(
  obj: KubeObject,
  manager: string,
  operation = 'Update',
): ManagedFieldsEntry | undefined {
  return entries(obj).find((e) => e.manager === manager && e.operation === operation);
}
