/**
 * An Event as kubectl's typed client holds it (`corev1.Event`): Go's JSON encoder writes struct
 * fields in declaration order and keeps the ones without `omitempty` even when empty
 * (`eventTime: null`, `reportingInstance: ""`). `kubectl events -o json|yaml` prints this shape.
 */
import type { KubeObject } from '../../api/types';

type Json = Record<string, unknown>;

/** Copy `keys` of `src` in that order; `keep` lists the ones Go writes even when zero/absent. */
function ordered(src: Json | undefined, keys: string[], keep: Record<string, unknown> = {}): Json {
  const out: Json = {};
  for (const k of keys) {
    const v = src?.[k];
    if (v !== undefined && v !== '' && v !== 0) out[k] = v;
    else if (k in keep) out[k] = v ?? keep[k];
  }
  return out;
}

const META_KEYS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

const REF_KEYS = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

/** `showManagedFields`: kubectl's printers drop `metadata.managedFields` unless asked. */
export function typedEvent(e: KubeObject, showManagedFields = false): Json {
  const ev = e as unknown as Json;
  const related = ev.related as Json | undefined;
  const source = ev.source as Json | undefined;
  return {
    kind: 'Event',
    apiVersion: 'v1',
    // creationTimestamp is a struct: Go writes null for the zero time.
    metadata: ordered(e.metadata as unknown as Json, showManagedFields ? META_KEYS : META_KEYS.slice(0, -1), {
      creationTimestamp: null,
    }),
    involvedObject: ordered(ev.involvedObject as Json | undefined, REF_KEYS),
    ...ordered(
      ev,
      [
        'reason',
        'message',
        'source',
        'firstTimestamp',
        'lastTimestamp',
        'count',
        'type',
        'eventTime',
        'series',
        'action',
      ],
      // Time structs are never "empty" to encoding/json: omitempty keeps them as null.
      { source: {}, firstTimestamp: null, lastTimestamp: null, eventTime: null },
    ),
    // EventSource is a struct too: always written, its fields in declaration order.
    source: ordered(source, ['component', 'host']),
    ...(related ? { related: ordered(related, REF_KEYS) } : {}),
    ...ordered(ev, ['reportingComponent', 'reportingInstance'], {
      reportingComponent: '',
      reportingInstance: '',
    }),
  };
}

export function typedEventList(items: KubeObject[], showManagedFields = false): Json {
  const typed = items.map((e) => typedEvent(e, showManagedFields));
  return { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: typed };
}
