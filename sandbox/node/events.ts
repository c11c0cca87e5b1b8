/** Events the kubelet records about a pod or one of its containers (`spec.containers{name}`). */
import type { Pod } from 'kubernetes-types/core/v1';
import type { EventType, InvolvedObject } from '../controllers/runtime/events';
import type { KubeletEnv } from './types';
import { flat } from '../text/flat';

export function podRef(pod: Pod, container?: string): InvolvedObject {
  const ref: InvolvedObject = {
    kind: 'Pod',
    apiVersion: 'v1',
    namespace: pod.metadata?.namespace ?? 'default',
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid,
  };
  if (container !== undefined) ref.fieldPath = flat(`spec.containers{${container}}`);
  return ref;
}

export function recordEvent(
  env: KubeletEnv,
  pod: Pod,
  container: string | undefined,
  type: EventType,
  reason: string,
  message: string,
): void {
  env.ctx.events.record(env.source, podRef(pod, container), type, reason, message);
}

/** `<name>_<namespace>(<uid>)`, as the kubelet prints a pod in back-off messages. */
export function podDesc(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;
}
