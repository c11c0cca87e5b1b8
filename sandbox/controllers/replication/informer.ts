/**
 * A small shared-informer: list, then watch from the list's resourceVersion, keeping a local cache
 * the sync reads. Watch events are delivered on the clock's queue, so the cache lags the API server
 * by a moment, as a real informer's does (which is why expectations exist).
 */
import type { ApiServer, WatchHandle } from '../../api/server';
import { controllerRef } from '../util/pods';
import type { KubeObject, OwnerReference, WatchEvent } from '../../api/types';

export interface InformerHandlers {
  add(obj: KubeObject): void;
  update(old: KubeObject, cur: KubeObject): void;
  delete(obj: KubeObject): void;
}

/** Told when an object joins or leaves the set a controller uid controls (in the cache's order). */
export interface ControlledListener {
  added(ownerUid: string, key: string, obj: KubeObject): void;
  removed(ownerUid: string, key: string, obj: KubeObject): void;
  /** `removed(old)` then `added(obj)` for a new version under the same controller, in one call. */
  replaced(ownerUid: string, key: string, old: KubeObject, obj: KubeObject): void;
}

/** A cached object with what its index entries were filed under (so replacing it recomputes nothing). */
interface Entry {
  obj: KubeObject;
  /** `namespace/name`: one string per object, reused by every later version. */
  key: string;
  /** Its controller's reference, undefined for an orphan. */
  ref: OwnerReference | undefined;
  /** The index bucket it is filed in (its controller's, or its namespace's orphans). */
  bucket: Map<string, Entry>;
  /** When its latest version was filed: a bucket lists its objects in this order. */
  seq: number;
}

/**
 * A bucket's objects in the order their latest versions were filed, as a Map deleted from and set
 * again on every update would list them. Updates only renumber their entry: a thousand pods' status
 * writes then cost no Map churn, and the few readers of the order sort (often nothing to move).
 */
function ordered(bucket: Map<string, Entry> | undefined): KubeObject[] {
  if (!bucket) return [];
  const entries = [...bucket.values()];
  for (let i = 1; i < entries.length; i++) {
    if (entries[i - 1].seq > entries[i].seq) {
      entries.sort((a, b) => a.seq - b.seq);
      break;
    }
  }
  return entries.map((e) => e.obj);
}

export class Informer {
  private byNamespace = new Map<string, Map<string, Entry>>();
  /** controller uid → objects it controls; objects without a controller by namespace (orphans). */
  private byController = new Map<string, Map<string, Entry>>();
  private orphans = new Map<string, Map<string, Entry>>();
  private seq = 0;
  private handle: WatchHandle | undefined;

  constructor(
    private readonly api: ApiServer,
    private readonly plural: string,
    private readonly handlers: InformerHandlers,
    private readonly controlled?: ControlledListener,
  ) {}

  start(): void {
    const list = this.api.list(this.plural);
    for (const obj of list.items) {
      this.put(obj);
      this.handlers.add(obj);
    }
    this.handle = this.api.watch(
      this.plural,
      undefined,
      { resourceVersion: list.metadata.resourceVersion, shared: true },
      (e) => this.onEvent(e),
    );
  }

  stop(): void {
    this.handle?.stop();
    this.handle = undefined;
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace ?? '')?.get(name)?.obj;
  }

  /** Cached objects of a namespace (read-only: never mutate them). */
  list(namespace: string | undefined): KubeObject[] {
    const out: KubeObject[] = [];
    for (const e of this.byNamespace.get(namespace ?? '')?.values() ?? []) out.push(e.obj);
    return out;
  }

  /** The cached objects this owner controls, in cache order (read-only). */
  controlledBy(ownerUid: string): Iterable<KubeObject> {
    return ordered(this.byController.get(ownerUid));
  }

  /** The cached objects of a namespace that no controller owns, in cache order (read-only). */
  orphansOf(namespace: string | undefined): Iterable<KubeObject> {
    return ordered(this.orphans.get(namespace ?? ''));
  }

  /** How many cached objects this owner controls. */
  controlledCount(ownerUid: string | undefined): number {
    return ownerUid ? (this.byController.get(ownerUid)?.size ?? 0) : 0;
  }

  listAll(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const m of this.byNamespace.values()) for (const e of m.values()) out.push(e.obj);
    return out;
  }

  private onEvent(e: WatchEvent): void {
    const obj = e.object as KubeObject;
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const m = this.byNamespace.get(ns);
    const old = m?.get(name);
    if (e.type === 'DELETED') {
      if (old) {
        m!.delete(name);
        this.unindex(old);
      }
      this.handlers.delete(obj);
      return;
    }
    if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
    const oldObj = old?.obj;
    this.put(obj, m, old);
    if (oldObj) this.handlers.update(oldObj, obj);
    else this.handlers.add(obj);
  }

  /** File `obj`; `m` and `old` are its namespace's map and cached entry when the caller has looked them up. */
  private put(obj: KubeObject, m?: Map<string, Entry>, old?: Entry): void {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    if (!m) {
      m = this.byNamespace.get(ns);
      if (!m) this.byNamespace.set(ns, (m = new Map()));
      old = m.get(name);
    }
    const ref = controllerRef(obj);
    if (old && (ref ? ref.uid === old.ref?.uid : !old.ref)) {
      // A new version under the same controller (every status write): the same bucket, where it
      // now comes last.
      const prev = old.obj;
      old.obj = obj;
      old.ref = ref;
      old.seq = ++this.seq;
      if (ref) this.controlled?.replaced(ref.uid, old.key, prev, obj);
      return;
    }
    const index = ref ? this.byController : this.orphans;
    const k = ref ? ref.uid : ns;
    let bucket = index.get(k);
    if (!bucket) index.set(k, (bucket = new Map()));
    let entry: Entry;
    if (old) {
      this.unindex(old);
      // The entry is reused for the new version (its key and its place in the namespace map stay).
      entry = old;
      entry.obj = obj;
      entry.ref = ref;
      entry.bucket = bucket;
      entry.seq = ++this.seq;
    } else {
      entry = { obj, key: `${ns}/${name}`, ref, bucket, seq: ++this.seq };
      m.set(name, entry);
    }
    bucket.set(entry.key, entry);
    if (ref) this.controlled?.added(ref.uid, entry.key, obj);
  }

  private unindex(entry: Entry): void {
    const { ref, key, obj, bucket } = entry;
    bucket.delete(key);
    if (bucket.size === 0) {
      const index = ref ? this.byController : this.orphans;
      const k = ref ? ref.uid : (obj.metadata.namespace ?? '');
      // Only this bucket is filed under k (it is dropped when it empties, a new one made later).
      if (index.get(k) === bucket) index.delete(k);
    }
    if (ref) this.controlled?.removed(ref.uid, key, obj);
  }
}
