/**
 * core/v1 Events: `printEvent`. LAST SEEN is the series' lastObservedTime when the event is a
 * series, else lastTimestamp, else FIRST SEEN; FIRST SEEN is firstTimestamp, else eventTime.
 * COUNT is the series count, else `count`, else 1 (an integer cell in a `string` column).
 * OBJECT is `<lowercase kind>/<name>`; SOURCE is `component[, host]`, falling back to
 * reportingComponent / reportingInstance.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types';
import { NAME_COLUMN, column } from './columns';
import {
  EVENT_COUNT,
  EVENT_FIRST_TIMESTAMP,
  EVENT_INVOLVED_OBJECT,
  EVENT_LAST_TIMESTAMP,
  EVENT_MESSAGE,
  EVENT_REASON,
  EVENT_SOURCE,
  EVENT_TYPE,
  OBJECT_REFERENCE_FIELD_PATH,
} from './descriptions';
import { parseTime, translateTimestampSince } from './duration';
import type { PrintContext, PrintedRow, Printer } from './printer';

export const EVENT_COLUMNS = [
  column('Last Seen', 'string', EVENT_LAST_TIMESTAMP),
  column('Type', 'string', EVENT_TYPE),
  column('Reason', 'string', EVENT_REASON),
  column('Object', 'string', EVENT_INVOLVED_OBJECT),
  column('Subobject', 'string', OBJECT_REFERENCE_FIELD_PATH, 1),
  column('Source', 'string', EVENT_SOURCE, 1),
  column('Message', 'string', EVENT_MESSAGE),
  column('First Seen', 'string', EVENT_FIRST_TIMESTAMP, 1),
  column('Count', 'string', EVENT_COUNT, 1),
  { ...NAME_COLUMN, priority: 1 },
];

/** `formatEventSource`: component (or reportingComponent), then `, host` (or reportingInstance). */
export function eventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export function eventObject(ev: Event): string {
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
  return ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind;
}

export function printEvent(obj: KubeObject, ctx: PrintContext): PrintedRow {
  const ev = obj as unknown as Event;
  const firstSeen =
    parseTime(ev.firstTimestamp) !== undefined
      ? translateTimestampSince(ev.firstTimestamp, ctx.now)
      : translateTimestampSince(ev.eventTime, ctx.now);
  let lastSeen =
    parseTime(ev.lastTimestamp) !== undefined
      ? translateTimestampSince(ev.lastTimestamp, ctx.now)
      : firstSeen;
  let count = ev.count ?? 0;
  if (ev.series) {
    lastSeen = translateTimestampSince(ev.series.lastObservedTime, ctx.now);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the new API carry no count.
    count = 1;
  }
  return {
    cells: [
      lastSeen,
      ev.type ?? '',
      ev.reason ?? '',
      eventObject(ev),
      ev.involvedObject?.fieldPath ?? '',
      eventSource(ev),
      (ev.message ?? '').trim(),
      firstSeen,
      count,
      ev.metadata?.name ?? '',
    ],
  };
}

export const eventPrinter: Printer = { columns: EVENT_COLUMNS, print: printEvent };
