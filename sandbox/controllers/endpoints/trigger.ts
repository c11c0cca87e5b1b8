/**
 * The `endpoints.kubernetes.io/last-change-trigger-time` bookkeeping (upstream's
 * TriggerTimeTracker): for a Service seen for the first time it is the Service's
 * creationTimestamp; afterwards the earliest trigger time that changed since the previous sync,
 * where a pod's trigger time is its Ready condition's lastTransitionTime and the Service's is its
 * creationTimestamp. Undefined means "no new trigger": the annotation is removed.
 */
import type { KubeObject } from '../../api/types';
import { readyCondition } from '../util/pods';

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  service: number;
  pods: Map<string, number>;
}

function ms(ts: string | undefined): number {
  const n = ts ? Date.parse(ts) : NaN;
  return Number.isNaN(n) ? 0 : n;
}

export class TriggerTimeTracker {
  private states = new Map<string, ServiceState>();

  /** The trigger time to publish for this sync (a timestamp string), or undefined. */
  compute(key: string, svc: KubeObject, pods: KubeObject[]): string | undefined {
    const prev = this.states.get(key);
    let min = 0;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = ms(readyCondition(pod)?.lastTransitionTime);
      if (!t) continue;
      podTimes.set(pod.metadata.name!, t);
      if (t > (prev?.pods.get(pod.metadata.name!) ?? 0) && (min === 0 || t < min)) min = t;
    }
    const svcTime = ms(svc.metadata.creationTimestamp);
    if (svcTime > (prev?.service ?? 0) && (min === 0 || svcTime < min)) min = svcTime;
    this.states.set(key, { service: svcTime, pods: podTimes });
    if (!prev) return svc.metadata.creationTimestamp;
    return min ? format(min) : undefined;
  }

  forget(key: string): void {
    this.states.delete(key);
  }
}

/** RFC 3339 with nanoseconds, trailing zeros dropped (Go's RFC3339Nano). */
function format(msValue: number): string {
  const iso = new Date(msValue).toISOString();
  return iso.replace(/\.000Z$/, 'Z').replace(/(\.\d*?)0+Z$/, '$1Z');
}
