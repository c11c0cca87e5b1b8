/**
 * The versioned object store: one global resourceVersion counter, objects kept frozen, indexes per
 * resource, an owner index for the garbage collector, and a bounded log of changes from which
 * watches replay history (`resourceVersion=N`) before following live changes.
 */
import type { KubeObject } from '../api/types';
import { type Selector, EVERYTHING, isEverything, matches } from '../api/selectors/labels';
import { type FieldRequirement, fieldValue, matchesFields } from '../api/selectors/fields';
import { type Entry, ResourceIndex } from './indexes';
import { deepFreeze } from './clone';
import type { TaskBatch } from '../clock/clock';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  rv: number;
  resource: string;
  type: ChangeType;
  object: KubeObject;
  /** The object before this change (MODIFIED, DELETED). */
  prev?: KubeObject;
}

export interface WatchFilter {
  namespace?: string;
  labels?: Selector;
  fields?: readonly FieldRequirement[];
}

export interface StoreWatchEvent {
  type: ChangeType;
  object: KubeObject;
}

interface Watcher {
  resource: string;
  filter: WatchFilter;
  onEvent: (e: StoreWatchEvent) => void;
  stopped: boolean;
  /** Registration order: events reach watchers in this order. */
  seq: number;
  /** The `field=value` requirement this watcher is indexed by, if any. */
  key?: FieldRequirement;
  /** The filter lets every object through: the watcher sees each change as it is. */
  all: boolean;
}

/** Where watch events wait to be delivered: the clock's queue (a batch per change keeps the order of
 *  one task per watcher without a closure each). */
export interface DeliveryQueue {
  defer(fn: () => void): void;
  deferBatch(batch: TaskBatch): void;
}

/** Without a clock (unit tests): every delivery runs at once, inside the write. */
const IMMEDIATE: DeliveryQueue = {
  defer: (fn) => fn(),
  deferBatch: (b) => {
    while (b.started < b.size) b.run(b.started++);
  },
};

/** One change on its way to its watchers: the i-th watcher gets the i-th event, unless stopped by then. */
class Delivery implements TaskBatch {
  started = 0;
  size = 0;
  // Sized for every watcher the change is offered to (growing by push costs more allocation).
  private readonly watchers: Watcher[];
  /** The events of filtered watchers, by position (made on the first one: most changes have none). */
  private events: StoreWatchEvent[] | undefined;
  /** The event of the watchers that see the change as it is: one for all (nobody writes to an event). */
  private readonly same: StoreWatchEvent;

  constructor(
    change: Change,
    private readonly offers: number,
  ) {
    this.watchers = new Array<Watcher>(offers);
    this.same = { type: change.type, object: change.object };
  }

  /** Add a watcher (in registration order) if the change concerns it. */
  offer(w: Watcher, c: Change): void {
    if (!w.all) {
      const e = translate(c, w.filter);
      if (!e) return;
      (this.events ??= new Array<StoreWatchEvent>(this.offers))[this.size] = e;
    }
    this.watchers[this.size++] = w;
  }

  run(i: number): void {
    const w = this.watchers[i];
    if (!w.stopped) w.onEvent(w.all ? this.same : this.events![i]);
  }
}

/**
 * The watchers of a resource with a `field=value` selector (every kubelet's `spec.nodeName=<node>`),
 * by field and value, so that a change is only offered to the watchers it can concern instead of
 * being matched against every node's selector.
 */
interface WatchIndex {
  plain: Set<Watcher>;
  /** `plain` as an array (in registration order), rebuilt after a change of the set. */
  ordered?: Watcher[];
  /** field → value → its watchers in registration order (arrays: every change walks them). */
  fields: Map<string, Map<string, Watcher[]>>;
  /** `fields` as a list, rebuilt after a change of its keys (walked without an iterator per change). */
  fieldList?: Array<{ field: string; byValue: Map<string, Watcher[]> }>;
  indexed: number;
}

export class TooOldResourceVersionError extends Error {
  constructor(
    readonly requested: number,
    readonly oldest: number,
  ) {
    super(`too old resource version: ${requested} (${oldest})`);
    this.name = 'TooOldResourceVersionError';
  }
}

export interface StoreOptions {
  /** How many changes the watch log keeps (older resourceVersions answer 410 Gone). */
  logLimit?: number;
  /** Where watch events are delivered: the sandbox passes its clock (default: at once, inside the write). */
  queue?: DeliveryQueue;
}

export class ObjectStore {
  private rv = 0;
  private resources = new Map<string, ResourceIndex>();
  /** owner uid → entries of its dependents */
  private owners = new Map<string, Set<Entry>>();
  private log: Change[] = [];
  private logStart = 0;
  private readonly logLimit: number;
  private watchers = new Map<string, Set<Watcher>>();
  private watchIndex = new Map<string, WatchIndex>();
  private watchSeq = 0;
  private readonly queue: DeliveryQueue;

  constructor(opts: StoreOptions = {}) {
    this.logLimit = opts.logLimit ?? 100_000;
    this.queue = opts.queue ?? IMMEDIATE;
  }

  /** The resourceVersion of the latest write. */
  currentResourceVersion(): number {
    return this.rv;
  }

  private index(resource: string): ResourceIndex {
    let idx = this.resources.get(resource);
    if (!idx) this.resources.set(resource, (idx = new ResourceIndex(resource)));
    return idx;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.resources.get(resource)?.entry(namespace ?? '', name)?.obj;
  }

  count(resource: string): number {
    return this.resources.get(resource)?.size ?? 0;
  }

  countInNamespace(resource: string, namespace: string): number {
    return this.resources.get(resource)?.namespaceSize(namespace) ?? 0;
  }

  /** Objects of a resource matching the filter, sorted by namespace then name (as etcd returns them). */
  list(resource: string, filter: WatchFilter = {}): KubeObject[] {
    const idx = this.resources.get(resource);
    if (!idx) return [];
    const sel = filter.labels ?? EVERYTHING;
    const out: KubeObject[] = [];
    const byName = filter.fields?.find((f) => f.field === 'metadata.name' && f.op === '=');
    if (byName && filter.namespace !== undefined) {
      // A name within a namespace is a key: no scan at all (kubectl's `get deploy kubia -w` and rollout status).
      const obj = idx.entry(filter.namespace, byName.value)?.obj;
      return obj && passes(obj, filter) ? [obj] : [];
    }
    idx.candidates(filter.namespace, sel).forEach((e: Entry) => {
      if (passes(e.obj, filter)) out.push(e.obj);
    });
    out.sort(byNamespaceAndName);
    return out;
  }

  /** Store a new or changed object (frozen), assigning the next resourceVersion. */
  put(resource: string, obj: KubeObject): KubeObject {
    const idx = this.index(resource);
    const namespace = obj.metadata.namespace ?? '';
    const name = obj.metadata.name!;
    let e = idx.entry(namespace, name);
    const prev = e?.obj;
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    deepFreeze(obj);
    if (e) idx.update(e, obj);
    else e = idx.add(namespace, name, obj);
    this.reindexOwners(e, prev, obj);
    this.record({ rv, resource, type: prev ? 'MODIFIED' : 'ADDED', object: obj, prev });
    return obj;
  }

  /** Remove an object; the DELETED event carries it with a fresh resourceVersion, as etcd does. */
  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const e = this.resources.get(resource)?.delete(namespace ?? '', name);
    if (!e) return undefined;
    const prev = e.obj;
    this.reindexOwners(e, prev, undefined);
    const rv = ++this.rv;
    const last = deepFreeze({ ...prev, metadata: { ...prev.metadata, resourceVersion: String(rv) } });
    this.record({ rv, resource, type: 'DELETED', object: last, prev });
    return last;
  }

  /** Objects whose ownerReferences name this uid: `[resource, object]` pairs. */
  dependents(ownerUid: string): Array<[string, KubeObject]> {
    const out: Array<[string, KubeObject]> = [];
    for (const e of this.owners.get(ownerUid) ?? []) out.push([e.resource, e.obj]);
    return out;
  }

  private reindexOwners(ref: Entry, prev: KubeObject | undefined, next: KubeObject | undefined): void {
    // Writes that keep the (frozen, shared) owner list leave the index as it is.
    const before = prev?.metadata.ownerReferences;
    const after = next?.metadata.ownerReferences;
    if (before === after) return;
    if (before) {
      for (let i = 0; i < before.length; i++) {
        const s = this.owners.get(before[i].uid);
        s?.delete(ref);
        if (s && s.size === 0) this.owners.delete(before[i].uid);
      }
    }
    if (after) {
      for (let i = 0; i < after.length; i++) {
        let s = this.owners.get(after[i].uid);
        if (!s) this.owners.set(after[i].uid, (s = new Set()));
        s.add(ref);
      }
    }
  }

  private record(change: Change): void {
    this.log.push(change);
    if (this.log.length > this.logLimit) {
      const drop = this.log.length - Math.floor(this.logLimit / 2);
      this.logStart = this.log[drop].rv;
      this.log = this.log.slice(drop);
    }
    const idx = this.watchIndex.get(change.resource);
    if (!idx) return;
    const plain = (idx.ordered ??= [...idx.plain]);
    let extra: Watcher[] | undefined;
    if (idx.indexed > 0) {
      const fields = (idx.fieldList ??= [...idx.fields].map(([field, byValue]) => ({ field, byValue })));
      for (let f = 0; f < fields.length; f++) {
        const { field, byValue } = fields[f];
        const now = fieldValue(change.object, field);
        const a = byValue.get(now);
        if (a) extra = extra ? extra.concat(a) : a;
        if (!change.prev) continue;
        const before = fieldValue(change.prev, field);
        const b = before === now ? undefined : byValue.get(before);
        if (b) extra = extra ? extra.concat(b) : b;
      }
    }
    // One queue entry for all the watchers this change reaches, in registration order.
    const d = new Delivery(change, plain.length + (extra?.length ?? 0));
    if (!extra) {
      for (const w of plain) d.offer(w, change);
    } else {
      // Registration order across both kinds: merge the few indexed watchers into the plain ones
      // (one bucket is in order already; several are sorted in a copy, the buckets being shared).
      if (extra.length > 1 && !inOrder(extra)) extra = extra.slice().sort((x, y) => x.seq - y.seq);
      let i = 0;
      for (const w of plain) {
        while (i < extra.length && extra[i].seq < w.seq) d.offer(extra[i++], change);
        d.offer(w, change);
      }
      while (i < extra.length) d.offer(extra[i++], change);
    }
    if (d.size > 0) this.queue.deferBatch(d);
  }

  private addWatcher(w: Watcher): void {
    let set = this.watchers.get(w.resource);
    if (!set) this.watchers.set(w.resource, (set = new Set()));
    set.add(w);
    let idx = this.watchIndex.get(w.resource);
    if (!idx) this.watchIndex.set(w.resource, (idx = { plain: new Set(), fields: new Map(), indexed: 0 }));
    if (!w.key) {
      idx.plain.add(w);
      idx.ordered = undefined;
      return;
    }
    let byValue = idx.fields.get(w.key.field);
    if (!byValue) {
      idx.fields.set(w.key.field, (byValue = new Map()));
      idx.fieldList = undefined;
    }
    const bucket = byValue.get(w.key.value);
    // A new array: a delivery being built may hold the old one.
    byValue.set(w.key.value, bucket ? [...bucket, w] : [w]);
    idx.indexed++;
  }

  private removeWatcher(w: Watcher): void {
    if (!this.watchers.get(w.resource)?.delete(w)) return;
    const idx = this.watchIndex.get(w.resource);
    if (!idx) return;
    if (!w.key) {
      idx.plain.delete(w);
      idx.ordered = undefined;
      return;
    }
    const byValue = idx.fields.get(w.key.field);
    const bucket = byValue?.get(w.key.value);
    if (!byValue || !bucket || !bucket.includes(w)) return;
    idx.indexed--;
    const rest = bucket.filter((x) => x !== w);
    if (rest.length) byValue.set(w.key.value, rest);
    else byValue.delete(w.key.value);
    if (byValue.size === 0) {
      idx.fields.delete(w.key.field);
      idx.fieldList = undefined;
    }
  }

  /** A change from the log replayed to a watch that starts at a resourceVersion. */
  private replay(w: Watcher, change: Change): void {
    const event = translate(change, w.filter);
    if (!event) return;
    this.queue.defer(() => {
      if (!w.stopped) w.onEvent(event);
    });
  }

  /**
   * Watch a resource. `fromRv` undefined or 0: first an ADDED event for every current object, then
   * live changes. `fromRv` N: every change after N (from the log), then live changes.
   */
  watch(
    resource: string,
    filter: WatchFilter,
    fromRv: number | undefined,
    onEvent: (e: StoreWatchEvent) => void,
  ): () => void {
    const w: Watcher = {
      resource,
      filter,
      onEvent,
      stopped: false,
      seq: this.watchSeq++,
      key: filter.fields?.find((f) => f.op === '='),
      all:
        filter.namespace === undefined &&
        (!filter.labels || isEverything(filter.labels)) &&
        !filter.fields?.length,
    };
    if (fromRv === undefined || fromRv === 0) {
      for (const obj of this.list(resource, filter)) {
        const e: StoreWatchEvent = { type: 'ADDED', object: obj };
        this.queue.defer(() => {
          if (!w.stopped) w.onEvent(e);
        });
      }
    } else {
      if (fromRv < this.logStart) throw new TooOldResourceVersionError(fromRv, this.logStart);
      for (const change of this.changesAfter(fromRv)) {
        if (change.resource === resource) this.replay(w, change);
      }
    }
    this.addWatcher(w);
    return () => {
      w.stopped = true;
      this.removeWatcher(w);
    };
  }

  private changesAfter(rv: number): Change[] {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.log.slice(lo);
  }
}

function inOrder(ws: readonly Watcher[]): boolean {
  for (let i = 1; i < ws.length; i++) if (ws[i - 1].seq > ws[i].seq) return false;
  return true;
}

function passes(obj: KubeObject, f: WatchFilter): boolean {
  if (f.namespace !== undefined && (obj.metadata.namespace ?? '') !== f.namespace) return false;
  if (f.labels && !matches(f.labels, obj.metadata.labels)) return false;
  if (f.fields && f.fields.length && !matchesFields(f.fields, obj)) return false;
  return true;
}

/** What a filtered watcher sees: an object entering the filter is ADDED, one leaving it is DELETED. */
function translate(c: Change, f: WatchFilter): StoreWatchEvent | undefined {
  const now = c.type !== 'DELETED' && passes(c.object, f);
  const before = c.prev !== undefined && passes(c.prev, f);
  if (c.type === 'DELETED')
    return before || passes(c.object, f) ? { type: 'DELETED', object: c.object } : undefined;
  if (now && before) return { type: 'MODIFIED', object: c.object };
  if (now) return { type: 'ADDED', object: c.object };
  if (before) return { type: 'DELETED', object: c.object };
  return undefined;
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? '';
  const mb = b.metadata.name ?? '';
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}
