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

import {
  AggregateNode,
  BucketNode,
  Lru,
  ObjectEntry,
  ObservationNode,
  addMessage,
  dropOldestMessage,
} from './correlator-cache';

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

export class EventCorrelator {
  private readonly objects = new Map<string, ObjectEntry>();
  private readonly aggregates = new Lru();
  private readonly observations = new Lru();
  private readonly buckets = new Lru();
  /**
   * The last event correlated and, when it was not aggregated, its observation: `stored` right
   * after it (the recorder's successful write) has nothing to find again.
   */
  private lastEvent: CorrelatedEvent | undefined;
  private lastNode: ObservationNode | undefined;

  private entryOf(e: CorrelatedEvent): ObjectEntry {
    const head = this.objects.get(e.uid);
    for (let o = head; o; o = o.next) if (o.is(e)) return o;
    const entry = new ObjectEntry(this.objects, e.kind, e.namespace, e.name, e.uid, e.apiVersion);
    entry.next = head;
    this.objects.set(e.uid, entry);
    return entry;
  }

  /**
   * Correlate an event occurring at `now` (epoch ms; `stamp` is its RFC 3339 form). `name` makes
   * the name of a new Event object when one is needed.
   */
  correlate(e: CorrelatedEvent, now: number, stamp: string, name: () => string): Correlation {
    const obj = this.entryOf(e);
    // EventAggregate: the aggregate key is the object key with type, reason and the reporting
    // controller and instance (the correlator's source); the local key is the message.
    let agg = obj.aggregate(e);
    let group = agg?.group;
    let distinct: number;
    if (!group || now - group.last > AGGREGATE_INTERVAL_MS) {
      group = { messages: e.message, last: now };
      distinct = 1;
    } else distinct = addMessage(group, e.message);
    group.last = now;
    if (agg) agg.group = group;
    else obj.file((agg = new AggregateNode(obj, e.type, e.reason, group)));
    this.aggregates.touch(agg);
    let aggregated = false;
    let message = e.message;
    if (distinct >= AGGREGATE_MAX_EVENTS) {
      // Keep the set below the limit (upstream drops an arbitrary one: the oldest here).
      dropOldestMessage(group);
      aggregated = true;
      message = COMBINED + e.message;
    }

    // eventObserve: a known key is a patch of its Event; the observation is recorded either way.
    const node = obj.observation(e, aggregated, e.message);
    const last = node?.value;
    const count = last ? last.count + 1 : 1;
    const firstTimestamp = last ? last.firstTimestamp : stamp;
    const eventName = last ? last.name : name();
    const observed = this.observe(obj, e, aggregated, e.message, node, {
      count,
      firstTimestamp,
      name: eventName,
    });
    this.lastEvent = e;
    this.lastNode = aggregated ? undefined : observed;
    const skip = !this.accept(obj, now);
    return { count, firstTimestamp, name: eventName, skip, patch: last !== undefined, message };
  }

  /** updateState: what the API server stored, under the event's own key. */
  stored(e: CorrelatedEvent, message: string, observed: Observation): void {
    const node = this.lastNode;
    // Right after correlating `e` itself, unaggregated: its observation is the one under this key
    // and still the most recent (nothing touched the cache since), so only the value changes.
    if (
      e === this.lastEvent &&
      node &&
      node.linked &&
      message === node.message &&
      this.observations.isNewest(node)
    ) {
      node.value = observed;
      return;
    }
    const obj = this.entryOf(e);
    this.observe(obj, e, false, message, obj.observation(e, false, message), observed);
  }

  private observe(
    obj: ObjectEntry,
    e: CorrelatedEvent,
    aggregate: boolean,
    message: string,
    node: ObservationNode | undefined,
    observed: Observation,
  ): ObservationNode {
    if (node) node.value = observed;
    else {
      node = new ObservationNode(obj, aggregate, e.fieldPath, e.type, e.reason, message, observed);
      obj.file(node);
    }
    this.observations.touch(node);
    return node;
  }

  /** The spam filter's token bucket (golang.org/x/time/rate: starts full, refills continuously). */
  private accept(obj: ObjectEntry, now: number): boolean {
    const node = obj.bucket;
    const bucket = node?.bucket;
    const tokens = bucket
      ? Math.min(SPAM_BURST, bucket.tokens + ((now - bucket.at) / 1000) * SPAM_QPS)
      : SPAM_BURST;
    const ok = tokens >= 1;
    // A refused request leaves the limiter as it was. (A bucket is its node's own: updated in place.)
    if (!node) obj.file(new BucketNode(obj, { tokens: ok ? tokens - 1 : tokens, at: now }));
    else if (ok) {
      node.bucket.tokens = tokens - 1;
      node.bucket.at = now;
    }
    this.buckets.touch(obj.bucket!);
    return ok;
  }
}
