/**
 * The event recorder the controllers and kubelets share: core/v1 Events named
 * `<object>.<hex nanoseconds>`, with repeated identical events folded into one whose `count` grows
 * and `lastTimestamp` moves, as client-go's event correlator does.
 */
import type { ApiServer } from '../../api/server';
import type { VirtualClock } from '../../clock/clock';
import type { KubeObject } from '../../api/types';
import { timestamp } from '../../api/context';
import { isStatusError } from '../../api/errors';

export interface EventSource {
  component: string;
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

export interface InvolvedObject {
  kind: string;
  apiVersion: string;
  namespace?: string;
  name: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** How long identical events keep folding into one (client-go: 10 minutes). */
const FOLD_WINDOW_MS = 10 * 60 * 1000;

export class EventRecorder {
  private folded = new Map<string, { name: string; namespace: string; count: number; last: number }>();
  private seq = 0;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
  ) {}

  /** Record an event about `obj` (any stored object, or an explicit reference with a fieldPath). */
  record(
    source: EventSource,
    obj: KubeObject | InvolvedObject,
    type: EventType,
    reason: string,
    message: string,
  ): void {
    const ref = 'metadata' in obj ? refOf(obj as KubeObject) : (obj as InvolvedObject);
    const namespace = ref.namespace || 'default';
    const now = this.clock.now();
    const key = [
      source.component,
      source.host ?? '',
      ref.kind,
      ref.namespace ?? '',
      ref.name,
      ref.uid ?? '',
      ref.fieldPath ?? '',
      type,
      reason,
      message,
    ].join('\u0000');
    const prev = this.folded.get(key);
    if (prev && now - prev.last < FOLD_WINDOW_MS) {
      try {
        prev.count += 1;
        prev.last = now;
        this.api.patch(
          'events',
          prev.namespace,
          prev.name,
          { count: prev.count, lastTimestamp: timestamp(now) },
          'merge',
          { shared: true },
        );
        return;
      } catch (e) {
        if (!isStatusError(e) || e.code !== 404) throw e;
      }
    }
    const name = `${ref.name}.${this.nanosHex(now)}`;
    try {
      this.api.create(
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject: ref,
          reason,
          message,
          source: source.host
            ? { component: source.component, host: source.host }
            : { component: source.component },
          firstTimestamp: timestamp(now),
          lastTimestamp: timestamp(now),
          count: 1,
          type,
          eventTime: null,
          reportingComponent: source.component,
          reportingInstance: source.host ?? '',
        },
        // The recorder does not read what it wrote: no copy of it.
        { shared: true },
      );
      this.folded.set(key, { name, namespace, count: 1, last: now });
    } catch (e) {
      // Events are best effort, as in Kubernetes: a namespace being deleted refuses them.
      if (!isStatusError(e)) throw e;
    }
  }

  private nanosHex(ms: number): string {
    // Unix nanoseconds, kept unique within a millisecond by a counter.
    const nanos = BigInt(Math.floor(ms)) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
    return nanos.toString(16);
  }
}

export function refOf(obj: KubeObject): InvolvedObject {
  const ref: InvolvedObject = {
    kind: obj.kind,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name!,
    uid: obj.metadata.uid,
    apiVersion: obj.apiVersion,
    resourceVersion: obj.metadata.resourceVersion,
  };
  if (!ref.namespace) delete ref.namespace;
  return ref;
}
