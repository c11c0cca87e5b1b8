/** The kinds whose protobuf bodies are decoded, by `group/version/kind` (group '' is the core group). */
import type { Message } from './schema';
import { HORIZONTAL_POD_AUTOSCALER } from './tables/autoscaling';
import { DEPLOYMENT } from './tables/apps';
import { JOB } from './tables/batch';
import { CONFIG_MAP, NAMESPACE, RESOURCE_QUOTA, SECRET, SERVICE, SERVICE_ACCOUNT } from './tables/core';
import { DeleteOptions } from './tables/meta';

const KINDS: ReadonlyMap<string, Message> = new Map([
  ['/v1/Namespace', NAMESPACE],
  ['/v1/ConfigMap', CONFIG_MAP],
  ['/v1/Secret', SECRET],
  ['/v1/ServiceAccount', SERVICE_ACCOUNT],
  ['/v1/Service', SERVICE],
  ['/v1/ResourceQuota', RESOURCE_QUOTA],
  ['apps/v1/Deployment', DEPLOYMENT],
  ['batch/v1/Job', JOB],
  ['autoscaling/v1/HorizontalPodAutoscaler', HORIZONTAL_POD_AUTOSCALER],
  // DeleteOptions is registered in every group version; a DELETE body names meta.k8s.io/v1 or v1.
  ['meta.k8s.io/v1/DeleteOptions', DeleteOptions()],
  ['/v1/DeleteOptions', DeleteOptions()],
]);

export function messageForKind(group: string, version: string, kind: string): Message | undefined {
  return KINDS.get(`${group}/${version}/${kind}`);
}
