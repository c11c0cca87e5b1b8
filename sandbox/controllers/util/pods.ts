/**
 * Pod facts every controller uses, as upstream's podutil computes them: ready, available (ready for
 * minReadySeconds), active (counted by controllers), and the controllerRef of an object.
 */
import type { KubeObject, OwnerReference } from '../../api/types';

interface PodCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
}

export function podConditions(pod: KubeObject): PodCondition[] {
  return ((pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? []) as PodCondition[];
}

export function podPhase(pod: KubeObject): string {
  return (pod.status as { phase?: string } | undefined)?.phase ?? '';
}

/**
 * The Ready condition. A plain scan (a pod has about five conditions): remembering it per stored
 * version in a WeakMap cost more than the scan, as every pod status write makes a new version.
 */
export function readyCondition(pod: KubeObject): PodCondition | undefined {
  const conditions = (pod.status as { conditions?: PodCondition[] } | undefined)?.conditions;
  if (!conditions) return undefined;
  for (let i = 0; i < conditions.length; i++) if (conditions[i].type === 'Ready') return conditions[i];
  return undefined;
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/**
 * podutil.IsPodAvailable: ready, and (minReadySeconds > 0) ready since strictly more than
 * minReadySeconds before `nowMs` (lastTransitionTime + minReadySeconds < now). That is why the
 * ReplicaSet controller re-syncs minReadySeconds + 1 s after a pod turns ready.
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  if (!c.lastTransitionTime) return false;
  return Date.parse(c.lastTransitionTime) + minReadySeconds * 1000 < nowMs;
}

/** controller.IsPodActive: not Succeeded/Failed and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** The ownerReference with `controller: true`, if any. */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
}
