/**
 * `kubectl describe`: the text kubectl's describers print for the objects the command resolved.
 * The command handler fetches the objects; this renders each (with the extra reads a describer
 * makes: events, ReplicaSets, pods, EndpointSlices) and joins them as kubectl does.
 */
import type { KubeObject } from '../../api/types';
import type { ResourceInfo } from '../../api/resources';
import type { KubectlEnv } from '../env';
import { describeNode } from './node';
import { describeConfigMap, describeGeneric, describeNamespace } from './other';
import { describePod } from './pod';
import { describeEndpoints, describeService } from './service';
import { DESCRIBE_TABS, tabwrite } from '../printers/tabwriter';
import { describeDeployment, describeReplicaSet, describeReplicationController } from './workloads';

export { describePodTemplate } from './template';
export { PrefixWriter } from './writer';

type Describer = (env: KubectlEnv, obj: KubeObject) => string;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/ReplicationController': describeReplicationController,
  '/Service': describeService,
  '/Endpoints': describeEndpoints,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
};

/** One object's description (tab-aligned, ends with a newline). */
export function describeObject(env: KubectlEnv, resource: ResourceInfo, obj: KubeObject): string {
  const slash = (obj.apiVersion ?? '').indexOf('/');
  const group = slash >= 0 ? obj.apiVersion.slice(0, slash) : '';
  const key = obj.kind ? `${group}/${obj.kind}` : `${resource.group}/${resource.kind}`;
  const fn = DESCRIBERS[key] ?? describeGeneric;
  return tabwrite(fn(env, obj), DESCRIBE_TABS);
}

/** Several objects as `kubectl describe` prints them: each after the first is preceded by "\n\n". */
export function describeObjects(env: KubectlEnv, resource: ResourceInfo, objects: KubeObject[]): string {
  return objects.map((o, i) => (i === 0 ? '' : '\n\n') + describeObject(env, resource, o)).join('');
}
