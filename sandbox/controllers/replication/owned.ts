/**
 * What a sync counts over the pods an owner controls, kept up to date as the pod cache changes
 * instead of recounted by every sync: the active pods whose labels match the owner's selector (in
 * cache order, which the ranking's ties depend on), the active ones that no longer match (to be
 * released), and how many of the matching ones are fully labeled and ready. A sync then costs the
 * pods that changed, not every pod of a 10,000-replica ReplicaSet. The counts are bound to the
 * owner's selector and template labels; when either changes they are rebuilt from the cache.
 */
import type { KubeObject } from '../../api/types';
import { matches, type Selector } from '../../api/selectors/labels';
import { isPodActive, isPodReady } from '../util/pods';
import type { ControlledListener, Informer } from './informer';
import { templateOf } from './objects';
import { RankIndex } from './rank-index';

type Labels = Record<string, string>;

function fullyLabeled(pod: KubeObject, tplLabels: Labels): boolean {
  const labels = pod.metadata.labels ?? {};
  for (const k in tplLabels) if (labels[k] !== tplLabels[k]) return false;
  return true;
}

/** The keys JSON.stringify writes (those with a defined value), in its order. */
function jsonKeys(v: object): string[] {
  const out: string[] = [];
  for (const k in v) if ((v as Record<string, unknown>)[k] !== undefined) out.push(k);
  return out;
}

/** JSON.stringify(a) === JSON.stringify(b) for JSON data (plain objects, arrays, scalars). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // An undefined element is written as null.
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const ka = jsonKeys(a);
  const kb = jsonKeys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!sameJson((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

function nodeOf(pod: KubeObject): string {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
}

export class OwnerPods {
  /** Active pods matching the selector, in the cache's order. */
  readonly matching = new Map<string, KubeObject>();
  /** Active pods the owner controls whose labels no longer match its selector. */
  readonly mismatched = new Map<string, KubeObject>();
  fullyLabeled = 0;
  ready = 0;
  /** The matching pods per node name ("" for unscheduled ones), for the scale-down ranking. */
  readonly perNode = new Map<string, number>();
  /** The owner's stored spec these counts were last checked against. */
  spec: unknown;
  /** The matching pods filed for the scale-down ranking, from the first scale-down on. */
  private ranked: RankIndex | undefined;

  constructor(
    readonly selector: Selector,
    readonly tplLabels: Labels,
  ) {}

  /**
   * Are these counts bound to the same selector and template labels? The same answer as comparing
   * their JSON (key order included), without building the strings on every sync.
   */
  boundTo(selector: Selector, tplLabels: Labels): boolean {
    return sameJson(this.selector, selector) && sameJson(this.tplLabels, tplLabels);
  }

  add(key: string, pod: KubeObject): void {
    if (!isPodActive(pod)) return;
    if (!matches(this.selector, pod.metadata.labels)) {
      this.mismatched.set(key, pod);
      return;
    }
    this.matching.set(key, pod);
    this.ranked?.add(key, pod);
    if (fullyLabeled(pod, this.tplLabels)) this.fullyLabeled++;
    if (isPodReady(pod)) this.ready++;
    const node = nodeOf(pod);
    this.perNode.set(node, (this.perNode.get(node) ?? 0) + 1);
  }

  /** `pod` is the object `add` was given for this key (the cache passes the one it replaces). */
  remove(key: string, pod: KubeObject): void {
    if (this.mismatched.delete(key) || !this.matching.delete(key)) return;
    this.ranked?.remove(key);
    if (fullyLabeled(pod, this.tplLabels)) this.fullyLabeled--;
    if (isPodReady(pod)) this.ready--;
    const node = nodeOf(pod);
    const n = (this.perNode.get(node) ?? 0) - 1;
    if (n > 0) this.perNode.set(node, n);
    else this.perNode.delete(node);
  }

  /**
   * `remove(key, old)` then `add(key, pod)`. A status write keeps the labels object of the stored
   * version (frozen, so the same labels): a pod that matched still matches and is as fully labeled
   * as before, and only readiness and node may move the counts.
   */
  replace(key: string, old: KubeObject, pod: KubeObject): void {
    if (old.metadata.labels !== pod.metadata.labels || !isPodActive(pod) || !this.matching.has(key)) {
      this.remove(key, old);
      this.add(key, pod);
      return;
    }
    // Deleted and set again: the pod moves to the end, as the cache's order does.
    this.matching.delete(key);
    this.matching.set(key, pod);
    if (this.ranked) {
      this.ranked.remove(key);
      this.ranked.add(key, pod);
    }
    const wasReady = isPodReady(old);
    if (wasReady !== isPodReady(pod)) this.ready += wasReady ? -1 : 1;
    const from = nodeOf(old);
    const to = nodeOf(pod);
    if (from === to) return;
    const n = (this.perNode.get(from) ?? 0) - 1;
    if (n > 0) this.perNode.set(from, n);
    else this.perNode.delete(from);
    this.perNode.set(to, (this.perNode.get(to) ?? 0) + 1);
  }

  /**
   * The matching pods as the ranking files them. Built on first use (an owner that never scales
   * down never pays for it), then kept up to date with the counts.
   */
  ranking(): RankIndex {
    if (!this.ranked) {
      this.ranked = new RankIndex();
      for (const [key, pod] of this.matching) this.ranked.add(key, pod);
    }
    return this.ranked;
  }

  /** Counts over extra pods a sync claims besides these (adopted orphans). */
  countExtra(pods: readonly KubeObject[]): { fullyLabeled: number; ready: number } {
    let fully = 0;
    let ready = 0;
    for (const pod of pods) {
      if (fullyLabeled(pod, this.tplLabels)) fully++;
      if (isPodReady(pod)) ready++;
    }
    return { fullyLabeled: fully, ready };
  }
}

/** The per-owner counts of one controller, fed by its pod informer. */
export class OwnedPods implements ControlledListener {
  private byOwner = new Map<string, OwnerPods>();

  added(ownerUid: string, key: string, obj: KubeObject): void {
    this.byOwner.get(ownerUid)?.add(key, obj);
  }

  removed(ownerUid: string, key: string, obj: KubeObject): void {
    this.byOwner.get(ownerUid)?.remove(key, obj);
  }

  replaced(ownerUid: string, key: string, old: KubeObject, obj: KubeObject): void {
    this.byOwner.get(ownerUid)?.replace(key, old, obj);
  }

  forget(ownerUid: string | undefined): void {
    if (ownerUid) this.byOwner.delete(ownerUid);
  }

  /** The counts for this owner as it now stands (rebuilt from the cache when its selector or labels changed). */
  of(pods: Informer, rs: KubeObject, selector: Selector): OwnerPods {
    const uid = rs.metadata.uid ?? '';
    let owned = this.byOwner.get(uid);
    // The same stored spec (frozen: status writes keep it) has the same selector and labels.
    if (owned && owned.spec === rs.spec) return owned;
    const tplLabels = templateOf(rs).metadata?.labels ?? {};
    if (owned?.boundTo(selector, tplLabels)) {
      if (Object.isFrozen(rs.spec)) owned.spec = rs.spec;
      return owned;
    }
    owned = new OwnerPods(selector, tplLabels);
    if (Object.isFrozen(rs.spec)) owned.spec = rs.spec;
    for (const pod of pods.controlledBy(uid))
      owned.add(`${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`, pod);
    this.byOwner.set(uid, owned);
    return owned;
  }
}
