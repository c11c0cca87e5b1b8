/**
 * Per-resource indexes: by namespace and name, and by label key/value, so a lookup builds no key
 * string and a list by namespace or by a label selector touches only the objects that can match.
 */
import type { KubeObject } from '../api/types';
import type { Requirement, Selector } from '../api/selectors/labels';

/**
 * One object's place in the store, the same for all its versions: the indexes (and the owner index)
 * hold entries, so a write that keeps namespace and labels leaves every index as it is.
 */
export interface Entry {
  readonly resource: string;
  /** `''` for cluster-scoped objects. */
  readonly namespace: string;
  readonly name: string;
  /** The stored version. */
  obj: KubeObject;
}

const NONE: ReadonlySet<Entry> = new Set();

/**
 * Entries that may match a list: walked with `forEach`, the same on all three (an iterator per
 * list was most of what a list allocated).
 */
export type Candidates = ReadonlyMap<string, Entry> | ReadonlySet<Entry> | readonly Entry[];

const NO_ENTRIES: readonly Entry[] = [];

export class ResourceIndex {
  private all = new Set<Entry>();
  /** namespace → name → entry */
  private byName = new Map<string, Map<string, Entry>>();
  private byLabel = new Map<string, Map<string, Set<Entry>>>();

  constructor(private readonly resource: string) {}

  get size(): number {
    return this.all.size;
  }

  namespaceSize(namespace: string): number {
    return this.byName.get(namespace)?.size ?? 0;
  }

  entry(namespace: string, name: string): Entry | undefined {
    return this.byName.get(namespace)?.get(name);
  }

  /** A new object: its entry, indexed. */
  add(namespace: string, name: string, obj: KubeObject): Entry {
    const e: Entry = { resource: this.resource, namespace, name, obj };
    this.all.add(e);
    let names = this.byName.get(namespace);
    if (!names) this.byName.set(namespace, (names = new Map()));
    names.set(name, e);
    this.indexLabels(e, obj);
    return e;
  }

  /** A new version of an entry's object (same namespace and name). */
  update(e: Entry, obj: KubeObject): void {
    const prev = e.obj;
    e.obj = obj;
    // A new version with the same labels (every status write) keeps its index entries.
    if (sameLabels(prev.metadata.labels, obj.metadata.labels)) return;
    this.unindexLabels(e, prev);
    this.indexLabels(e, obj);
  }

  delete(namespace: string, name: string): Entry | undefined {
    const names = this.byName.get(namespace);
    const e = names?.get(name);
    if (!e) return undefined;
    names!.delete(name);
    if (names!.size === 0) this.byName.delete(namespace);
    this.all.delete(e);
    this.unindexLabels(e, e.obj);
    return e;
  }

  private indexLabels(e: Entry, obj: KubeObject): void {
    const labels = obj.metadata.labels;
    if (!labels) return;
    for (const k in labels) {
      let values = this.byLabel.get(k);
      if (!values) this.byLabel.set(k, (values = new Map()));
      let entries = values.get(labels[k]);
      if (!entries) values.set(labels[k], (entries = new Set()));
      entries.add(e);
    }
  }

  private unindexLabels(e: Entry, obj: KubeObject): void {
    const labels = obj.metadata.labels;
    if (!labels) return;
    for (const k in labels) {
      const values = this.byLabel.get(k);
      const entries = values?.get(labels[k]);
      entries?.delete(e);
      if (entries && entries.size === 0) values!.delete(labels[k]);
      if (values && values.size === 0) this.byLabel.delete(k);
    }
  }

  /**
   * The smallest set of entries that can satisfy the selector in the namespace (undefined = all
   * namespaces). Positive requirements (`=`, `in`, exists) narrow through the label index; otherwise
   * the namespace. The order is not the list's: the caller sorts.
   */
  candidates(namespace: string | undefined, sel: Selector): Candidates {
    if (sel.requirements === null) return NO_ENTRIES;
    let best: ReadonlySet<Entry> | undefined;
    let bestSize = Infinity;
    for (const r of sel.requirements) {
      const c = this.entriesFor(r);
      if (c && c.size < bestSize) {
        best = c;
        bestSize = c.size;
      }
    }
    if (namespace !== undefined) {
      const names = this.byName.get(namespace);
      if (!names) return NO_ENTRIES;
      if (names.size <= bestSize) return names;
    }
    return best ?? this.all;
  }

  private entriesFor(r: Requirement): ReadonlySet<Entry> | undefined {
    const values = this.byLabel.get(r.key);
    switch (r.op) {
      case '=':
      case '==':
        return values?.get(r.values[0]) ?? NONE;
      case 'in': {
        if (!values) return NONE;
        if (r.values.length === 1) return values.get(r.values[0]) ?? NONE;
        const u = new Set<Entry>();
        for (const v of r.values) for (const e of values.get(v) ?? NONE) u.add(e);
        return u;
      }
      case 'exists': {
        if (!values) return NONE;
        if (values.size === 1) return values.values().next().value;
        const u = new Set<Entry>();
        for (const entries of values.values()) for (const e of entries) u.add(e);
        return u;
      }
      default:
        return undefined;
    }
  }
}

function sameLabels(x: Record<string, string> | undefined, y: Record<string, string> | undefined): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  let n = 0;
  for (const k in x) {
    if (x[k] !== y[k]) return false;
    n++;
  }
  for (const _ in y) n--;
  return n === 0;
}
