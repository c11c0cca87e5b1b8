/**
 * The correlator's three LRU caches (client-go's events_cache.go: at most 4096 keys each, the least
 * recently used dropped), filed per involved object: every key of a cache starts with the object
 * (kind, namespace, name, uid, apiVersion), so the entries hang off one record per object and no
 * long string key is built and hashed per event. The eviction order is the caches' own.
 */
import type { CorrelatedEvent, Observation } from './correlator';

export const MAX_ENTRIES = 4096;

/** An entry of one of the three LRU caches; `dropped` unfiles it when the cache evicts it. */
export abstract class LruNode {
  prev: LruNode | undefined;
  next: LruNode | undefined;
  linked = false;
  abstract dropped(): void;
}

/**
 * The order of an LRU cache of at most MAX_ENTRIES keys. Every read here is followed by a write of
 * the same key, which moves it to the most recent end, so reads need not move it themselves:
 * `touch` is that write (and an insertion, evicting the least recent key beyond the limit).
 */
export class Lru {
  private oldest: LruNode | undefined;
  private newest: LruNode | undefined;
  private size = 0;

  isNewest(node: LruNode): boolean {
    return this.newest === node;
  }

  touch(node: LruNode): void {
    if (node.linked) {
      if (node === this.newest) return;
      this.unlink(node);
    }
    node.linked = true;
    node.prev = this.newest;
    node.next = undefined;
    if (this.newest) this.newest.next = node;
    else this.oldest = node;
    this.newest = node;
    if (++this.size > MAX_ENTRIES) {
      const victim = this.oldest!;
      this.unlink(victim);
      victim.dropped();
    }
  }

  private unlink(node: LruNode): void {
    if (node.prev) node.prev.next = node.next;
    else this.oldest = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.newest = node.prev;
    node.prev = node.next = undefined;
    node.linked = false;
    this.size--;
  }
}

export interface Group {
  /**
   * The distinct messages seen, oldest first: one string until a second one comes (most groups —
   * one pod's event of one reason — never see another; a Set each was a tenth of the correlator).
   */
  messages: string | Set<string>;
  last: number;
}

/** Add a message to a group; returns how many distinct ones it holds. */
export function addMessage(group: Group, message: string): number {
  const m = group.messages;
  if (typeof m === 'string') {
    if (m === message) return 1;
    group.messages = new Set([m, message]);
    return 2;
  }
  m.add(message);
  return m.size;
}

/** Forget the oldest message of a group holding several. */
export function dropOldestMessage(group: Group): void {
  const m = group.messages;
  if (typeof m !== 'string') m.delete(m.values().next().value!);
}

export interface Bucket {
  tokens: number;
  at: number;
}

/** An aggregate group, keyed by the object, type and reason. */
export class AggregateNode extends LruNode {
  constructor(
    readonly owner: ObjectEntry,
    readonly type: string,
    readonly reason: string,
    public group: Group,
  ) {
    super();
  }

  dropped(): void {
    const list = this.owner.aggregates;
    list.splice(list.indexOf(this), 1);
    this.owner.release();
  }
}

/**
 * An observation: under the event's own key (fieldPath, type, reason, message) or, for an
 * aggregated event, under the aggregate key (type and reason; `fieldPath` and `message` unset).
 */
export class ObservationNode extends LruNode {
  constructor(
    readonly owner: ObjectEntry,
    readonly aggregate: boolean,
    readonly fieldPath: string,
    readonly type: string,
    readonly reason: string,
    readonly message: string,
    public value: Observation,
  ) {
    super();
  }

  dropped(): void {
    const k = this.aggregate ? '' : this.message;
    const list = this.owner.observations.get(k)!;
    list.splice(list.indexOf(this), 1);
    if (list.length === 0) this.owner.observations.delete(k);
    this.owner.release();
  }
}

export class BucketNode extends LruNode {
  constructor(
    readonly owner: ObjectEntry,
    public bucket: Bucket,
  ) {
    super();
  }

  dropped(): void {
    this.owner.bucket = undefined;
    this.owner.release();
  }
}

/**
 * What the three caches hold about one involved object (the object part of every key: kind,
 * namespace, name, uid, apiVersion; the source is the correlator's own). Filing per object spares
 * building and hashing long string keys for every event; the entries keep client-go's LRU order.
 */
export class ObjectEntry {
  readonly aggregates: AggregateNode[] = [];
  /** By message ("" holds the aggregate-keyed ones). */
  readonly observations = new Map<string, ObservationNode[]>();
  bucket: BucketNode | undefined;
  /** Another object with the same uid (only hand-made references can share one). */
  next: ObjectEntry | undefined;
  private entries = 0;

  constructor(
    private readonly table: Map<string, ObjectEntry>,
    readonly kind: string,
    readonly namespace: string,
    readonly name: string,
    readonly uid: string,
    readonly apiVersion: string,
  ) {}

  is(e: CorrelatedEvent): boolean {
    return (
      this.name === e.name &&
      this.kind === e.kind &&
      this.namespace === e.namespace &&
      this.apiVersion === e.apiVersion
    );
  }

  aggregate(e: CorrelatedEvent): AggregateNode | undefined {
    for (const a of this.aggregates) if (a.type === e.type && a.reason === e.reason) return a;
    return undefined;
  }

  observation(e: CorrelatedEvent, aggregate: boolean, message: string): ObservationNode | undefined {
    for (const o of this.observations.get(aggregate ? '' : message) ?? []) {
      if (o.aggregate === aggregate && o.type === e.type && o.reason === e.reason) {
        if (aggregate || o.fieldPath === e.fieldPath) return o;
      }
    }
    return undefined;
  }

  file(node: AggregateNode | ObservationNode | BucketNode): void {
    this.entries++;
    if (node instanceof AggregateNode) this.aggregates.push(node);
    else if (node instanceof BucketNode) this.bucket = node;
    else {
      const k = node.aggregate ? '' : node.message;
      const list = this.observations.get(k);
      if (list) list.push(node);
      else this.observations.set(k, [node]);
    }
  }

  /** One of its cache entries was evicted: forget the object once none is left. */
  release(): void {
    if (--this.entries > 0) return;
    const head = this.table.get(this.uid)!;
    if (head === this) {
      if (this.next) this.table.set(this.uid, this.next);
      else this.table.delete(this.uid);
      return;
    }
    let prev = head;
    while (prev.next !== this) prev = prev.next!;
    prev.next = this.next;
  }
}
