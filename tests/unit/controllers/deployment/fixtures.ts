/**
 * ReplicaSets built by hand, as upstream's unit tests build them: owned by the Deployment, with
 * the pod-template-hash label, the replica annotations and a status — for mid-rollout states
 * that are awkward to reach step by step.
 */
import type { KubeObject } from '../../../../sandbox/api/types';
import type { Harness } from './harness';

export interface RSFixture {
  /** The container image of its template (the Deployment's own image makes it the new RS). */
  image: string;
  replicas: number;
  /** status.availableReplicas (default: replicas). */
  available?: number;
  revision: number;
  /** desired-replicas / max-replicas annotations. */
  desired: number;
  max: number;
}

/**
 * Create the RSs oldest first, one virtual second apart; returns them in the same order. Owned by
 * `d` when given, else orphans (a Deployment created afterwards adopts them).
 */
export function createReplicaSets(h: Harness, d: KubeObject | undefined, list: RSFixture[]): KubeObject[] {
  return list.map((f, i) => {
    if (i > 0) h.clock.advance(1);
    const hash = `h${f.revision}`;
    const labels = { app: 'web', 'pod-template-hash': hash };
    const rs = h.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `web-${hash}`,
        namespace: 'default',
        labels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(f.desired),
          'deployment.kubernetes.io/max-replicas': String(f.max),
          'deployment.kubernetes.io/revision': String(f.revision),
        },
        ...(d
          ? {
              ownerReferences: [
                {
                  apiVersion: 'apps/v1',
                  kind: 'Deployment',
                  name: d.metadata.name!,
                  uid: d.metadata.uid!,
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            }
          : {}),
      },
      spec: {
        replicas: f.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'web', image: f.image }] },
        },
      },
    });
    const available = f.available ?? f.replicas;
    return h.api.updateStatus({
      ...rs,
      status: {
        replicas: f.replicas,
        readyReplicas: available,
        availableReplicas: available,
        observedGeneration: 1,
      },
    });
  });
}

export const sizeOf = (h: Harness, name: string): number =>
  (h.api.get('replicasets', 'default', name).spec as { replicas: number }).replicas;
