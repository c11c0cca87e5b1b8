/**
 * The Events section every describer ends with: the events whose involvedObject is the object
 * (name, namespace, kind and uid field selectors, as kubectl's searchEvents), oldest last-seen first.
 */
import type { KubeObject } from '../../api/types';
import type { Event } from 'kubernetes-types/core/v1';
import type { KubectlEnv } from '../env';
import { translateTimestampSince, parseTime } from '../../api/tables/duration';
import type { PrefixWriter } from './writer';

/** GET events?fieldSelector=involvedObject.*; `withKind: false` for pods (kubectl clears the kind). */
export function searchEvents(env: KubectlEnv, obj: KubeObject, withKind = true): Event[] {
  const m = obj.metadata;
  const ns = m.namespace ?? '';
  const terms = [`involvedObject.name=${m.name ?? ''}`, `involvedObject.namespace=${ns}`];
  if (withKind) terms.push(`involvedObject.kind=${obj.kind}`);
  if (m.uid) terms.push(`involvedObject.uid=${m.uid}`);
  try {
    const list = env.api.list('events', ns || undefined, { fieldSelector: terms.join(',') });
    return list.items as unknown as Event[];
  } catch {
    return [];
  }
}

/** DescribeEvents: `Events:  <none>` or the Type/Reason/Age/From/Message table. */
export function describeEvents(w: PrefixWriter, events: readonly Event[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const last = (e: Event): number => parseTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
  // Go's sort.Sort is not stable; a stable sort gives the same order for distinct times.
  const sorted = [...events].sort((a, b) => last(a) - last(b));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first =
      parseTime(e.eventTime) !== undefined
        ? translateTimestampSince(e.eventTime, now)
        : translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) {
      interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
