/**
 * A small shared-informer: list, then watch from the list's resourceVersion, keeping a local cache
 * the sync reads. Watch events are delivered on the clock's queue, so the cache lags the API server
 * by a moment, as a real informer's does (which is why expectations exist).
 */
import type { ApiServer, WatchHandle } from '../../api/server';
import { controllerRef } from '../util/pods';
import type { KubeObject, WatchEvent } from '../../api/types';

export interface InformerHandlers {
  add(obj: KubeObject): void;
  update(old: KubeObject, cur: KubeObject): void;
  delete(obj: KubeObject): void;
}

/** Told when an object joins or leaves the set a controller uid controls (in the cache's order). */
export interface ControlledListener {
  added(ownerUid: string, key: string, obj: KubeObject): void;
  removed(ownerUid: string, key: string, obj: KubeObject): void;
}

export class Informer {
  private byNamespace = new Map<string, Map<string, KubeObject>>();
  /** controller uid → objects it controls; objects without a controller by namespace (orphans). */
  private byController = new Map<string, Map<string, KubeObject>>();
  private orphans = new Map<string, Map<string, KubeObject>>();
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
    return this.byNamespace.get(namespace ?? '')?.get(name);
  }

  /** Cached objects of a namespace (read-only: never mutate them). */
  list(namespace: string | undefined): KubeObject[] {
    return [...(this.byNamespace.get(namespace ?? '')?.values() ?? [])];
  }

  /**
   * What an owner's sync needs to look at: the objects it controls and the orphans of its
   * namespace. Objects controlled by others are skipped by ClaimPods anyway, so a sync costs the
   * owner's own pods, not the whole namespace.
   */
  candidatesFor(ownerUid: string | undefined, namespace: string | undefined): KubeObject[] {
    const out = [...(this.orphans.get(namespace ?? '')?.values() ?? [])];
    if (ownerUid) for (const o of this.byController.get(ownerUid)?.values() ?? []) out.push(o);
    return out;
  }

  /** The cached objects this owner controls, in cache order (read-only). */
  controlledBy(ownerUid: string): Iterable<KubeObject> {
    return this.byController.get(ownerUid)?.values() ?? [];
  }

  /** The cached objects of a namespace that no controller owns (read-only). */
  orphansOf(namespace: string | undefined): Iterable<KubeObject> {
    return this.orphans.get(namespace ?? '')?.values() ?? [];
  }

  /** How many cached objects this owner controls. */
  controlledCount(ownerUid: string | undefined): number {
    return ownerUid ? (this.byController.get(ownerUid)?.size ?? 0) : 0;
  }

  listAll(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const m of this.byNamespace.values()) out.push(...m.values());
    return out;
  }

  private onEvent(e: WatchEvent): void {
    const obj = e.object as KubeObject;
    const old = this.get(obj.metadata.namespace, obj.metadata.name ?? '');
    if (e.type === 'DELETED') {
      this.byNamespace.get(obj.metadata.namespace ?? '')?.delete(obj.metadata.name ?? '');
      if (old) this.unindex(old);
      this.handlers.delete(obj);
      return;
    }
    if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
    this.put(obj);
    if (old) this.handlers.update(old, obj);
    else this.handlers.add(obj);
  }

  private put(obj: KubeObject): void {
    const ns = obj.metadata.namespace ?? '';
    let m = this.byNamespace.get(ns);
    if (!m) this.byNamespace.set(ns, (m = new Map()));
    const old = m.get(obj.metadata.name ?? '');
    if (old) this.unindex(old);
    m.set(obj.metadata.name ?? '', obj);
    const key = `${ns}/${obj.metadata.name ?? ''}`;
    const ref = controllerRef(obj);
    const [index, k] = ref ? [this.byController, ref.uid] : [this.orphans, ns];
    let bucket = index.get(k);
    if (!bucket) index.set(k, (bucket = new Map()));
    bucket.set(key, obj);
    if (ref) this.controlled?.added(ref.uid, key, obj);
  }

  private unindex(obj: KubeObject): void {
    const ns = obj.metadata.namespace ?? '';
    const key = `${ns}/${obj.metadata.name ?? ''}`;
    const ref = controllerRef(obj);
    const [index, k] = ref ? [this.byController, ref.uid] : [this.orphans, ns];
    const bucket = index.get(k);
    bucket?.delete(key);
    if (bucket && bucket.size === 0) index.delete(k);
    if (ref) this.controlled?.removed(ref.uid, key, obj);
  }
}
