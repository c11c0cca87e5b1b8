/**
 * `kubectl events` (kubectl pkg/cmd/events): the namespace's events sorted by when they were last
 * seen (Go's unstable sort, so ties come out as a real kubectl prints them), `--for TYPE/NAME`,
 * `--types`, `-A`, `--no-headers`, `-w`, and `-o json|yaml|…` of the typed EventList.
 */
import type { KubeObject } from '../../api/types';
import { goSort } from '../../api/go/sort';
import { parseTime, translateTimestampSince } from '../../api/tables/duration';
import { INTERRUPT_HANDLED, catchInterrupt } from '../interrupt';
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';
import { findResource } from '../resolve';
import { parseOutput, formatObjects } from '../printers/output';
import { GET_TABS, tabwrite } from '../printers/tabwriter';
import { toJson } from '../printers/json';
import { typedEvent, typedEventList } from './events-typed';

interface EventFields {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; name?: string };
}

const fieldsOf = (e: KubeObject): EventFields => e as unknown as EventFields;

/** What the events are sorted by: the series' last observation, else lastTimestamp, else eventTime. */
function sortTime(e: KubeObject): number {
  const ev = fieldsOf(e);
  if (ev.series) return parseTime(ev.series.lastObservedTime) ?? 0;
  return parseTime(ev.lastTimestamp) ?? parseTime(ev.eventTime) ?? 0;
}

/** The LAST SEEN cell: `12s`, or `5s (x3 over 40s)` for repeated events. */
function interval(e: KubeObject, now: number): string {
  const ev = fieldsOf(e);
  const since = (ts: unknown): string =>
    parseTime(ts) === undefined ? '<unknown>' : translateTimestampSince(ts, now);
  const first = ev.eventTime ? since(ev.eventTime) : since(ev.firstTimestamp);
  if (ev.series) return `${since(ev.series.lastObservedTime)} (x${ev.series.count ?? 0} over ${first})`;
  if ((ev.count ?? 0) > 1) return `${since(ev.lastTimestamp)} (x${ev.count} over ${first})`;
  return first;
}

/** Cut a cell at the first line break (with `...`), as kubectl's event printer does. */
function cell(s: string | undefined): string {
  const text = s ?? '';
  const cut = text.search(/[\f\n\r]/);
  return cut >= 0 ? `${text.slice(0, cut)}...` : text;
}

function row(e: KubeObject, now: number, allNamespaces: boolean): string {
  const ev = fieldsOf(e);
  const cells = [
    interval(e, now),
    cell(ev.type),
    cell(ev.reason),
    `${cell(ev.involvedObject?.kind)}/${cell(ev.involvedObject?.name)}`,
    cell((ev.message ?? '').trim()),
  ];
  if (allNamespaces) cells.unshift(e.metadata.namespace ?? '');
  return cells.join('\t');
}

function header(allNamespaces: boolean): string {
  return `${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`;
}

/** `--for TYPE/NAME` → a field selector on the involved object's kind and name. */
function forSelector(spec: string): string | undefined {
  if (spec === '') return undefined;
  if (!spec.includes('/')) throw new KubectlError('--for must be in resource/name form');
  const parts = spec.split('/');
  if (parts.length !== 2) {
    throw new KubectlError('arguments in resource/name form may not have more than one slash');
  }
  const [type = '', name = ''] = parts;
  const r = findResource(type);
  // The RESTMapper's NoMatch error reaches CheckErr, which prints it without "error: ".
  if (!r) throw new KubectlError(`the server doesn't have a resource type "${type}"`, true);
  return `involvedObject.kind=${r.kind},involvedObject.name=${name}`;
}

function typeFilter(types: string[]): (e: KubeObject) => boolean {
  for (const t of types) {
    if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') {
      throw new KubectlError('valid --types are Normal or Warning');
    }
  }
  const wanted = new Set(types.map((t) => t.toLowerCase()));
  return (e) => wanted.size === 0 || wanted.has((fieldsOf(e).type ?? '').toLowerCase());
}

export async function runEvents(ctx: RunContext): Promise<number> {
  const { env, io, flags } = ctx;
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = allNamespaces ? undefined : ctx.namespace;
  const fieldSelector = forSelector(flags.string('for'));
  const keep = typeFilter(flags.list('types'));
  const output = flags.string('output');
  const format = output ? parseOutput(output, false) : undefined;
  const noHeaders = flags.bool('no-headers');

  if (flags.bool('watch')) return watchEvents(ctx, namespace, fieldSelector, keep, format);

  const items = env.api.list('events', namespace, fieldSelector ? { fieldSelector } : {}).items.filter(keep);
  if (items.length === 0) {
    io.stderr.write(
      allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`,
    );
    return 0;
  }
  goSort(items, (a, b) => sortTime(a) < sortTime(b));
  if (format) {
    io.stdout.write(printTyped(ctx, format, items));
    return 0;
  }
  const now = env.clock.now();
  const lines = items.map((e) => row(e, now, allNamespaces));
  if (!noHeaders) lines.unshift(header(allNamespaces));
  io.stdout.write(`${tabwrite(lines.join('\n'), GET_TABS)}\n`);
  return 0;
}

/**
 * kubectl prints its typed EventList: JSON in Go's field order with the zero values the struct
 * keeps; YAML and the rest go through the usual (sorted) printers; `-o name` prints nothing for it.
 */
function printTyped(
  ctx: RunContext,
  format: ReturnType<typeof parseOutput>,
  items: KubeObject[],
  single = false,
): string {
  const managed = ctx.flags.bool('show-managed-fields');
  const data = single ? typedEvent(items[0] as KubeObject, managed) : typedEventList(items, managed);
  if (format.kind === 'json') return toJson(data, '    ', false);
  if (format.kind === 'name') return '';
  return formatObjects(format, [data as unknown as KubeObject], true, { showManagedFields: true });
}

async function watchEvents(
  ctx: RunContext,
  namespace: string | undefined,
  fieldSelector: string | undefined,
  keep: (e: KubeObject) => boolean,
  format: ReturnType<typeof parseOutput> | undefined,
): Promise<number> {
  const { env, io, flags } = ctx;
  const allNamespaces = flags.bool('all-namespaces');
  const widths: number[] = [];
  let headerDone = flags.bool('no-headers');
  // A plain watch (no resourceVersion): every stored event arrives first as ADDED, unsorted.
  const handle = env.api.watch('events', namespace, fieldSelector ? { fieldSelector } : {}, (e) => {
    if (e.type === 'DELETED' || e.type === 'BOOKMARK' || e.type === 'ERROR') return;
    if (!keep(e.object)) return;
    if (format) {
      io.stdout.write(printTyped(ctx, format, [e.object], true));
      return;
    }
    const lines = [row(e.object, env.clock.now(), allNamespaces)];
    if (!headerDone) lines.unshift(header(allNamespaces));
    headerDone = true;
    io.stdout.write(`${tabwrite(lines.join('\n'), GET_TABS, widths)}\n`);
  });
  catchInterrupt(io);
  await new Promise<void>((resolve) => {
    if (io.interrupt.interrupted) resolve();
    else io.interrupt.onInterrupt(() => resolve());
  });
  handle.stop();
  return INTERRUPT_HANDLED;
}
