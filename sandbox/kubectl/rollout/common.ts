/** Shared bits of the rollout subcommands: target options, name printing, kind checks. */
import type { ResourceInfo } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import type { KubectlEnv } from '../env';

export interface RolloutTarget {
  resource: ResourceInfo;
  /** Defaults to the env's namespace. */
  namespace?: string;
  name: string;
}

/** `deployment.apps/kubia`: kubectl's name printer. */
export function nameOf(resource: ResourceInfo, name: string): string {
  return `${resource.kind.toLowerCase()}${resource.group ? `.${resource.group}` : ''}/${name}`;
}

/** `deployments.apps`: how rollout errors name a resource. */
export function qualified(resource: ResourceInfo): string {
  return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}

/** schema.GroupKind.String(): `ReplicationController`, `ReplicaSet.apps`. */
export function groupKind(resource: ResourceInfo): string {
  return resource.group ? `${resource.kind}.${resource.group}` : resource.kind;
}

export function isDeployment(resource: ResourceInfo): boolean {
  return resource.group === 'apps' && resource.kind === 'Deployment';
}

export function namespaceOf(env: KubectlEnv, t: { namespace?: string }): string {
  return t.namespace || env.namespace;
}

/** The object as the command's builder fetched it (throws the API's NotFound). */
export function fetch(env: KubectlEnv, t: RolloutTarget): KubeObject {
  return env.api.get(t.resource.plural, namespaceOf(env, t), t.name);
}
