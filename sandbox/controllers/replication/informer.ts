/**
 * A small shared-informer: list, then watch from the list's resourceVersion, keeping a local cache
 * the sync reads. Watch events are delivered on the clock's queue, so the cache lags the API server
 * by a moment, as a real informer's does (which is why expectations exist).
 */
import type { ApiServer, WatchHandle } from '../../api/server';
import type { KubeObject, WatchEvent } from '../../api/types';

export interface InformerHandlers {
  add(obj: KubeObject): void;
  update(old: KubeObject, cur: KubeObject): void;
  delete(obj: KubeObject): void;
}

export class Informer {
  private byNamespace = new Map<string, Map<string, KubeObject>>();
  private handle: WatchHandle | undefined;

  constructor(
    private readonly api: ApiServer,
    private readonly plural: string,
    private readonly handlers: InformerHandlers,
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
      { resourceVersion: list.metadata.resourceVersion },
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
    m.set(obj.metadata.name ?? '', obj);
  }
}
