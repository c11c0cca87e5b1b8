/** The top-level kinds: where each apiVersion + kind starts in the type table. */
import { apps, autoscaling, core, discovery, meta } from './build';
import type { KindSchema } from './types';

function kind(apiVersion: string, name: string, type: string): KindSchema {
  return { apiVersion, kind: name, type };
}

/** The served kinds, in the order of the resource registry (core, then apps, then the others). */
export const KINDS: readonly KindSchema[] = [
  kind('v1', 'ConfigMap', core('ConfigMap')),
  kind('v1', 'Endpoints', core('Endpoints')),
  kind('v1', 'Event', core('Event')),
  kind('v1', 'Namespace', core('Namespace')),
  kind('v1', 'Node', core('Node')),
  kind('v1', 'Pod', core('Pod')),
  kind('v1', 'ReplicationController', core('ReplicationController')),
  kind('v1', 'ResourceQuota', core('ResourceQuota')),
  kind('v1', 'Service', core('Service')),
  kind('apps/v1', 'Deployment', apps('Deployment')),
  kind('apps/v1', 'ReplicaSet', apps('ReplicaSet')),
  kind('discovery.k8s.io/v1', 'EndpointSlice', discovery('EndpointSlice')),
  kind('autoscaling/v1', 'Scale', autoscaling('Scale')),
];

/**
 * Request-body kinds that are not resources. The server decodes DeleteOptions in `meta.k8s.io/v1` and,
 * for compatibility, in the group version of the resource being deleted.
 */
export const OPTION_KINDS: readonly KindSchema[] = [
  kind('meta.k8s.io/v1', 'DeleteOptions', meta('DeleteOptions')),
];
