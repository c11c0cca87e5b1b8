/**
 * client-go's EventCorrelator (tools/record/events_cache.go), which every recorder of the legacy
 * events library runs before writing: the kubelets and the controller-manager's controllers.
 *
 * 1. Aggregation: events that differ only in their message (same source, object, type, reason)
 *    are remembered per group for 10 minutes after the last one; from the 10th distinct message
 *    on, each becomes `(combined from similar events): <message>`, all counted in one event.
 * 2. Counting: an event seen before (same key, message included) is a patch of the first one
 *    (count + 1, lastTimestamp, message) instead of a new Event.
 * 3. Spam filter: a token bucket per source and object (burst 25, one more every 5 minutes);
 *    an event without a token is not written at all, though it was counted in step 2, so the next
 *    write that gets through shows the full count.
 *
 * Each cache keeps at most 4096 keys, dropping the least recently used, as client-go's LRUs do.
 */

const MAX_ENTRIES = 4096;
/** defaultAggregateMaxEvents and defaultAggregateIntervalInSeconds. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600 * 1000;
/** defaultSpamBurst and defaultSpamQPS. */
const SPAM_BURST = 25;
const SPAM_QPS = 1 / 300;
const COMBINED = '(combined from similar events): ';

/** The fields of an event that the correlator's keys are made of. */
export interface CorrelatedEvent {
  component: string;
  host: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
}

/** What was seen of an event (eventLog): its count, first time and the name of the Event object. */
export interface Observation {
  count: number;
  firstTimestamp: string;
  name: string;
}

/**
 * What to write: nothing (`skip`, the spam filter), a new Event named `name`, or a patch of the
 * existing one (`patch`: its count, lastTimestamp and message). An aggregate event has the
 * combined message.
 */
export interface Correlation extends Observation {
  skip: boolean;
  patch: boolean;
  message: string;
}

/**
 * A Map used as an LRU cache. Every read here is followed by a write of the same key, which moves
 * it to the most recent end, so reads need not move it themselves.
 */
class Lru<V> {
  private readonly map = new Map<string, V>();

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > MAX_ENTRIES) this.map.delete(this.map.keys().next().value!);
  }
}

const SEP = '\u0000';

function objectKey(e: CorrelatedEvent): string {
  return `${e.component}${SEP}${e.host}${SEP}${e.kind}${SEP}${e.namespace}${SEP}${e.name}${SEP}${e.uid}${SEP}${e.apiVersion}`;
}

/** getEventKey: source, object (with fieldPath), type, reason and message. */
function eventKey(e: CorrelatedEvent, message: string): string {
  return `${objectKey(e)}${SEP}${e.fieldPath}${SEP}${e.type}${SEP}${e.reason}${SEP}${message}`;
}

export class EventCorrelator {
  private readonly aggregates = new Lru<{ messages: Set<string>; last: number }>();
  private readonly observations = new Lru<Observation>();
  private readonly buckets = new Lru<{ tokens: number; at: number }>();

  /**
   * Correlate an event occurring at `now` (epoch ms; `stamp` is its RFC 3339 form). `name` makes
   * the name of a new Event object when one is needed.
   */
  correlate(e: CorrelatedEvent, now: number, stamp: string, name: () => string): Correlation {
    // EventAggregate: the aggregate key is the object key with type, reason and the reporting
    // controller and instance (the component and host here); the local key is the message.
    const aggregateKey = `${objectKey(e)}${SEP}${e.type}${SEP}${e.reason}${SEP}${e.component}${SEP}${e.host}`;
    let group = this.aggregates.get(aggregateKey);
    if (!group || now - group.last > AGGREGATE_INTERVAL_MS) group = { messages: new Set(), last: now };
    group.messages.add(e.message);
    group.last = now;
    this.aggregates.set(aggregateKey, group);
    let key = eventKey(e, e.message);
    let message = e.message;
    if (group.messages.size >= AGGREGATE_MAX_EVENTS) {
      // Keep the set below the limit (upstream drops an arbitrary one: the oldest here).
      group.messages.delete(group.messages.values().next().value!);
      key = aggregateKey;
      message = COMBINED + e.message;
    }

    // eventObserve: a known key is a patch of its Event; the observation is recorded either way.
    const last = this.observations.get(key);
    const observed: Observation = last
      ? { count: last.count + 1, firstTimestamp: last.firstTimestamp, name: last.name }
      : { count: 1, firstTimestamp: stamp, name: name() };
    this.observations.set(key, observed);

    return { ...observed, skip: !this.accept(objectKey(e), now), patch: last !== undefined, message };
  }

  /** updateState: what the API server stored, under the event's own key. */
  stored(e: CorrelatedEvent, message: string, observed: Observation): void {
    this.observations.set(eventKey(e, message), observed);
  }

  /** The spam filter's token bucket (golang.org/x/time/rate: starts full, refills continuously). */
  private accept(key: string, now: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: SPAM_BURST, at: now };
    const tokens = Math.min(SPAM_BURST, bucket.tokens + ((now - bucket.at) / 1000) * SPAM_QPS);
    const ok = tokens >= 1;
    // A refused request leaves the limiter as it was.
    this.buckets.set(key, ok ? { tokens: tokens - 1, at: now } : bucket);
    return ok;
  }
}
