/**
 * The two kinds this controller serves. Upstream runs one implementation for both: the
 * ReplicationController is converted to a ReplicaSet shape on the way in (its map selector becomes
 * `matchLabels`), and pods, events and status go back out under the RC's own kind.
 */
import type { KubeObject, LabelSelector } from '../../api/types';

export interface ControllerKind {
  kind: 'ReplicaSet' | 'ReplicationController';
  apiVersion: string;
  /** The resource the controller watches and writes. */
  plural: string;
  /** The event source component. */
  component: string;
  /** The selector as a metav1.LabelSelector. */
  labelSelector(obj: KubeObject): LabelSelector | undefined;
}

function spec(obj: KubeObject): { selector?: unknown } {
  return (obj.spec ?? {}) as { selector?: unknown };
}

export const REPLICA_SET: ControllerKind = {
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  plural: 'replicasets',
  component: 'replicaset-controller',
  labelSelector: (obj) => (spec(obj).selector ?? undefined) as LabelSelector | undefined,
};

export const REPLICATION_CONTROLLER: ControllerKind = {
  kind: 'ReplicationController',
  apiVersion: 'v1',
  plural: 'replicationcontrollers',
  component: 'replication-controller',
  // The RC adapter converts the map into `{matchLabels: map}` (an empty map selects everything there).
  labelSelector: (obj) => {
    const map = spec(obj).selector as Record<string, string> | undefined;
    return { matchLabels: { ...(map ?? {}) } };
  },
};
