/**
 * The versioned object store: one global resourceVersion counter, objects kept frozen, indexes per
 * resource, an owner index for the garbage collector, and a bounded log of changes from which
 * watches replay history (`resourceVersion=N`) before following live changes.
 */
import type { KubeObject } from '../api/types';
import { type Selector, EVERYTHING, matches } from '../api/selectors/labels';
import { type FieldRequirement, fieldValue, matchesFields } from '../api/selectors/fields';
import { ResourceIndex } from './indexes';
import { deepFreeze } from './clone';

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
  fields: Map<string, Map<string, Set<Watcher>>>;
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
  /** How watch events are delivered: the API server passes the clock's `defer`. */
  deliver?: (fn: () => void) => void;
}

export function storeKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class ObjectStore {
  private rv = 0;
  private resources = new Map<string, ResourceIndex>();
  /** owner uid → keys of dependents (`resource ns/name`) */
  private owners = new Map<string, Set<string>>();
  private log: Change[] = [];
  private logStart = 0;
  private readonly logLimit: number;
  private watchers = new Map<string, Set<Watcher>>();
  private watchIndex = new Map<string, WatchIndex>();
  private watchSeq = 0;
  private readonly deliver: (fn: () => void) => void;

  constructor(opts: StoreOptions = {}) {
    this.logLimit = opts.logLimit ?? 100_000;
    this.deliver = opts.deliver ?? ((fn) => fn());
  }

  /** The resourceVersion of the latest write. */
  currentResourceVersion(): number {
    return this.rv;
  }

  private index(resource: string): ResourceIndex {
    let idx = this.resources.get(resource);
    if (!idx) this.resources.set(resource, (idx = new ResourceIndex()));
    return idx;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.resources.get(resource)?.objects.get(storeKey(namespace, name));
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
      const obj = idx.objects.get(storeKey(filter.namespace, byName.value));
      return obj && passes(obj, filter) ? [obj] : [];
    }
    for (const key of idx.candidates(filter.namespace, sel)) {
      const obj = idx.objects.get(key);
      if (obj && passes(obj, filter)) out.push(obj);
    }
    out.sort(byNamespaceAndName);
    return out;
  }

  /** Store a new or changed object (frozen), assigning the next resourceVersion. */
  put(resource: string, obj: KubeObject): KubeObject {
    const key = storeKey(obj.metadata.namespace, obj.metadata.name!);
    const idx = this.index(resource);
    const prev = idx.objects.get(key);
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    deepFreeze(obj);
    idx.set(key, obj, prev);
    this.reindexOwners(resource, key, prev, obj);
    this.record({ rv, resource, type: prev ? 'MODIFIED' : 'ADDED', object: obj, prev });
    return obj;
  }

  /** Remove an object; the DELETED event carries it with a fresh resourceVersion, as etcd does. */
  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = storeKey(namespace, name);
    const idx = this.resources.get(resource);
    const prev = idx?.delete(key);
    if (!prev) return undefined;
    this.reindexOwners(resource, key, prev, undefined);
    const rv = ++this.rv;
    const last = deepFreeze({ ...prev, metadata: { ...prev.metadata, resourceVersion: String(rv) } });
    this.record({ rv, resource, type: 'DELETED', object: last, prev });
    return last;
  }

  /** Objects whose ownerReferences name this uid: `[resource, object]` pairs. */
  dependents(ownerUid: string): Array<[string, KubeObject]> {
    const out: Array<[string, KubeObject]> = [];
    for (const ref of this.owners.get(ownerUid) ?? []) {
      const sp = ref.indexOf(' ');
      const resource = ref.slice(0, sp);
      const obj = this.resources.get(resource)?.objects.get(ref.slice(sp + 1));
      if (obj) out.push([resource, obj]);
    }
    return out;
  }

  private reindexOwners(
    resource: string,
    key: string,
    prev: KubeObject | undefined,
    next: KubeObject | undefined,
  ): void {
    // Writes that keep the (frozen, shared) owner list leave the index as it is.
    if (prev && next && prev.metadata.ownerReferences === next.metadata.ownerReferences) return;
    const ref = `${resource} ${key}`;
    for (const o of prev?.metadata.ownerReferences ?? []) {
      const s = this.owners.get(o.uid);
      s?.delete(ref);
      if (s && s.size === 0) this.owners.delete(o.uid);
    }
    for (const o of next?.metadata.ownerReferences ?? []) {
      let s = this.owners.get(o.uid);
      if (!s) this.owners.set(o.uid, (s = new Set()));
      s.add(ref);
    }
  }

  private record(change: Change): void {
    this.log.push(change);
    if (this.log.length > this.logLimit) {
      const drop = this.log.length - Math.floor(this.logLimit / 2);
      this.logStart = this.log[drop].rv;
      this.log = this.log.slice(drop);
    }
    const ws = this.watchers.get(change.resource);
    if (!ws) return;
    const idx = this.watchIndex.get(change.resource);
    if (!idx || idx.indexed === 0) {
      for (const w of ws) this.notify(w, change);
      return;
    }
    let extra: Watcher[] | undefined;
    for (const [field, byValue] of idx.fields) {
      const now = fieldValue(change.object, field);
      const a = byValue.get(now);
      if (a) (extra ??= []).push(...a);
      if (!change.prev) continue;
      const before = fieldValue(change.prev, field);
      const b = before === now ? undefined : byValue.get(before);
      if (b) (extra ??= []).push(...b);
    }
    const plain = (idx.ordered ??= [...idx.plain]);
    if (!extra) {
      for (const w of plain) this.notify(w, change);
      return;
    }
    // Registration order across both kinds: merge the few indexed watchers into the plain ones.
    extra.sort((x, y) => x.seq - y.seq);
    let i = 0;
    for (const w of plain) {
      while (i < extra.length && extra[i].seq < w.seq) this.notify(extra[i++], change);
      this.notify(w, change);
    }
    while (i < extra.length) this.notify(extra[i++], change);
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
    if (!byValue) idx.fields.set(w.key.field, (byValue = new Map()));
    let bucket = byValue.get(w.key.value);
    if (!bucket) byValue.set(w.key.value, (bucket = new Set()));
    bucket.add(w);
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
    if (bucket?.delete(w)) idx.indexed--;
    if (bucket?.size === 0) byValue!.delete(w.key.value);
    if (byValue?.size === 0) idx.fields.delete(w.key.field);
  }

  private notify(w: Watcher, change: Change): void {
    const event = translate(change, w.filter);
    if (!event) return;
    this.deliver(() => {
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
    };
    if (fromRv === undefined || fromRv === 0) {
      for (const obj of this.list(resource, filter)) {
        const e: StoreWatchEvent = { type: 'ADDED', object: obj };
        this.deliver(() => {
          if (!w.stopped) w.onEvent(e);
        });
      }
    } else {
      if (fromRv < this.logStart) throw new TooOldResourceVersionError(fromRv, this.logStart);
      for (const change of this.changesAfter(fromRv)) {
        if (change.resource === resource) this.notify(w, change);
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
