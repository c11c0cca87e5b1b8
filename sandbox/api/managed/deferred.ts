/**
 * managedFields of the cluster's own updates, worked out when somebody reads them. The kubelets and
 * controllers write thousands of status updates that nobody ever looks at the managedFields of;
 * comparing every one of them old against new was a fifth of a large rollout. A deferred update
 * stores a placeholder list instead (empty and frozen, one per write) and remembers what the
 * comparison needs: the stored object before and after, the manager, the subresource and the time.
 * Whoever reads the object outside the cluster's components (kubectl, the HTTP server, a write that
 * is not deferred) gets the entries resolved: the same `trackUpdate` runs on the same inputs, so the
 * result is the one the write would have stored. Placeholders travel with the metadata wherever
 * it is copied by spread (a binding, a delete, a component sending the object back), so the
 * entries of every version stay known. A chain of unresolved versions is resolved once it is long,
 * which bounds the old versions kept alive.
 */
import type { KubeObject } from '../types';
import type { ResourceInfo } from '../resources';
import { trackCreate, trackUpdate, type Subresource } from './index';

interface Deferred {
  r: ResourceInfo;
  /** A create (`deferCreate`): no old object, the Create record runs on the stored one. */
  created: boolean;
  /** The stored object the write replaced, and the one it stored (dropped once resolved). */
  old?: KubeObject;
  next?: KubeObject;
  manager: string;
  subresource: Subresource | undefined;
  now: string;
  /** How many unresolved writes this one sits on (itself included). */
  depth: number;
  resolved: boolean;
  entries?: KubeObject['metadata']['managedFields'];
}

type Entries = KubeObject['metadata']['managedFields'];

/**
 * A placeholder carries its write under a symbol: JSON, copies and comparisons see an empty list,
 * and finding the write is a property load (a WeakMap entry per write cost more than the rest).
 */
const WRITE = Symbol('deferred update');

type Placeholder = readonly never[] & { [WRITE]?: Deferred };

function writeOf(value: unknown): Deferred | undefined {
  return Array.isArray(value) ? (value as unknown as Placeholder)[WRITE] : undefined;
}

/**
 * Resolve a chain eagerly beyond this many unresolved versions of one object. Resolving a chain
 * settles every version in it, so a bound shorter than the writes nobody reads would settle them
 * all anyway (a 1,000-replica rollout writes its ReplicaSets' status about 700 times each): the
 * bound is there to cap the old versions one object keeps alive, each mostly shared with the next.
 */
const MAX_DEPTH = 4096;

let deferring = true;

/** For tests only: record every update at once (to compare both ways of recording). */
export function setDeferredTracking(on: boolean): void {
  deferring = on;
}

export function deferredTracking(): boolean {
  return deferring;
}

/** Is this managedFields value a placeholder of a deferred update? */
export function isPlaceholder(value: unknown): boolean {
  return writeOf(value) !== undefined;
}

/**
 * Defer the Update record of a write (the arguments of `trackUpdate`): `old` is the stored object the
 * write replaces, `next` the object about to be stored; its managedFields become the placeholder.
 */
export function deferUpdate(
  r: ResourceInfo,
  old: KubeObject,
  next: KubeObject,
  manager: string,
  subresource: Subresource | undefined,
  now: string,
): void {
  const below = pendingOf(old.metadata.managedFields);
  let depth = below ? below.depth + 1 : 1;
  if (depth > MAX_DEPTH) {
    resolveEntries(old.metadata.managedFields);
    depth = 1;
  }
  setPlaceholder(next, { r, created: false, old, next, manager, subresource, now, depth, resolved: false });
}

/**
 * Defer the Create record of a component's create whose tracked fields nothing changes after the
 * record would be made (an Event: the API server then only sets fields managedFields never
 * include, such as uid and creationTimestamp), so the record made on the stored object is the
 * same. `obj` is the object about to be stored; its managedFields become the placeholder.
 */
export function deferCreate(r: ResourceInfo, obj: KubeObject, manager: string, now: string): void {
  const write: Deferred = {
    r,
    created: true,
    next: obj,
    manager,
    subresource: undefined,
    now,
    depth: 1,
    resolved: false,
  };
  setPlaceholder(obj, write);
}

function setPlaceholder(next: KubeObject, write: Deferred): void {
  const placeholder = [] as unknown as { [WRITE]: Deferred };
  placeholder[WRITE] = write;
  next.metadata.managedFields = Object.freeze(placeholder) as unknown as Entries;
}

function pendingOf(value: unknown): Deferred | undefined {
  const d = writeOf(value);
  return d && !d.resolved ? d : undefined;
}

/** The real entries of a managedFields value: itself unless it is a placeholder. */
export function resolveEntries(value: Entries): Entries {
  const d = writeOf(value);
  if (!d) return value;
  if (d.resolved) return d.entries;
  // Unresolved versions below this one first, oldest first: no recursion however long the chain.
  const chain: Deferred[] = [d];
  for (let c = below(d); c; c = below(c)) chain.push(c);
  for (let i = chain.length - 1; i >= 0; i--) settle(chain[i]);
  return d.entries;
}

/** The unresolved write of the version a write replaced (none below a create). */
function below(d: Deferred): Deferred | undefined {
  return d.old ? pendingOf(d.old.metadata.managedFields) : undefined;
}

/** Run the write's record on the versions it saw (an update's old one with its entries resolved). */
function settle(d: Deferred): void {
  if (d.created) {
    const obj: KubeObject = { ...d.next!, metadata: { ...d.next!.metadata, managedFields: undefined } };
    delete obj.metadata.managedFields;
    trackCreate(d.r, obj, d.manager, d.now);
    finish(d, obj);
    return;
  }
  const old = withEntries(d.old!, resolveEntries(d.old!.metadata.managedFields));
  // The write sent no entries of its own (or the stored ones): the base is the old object's.
  const next: KubeObject = { ...d.next!, metadata: { ...d.next!.metadata, managedFields: undefined } };
  delete next.metadata.managedFields;
  trackUpdate(d.r, old, next, d.manager, d.subresource, d.now);
  finish(d, next);
}

function finish(d: Deferred, next: KubeObject): void {
  d.entries = next.metadata.managedFields;
  d.resolved = true;
  d.old = undefined;
  d.next = undefined;
}

function withEntries(obj: KubeObject, entries: Entries): KubeObject {
  if (obj.metadata.managedFields === entries) return obj;
  const metadata = { ...obj.metadata, managedFields: entries };
  if (entries === undefined) delete metadata.managedFields;
  return { ...obj, metadata };
}

const views = new WeakMap<KubeObject, KubeObject>();

/**
 * The object as a reader outside the cluster's components must see it: itself, or (when its
 * managedFields are a placeholder) a frozen shallow copy with the real entries, the same copy on
 * every read.
 */
export function resolvedObject(obj: KubeObject): KubeObject {
  // (No placeholder: the object itself, the common case of every read.)
  const value = obj.metadata?.managedFields;
  if (writeOf(value) === undefined) return obj;
  let view = views.get(obj);
  if (!view) {
    view = withEntries(obj, resolveEntries(value));
    Object.freeze(view.metadata);
    Object.freeze(view);
    views.set(obj, view);
  }
  return view;
}
