/**
 * Per-resource indexes: by namespace and by label key/value, so a list by namespace or by a label
 * selector touches only the objects that can match, never the whole resource.
 */
import type { KubeObject } from '../api/types';
import type { Requirement, Selector } from '../api/selectors/labels';

export class ResourceIndex {
  /** storeKey (`ns/name`) → object */
  readonly objects = new Map<string, KubeObject>();
  private byNamespace = new Map<string, Set<string>>();
  private byLabel = new Map<string, Map<string, Set<string>>>();

  get size(): number {
    return this.objects.size;
  }

  namespaceSize(namespace: string): number {
    return this.byNamespace.get(namespace)?.size ?? 0;
  }

  set(key: string, obj: KubeObject, prev: KubeObject | undefined): void {
    this.objects.set(key, obj);
    // A new version with the same namespace and labels (every status write) keeps its index entries.
    if (prev && sameIndexedFields(prev, obj)) return;
    if (prev) this.unindex(key, prev);
    const ns = obj.metadata.namespace ?? '';
    let nsSet = this.byNamespace.get(ns);
    if (!nsSet) this.byNamespace.set(ns, (nsSet = new Set()));
    nsSet.add(key);
    const labels = obj.metadata.labels;
    if (labels) {
      for (const k in labels) {
        let values = this.byLabel.get(k);
        if (!values) this.byLabel.set(k, (values = new Map()));
        let keys = values.get(labels[k]);
        if (!keys) values.set(labels[k], (keys = new Set()));
        keys.add(key);
      }
    }
  }

  delete(key: string): KubeObject | undefined {
    const prev = this.objects.get(key);
    if (!prev) return undefined;
    this.unindex(key, prev);
    this.objects.delete(key);
    return prev;
  }

  private unindex(key: string, obj: KubeObject): void {
    const ns = obj.metadata.namespace ?? '';
    const nsSet = this.byNamespace.get(ns);
    nsSet?.delete(key);
    if (nsSet && nsSet.size === 0) this.byNamespace.delete(ns);
    const labels = obj.metadata.labels;
    if (labels) {
      for (const k in labels) {
        const values = this.byLabel.get(k);
        const keys = values?.get(labels[k]);
        keys?.delete(key);
        if (keys && keys.size === 0) values!.delete(labels[k]);
        if (values && values.size === 0) this.byLabel.delete(k);
      }
    }
  }

  /**
   * The smallest set of keys that can satisfy the selector in the namespace (undefined = all namespaces).
   * Positive requirements (`=`, `in`, exists) narrow through the label index; otherwise the namespace set.
   */
  candidates(namespace: string | undefined, sel: Selector): Iterable<string> {
    if (sel.requirements === null) return [];
    let best: Iterable<string> | undefined;
    let bestSize = Infinity;
    for (const r of sel.requirements) {
      const c = this.keysFor(r);
      if (c && c.size < bestSize) {
        best = c;
        bestSize = c.size;
      }
    }
    if (namespace !== undefined) {
      const nsSet = this.byNamespace.get(namespace) ?? new Set<string>();
      if (nsSet.size <= bestSize) return nsSet;
    }
    return best ?? this.objects.keys();
  }

  private keysFor(r: Requirement): Set<string> | undefined {
    const values = this.byLabel.get(r.key);
    switch (r.op) {
      case '=':
      case '==':
        return values?.get(r.values[0]) ?? new Set();
      case 'in': {
        if (!values) return new Set();
        if (r.values.length === 1) return values.get(r.values[0]) ?? new Set();
        const u = new Set<string>();
        for (const v of r.values) for (const k of values.get(v) ?? []) u.add(k);
        return u;
      }
      case 'exists': {
        if (!values) return new Set();
        if (values.size === 1) return values.values().next().value;
        const u = new Set<string>();
        for (const keys of values.values()) for (const k of keys) u.add(k);
        return u;
      }
      default:
        return undefined;
    }
  }
}

function sameIndexedFields(a: KubeObject, b: KubeObject): boolean {
  if ((a.metadata.namespace ?? '') !== (b.metadata.namespace ?? '')) return false;
  const x = a.metadata.labels;
  const y = b.metadata.labels;
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
