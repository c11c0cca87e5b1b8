/**
 * What the API server fills in on create and update, as v1.32 defaulting does (applied when a
 * request body is decoded, so also to every update), plus the pod admission additions.
 */
import type { KubeObject } from '../types';
import type { ResourceInfo } from '../resources';
import { applyPodAdmissionDefaults as admitPod, type NameSuffixSource } from './admission';
import { defaultDeployment } from './deployment';
import { defaultEndpoints, defaultEndpointSlice } from './endpoints';
import { defaultNamespace } from './namespace';
import { defaultNode } from './node';
import { defaultPod } from './pod';
import { defaultReplicaSet } from './replicaset';
import { defaultReplicationController } from './replicationcontroller';
import { defaultService } from './service';
import type { JsonMap } from './json';

export type { NameSuffixSource };
export { defaultPullPolicy, parseImageReference } from './image';
export { normalizeServiceClusterIPs, patchServiceAllocatedValues } from './service';
export { prepareNamespaceForCreate } from './namespace';

const DEFAULTERS: Record<string, (obj: JsonMap) => void> = {
  'apps/Deployment': defaultDeployment,
  'apps/ReplicaSet': defaultReplicaSet,
  '/ReplicationController': defaultReplicationController,
  '/Pod': defaultPod,
  '/Service': defaultService,
  '/Namespace': defaultNamespace,
  '/Endpoints': defaultEndpoints,
  'discovery.k8s.io/EndpointSlice': defaultEndpointSlice,
  '/Node': defaultNode,
};

/**
 * Mutate `obj` as the API server's defaulting does for its kind. ConfigMap, Event and
 * ResourceQuota have nothing to default that shows in JSON.
 */
export function applyDefaults(resource: ResourceInfo, obj: KubeObject): void {
  let defaulter = byResource.get(resource);
  if (defaulter === undefined) {
    defaulter = DEFAULTERS[`${resource.group}/${resource.kind}`] ?? null;
    byResource.set(resource, defaulter);
  }
  defaulter?.(obj);
}

/** The defaulter of each resource, found once (every create and update asks; null: none). */
const byResource = new Map<ResourceInfo, ((obj: JsonMap) => void) | null>();

/** Mutating admission of a Pod create (service account token volume, tolerations, priority). */
export function applyPodAdmissionDefaults(pod: KubeObject, random: NameSuffixSource): void {
  admitPod(pod, random);
}
