/**
 * The event recorder the controllers and kubelets share: core/v1 Events named
 * `<object>.<hex nanoseconds>`, written through client-go's event correlator (correlator.ts:
 * similar events aggregated, repeated ones counted, a spam filter per source and object).
 */
import type { ApiServer } from '../../api/server';
import type { VirtualClock } from '../../clock/clock';
import type { KubeObject } from '../../api/types';
import { timestamp } from '../../api/context';
import { flat } from '../../text/flat';
import { isStatusError } from '../../api/errors';
import { EventCorrelator, type CorrelatedEvent } from './correlator';

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

/** How long identical events keep folding into one on the events.k8s.io path. */
const FOLD_WINDOW_MS = 10 * 60 * 1000;

/**
 * Components that record through the events.k8s.io library (the scheduler): no client-go
 * correlator there; identical events fold into one whose count grows.
 */
const EVENTS_API_COMPONENTS = new Set(['default-scheduler']);

export class EventRecorder {
  private folded = new Map<string, { name: string; namespace: string; count: number; last: number }>();
  /** When `folded` is next swept of entries past the fold window. */
  private nextSweep = 0;
  /** One correlator per recording component (each kubelet, each controller has its own), by component then host. */
  private correlators = new Map<string, Map<string, EventCorrelator>>();
  private seq = 0;
  /** The millisecond of the last event name, and its nanoseconds split at bit 24. */
  private baseMs = NaN;
  private baseLow = 0;
  private baseHighHex = '0';

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
    if (EVENTS_API_COMPONENTS.has(source.component)) return this.fold(source, ref, type, reason, message);
    const now = this.clock.now();
    const stamp = timestamp(now);
    const event: CorrelatedEvent = {
      component: source.component,
      host: source.host ?? '',
      kind: ref.kind,
      namespace: ref.namespace ?? '',
      name: ref.name,
      uid: ref.uid ?? '',
      apiVersion: ref.apiVersion,
      fieldPath: ref.fieldPath ?? '',
      type,
      reason,
      // Stored in the Event and the correlator's caches: one piece of text (text/flat.ts).
      message: flat(message),
    };
    let byHost = this.correlators.get(event.component);
    if (!byHost) this.correlators.set(event.component, (byHost = new Map()));
    let correlator = byHost.get(event.host);
    if (!correlator) byHost.set(event.host, (correlator = new EventCorrelator()));
    const c = correlator.correlate(event, now, stamp, () => flat(`${ref.name}.${this.nanosHex(now)}`));
    if (c.skip) return;
    const namespace = ref.namespace || 'default';
    const observed = { count: c.count, firstTimestamp: c.firstTimestamp, name: c.name };
    if (c.patch) {
      try {
        this.api.patch(
          'events',
          namespace,
          c.name,
          { count: c.count, lastTimestamp: stamp, message: c.message },
          'merge',
          { shared: true },
        );
        correlator.stored(event, c.message, observed);
        return;
      } catch (e) {
        // Gone meanwhile: created again as observed, as the recorder does.
        if (!isStatusError(e) || e.code !== 404) throw e;
      }
    }
    if (this.create(source, ref, c.name, type, reason, flat(c.message), c.firstTimestamp, stamp, c.count)) {
      correlator.stored(event, c.message, observed);
    }
  }

  /** The events.k8s.io path: identical events within the fold window are one, counted. */
  private fold(
    source: EventSource,
    ref: InvolvedObject,
    type: EventType,
    reason: string,
    message: string,
  ): void {
    const namespace = ref.namespace || 'default';
    const now = this.clock.now();
    this.sweepFolded(now);
    const key = `${source.component}\u0000${source.host ?? ''}\u0000${ref.kind}\u0000${ref.namespace ?? ''}\u0000${ref.name}\u0000${ref.uid ?? ''}\u0000${ref.fieldPath ?? ''}\u0000${type}\u0000${reason}\u0000${message}`;
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
    const stamp = timestamp(now);
    if (this.create(source, ref, name, type, reason, message, stamp, stamp, 1)) {
      this.folded.set(key, { name, namespace, count: 1, last: now });
    }
  }

  /**
   * Forget folded events whose window has passed, at most once per window: such an entry can never
   * fold again (the next identical event creates a new Event and replaces it), so dropping it
   * changes nothing but the memory a long session keeps, which otherwise grows with every pod the
   * scheduler ever placed.
   */
  private sweepFolded(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + FOLD_WINDOW_MS;
    for (const [key, entry] of this.folded) if (now - entry.last >= FOLD_WINDOW_MS) this.folded.delete(key);
  }

  /** POST the Event; false when the API server refused it (events are best effort). */
  private create(
    source: EventSource,
    ref: InvolvedObject,
    name: string,
    type: EventType,
    reason: string,
    message: string,
    firstTimestamp: string,
    lastTimestamp: string,
    count: number,
  ): boolean {
    try {
      this.api.create(
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace: ref.namespace || 'default' },
          involvedObject: canonicalRef(ref),
          reason,
          message,
          source: source.host
            ? { component: source.component, host: source.host }
            : { component: source.component },
          firstTimestamp,
          lastTimestamp,
          count,
          type,
          // (eventTime is sent as null, which decoding drops.)
          reportingComponent: source.component,
          reportingInstance: source.host ?? '',
        },
        // The recorder does not read what it wrote: no copy of it. The body is built here, fresh
        // and without null fields: the API server keeps it as it is.
        { shared: true, canonical: true },
      );
      return true;
    } catch (e) {
      // A namespace being deleted refuses them.
      if (!isStatusError(e)) throw e;
      return false;
    }
  }

  private nanosHex(ms: number): string {
    // Unix nanoseconds, kept unique within a millisecond by a counter.
    const whole = Math.floor(ms);
    if (whole !== this.baseMs) {
      this.baseMs = whole;
      [this.baseHighHex, this.baseLow] = splitNanos(whole);
    }
    const add = this.seq++ % 1_000_000;
    const low = this.baseLow + add;
    if (this.baseHighHex !== '0' && low < 0x1000000)
      return this.baseHighHex + low.toString(16).padStart(6, '0');
    return (BigInt(whole) * 1_000_000n + BigInt(add)).toString(16);
  }
}

/**
 * The nanoseconds of a whole (non-negative) millisecond, beyond 2^53, as the hex of their bits from
 * 24 up and the low 24 bits as a number, in exact double arithmetic instead of BigInt: with
 * ms = hi·2^24 + lo, the nanoseconds are hi·10^6·2^24 + lo·10^6, and lo·10^6 < 2^44.
 */
export function splitNanos(ms: number): [highHex: string, low: number] {
  const hi = Math.floor(ms / 0x1000000);
  const loNanos = (ms - hi * 0x1000000) * 1_000_000;
  const carry = Math.floor(loNanos / 0x1000000);
  return [(hi * 1_000_000 + carry).toString(16), loNanos - carry * 0x1000000];
}

/** The fields a reference can have (InvolvedObject's). */
const REF_FIELDS = [
  'kind',
  'namespace',
  'name',
  'uid',
  'apiVersion',
  'resourceVersion',
  'fieldPath',
] as const;

/**
 * The reference as an Event stores it: without unset fields, in the order of the reference's own
 * (the order decoding keeps). Every reference is built for its event, so one without unset fields
 * is used as it is.
 */
function canonicalRef(ref: InvolvedObject): InvolvedObject {
  let clean = true;
  for (const k of REF_FIELDS) if ((ref[k] === undefined || ref[k] === null) && k in ref) clean = false;
  if (clean) return ref;
  const out: Record<string, unknown> = {};
  for (const k in ref) {
    const v = (ref as unknown as Record<string, unknown>)[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out as unknown as InvolvedObject;
}

export function refOf(obj: KubeObject): InvolvedObject {
  const m = obj.metadata;
  // (Built without a delete: a deleted field makes the object slow to read for every later use.)
  return m.namespace
    ? {
        kind: obj.kind,
        namespace: m.namespace,
        name: m.name!,
        uid: m.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: m.resourceVersion,
      }
    : {
        kind: obj.kind,
        name: m.name!,
        uid: m.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: m.resourceVersion,
      };
}
