/**
 * What the garbage collector does to one object (upstream's attemptToDeleteItem,
 * processDeletingDependentsItem and orphanDependents), through ordinary API calls.
 */
import type { ClusterContext } from '../../cluster/context';
import type { KubeObject, OwnerReference, PropagationPolicy } from '../../api/types';
import { isStatusError } from '../../api/errors';
import { resourceForKindAnyVersion } from '../../api/resources';
import { FOREGROUND, ORPHAN, deletingDependents, type GraphNode, type OwnershipGraph } from './graph';

export interface Collector {
  ctx: ClusterContext;
  graph: OwnershipGraph;
  /** Queue an object (by UID) for attemptToDelete. */
  enqueue(uid: string): void;
}

/**
 * The object as the API server holds it (the stored, frozen object: the collector only reads it and
 * writes through patches and deletes), if it still has the node's UID.
 */
function read(ctx: ClusterContext, node: GraphNode): KubeObject | undefined {
  const obj = ctx.api.cache.get(node.plural, node.namespace, node.name);
  return obj?.metadata.uid === node.uid ? obj : undefined;
}

type OwnerState = 'solid' | 'dangling' | 'waiting';

/** Does the owner exist (same UID)? Is it being deleted in the foreground? */
function classify(ctx: ClusterContext, dependent: KubeObject, ref: OwnerReference): OwnerState {
  const slash = ref.apiVersion.indexOf('/');
  const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
  const r = resourceForKindAnyVersion(group, ref.kind);
  // An owner kind the server does not serve cannot be checked: upstream keeps retrying; we keep it.
  if (!r) return 'solid';
  const owner = ctx.api.cache.get(
    r.plural,
    r.namespaced ? dependent.metadata.namespace : undefined,
    ref.name,
  );
  if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
  if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND))
    return 'waiting';
  return 'solid';
}

export function attemptToDelete(gc: Collector, uid: string): void {
  const node = gc.graph.get(uid);
  if (!node) return;
  const obj = read(gc.ctx, node);
  if (!obj) return;
  if (obj.metadata.deletionTimestamp) {
    if ((obj.metadata.finalizers ?? []).includes(FOREGROUND)) processDeletingDependents(gc, obj);
    return;
  }
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const solid: OwnerReference[] = [];
  const gone: OwnerReference[] = [];
  let waiting = 0;
  for (const ref of refs) {
    const state = classify(gc.ctx, obj, ref);
    if (state === 'solid') solid.push(ref);
    else {
      gone.push(ref);
      if (state === 'waiting') waiting++;
    }
  }
  if (solid.length) {
    // Other owners keep it alive: only the references to vanished or departing owners go.
    if (gone.length) removeOwnerRefs(gc.ctx, obj, new Set(gone.map((r) => r.uid)));
    return;
  }
  let policy: PropagationPolicy;
  if (waiting > 0 && gc.graph.dependentsOf(uid).length > 0) policy = 'Foreground';
  else if ((obj.metadata.finalizers ?? []).includes(ORPHAN)) policy = 'Orphan';
  else if ((obj.metadata.finalizers ?? []).includes(FOREGROUND)) policy = 'Foreground';
  else policy = 'Background';
  deleteObject(gc.ctx, node, policy);
}

/** An owner deleted in the foreground: delete its dependents; drop the finalizer once no blocking one is left. */
export function processDeletingDependents(gc: Collector, owner: KubeObject): void {
  const uid = owner.metadata.uid!;
  const blocking = gc.graph
    .dependentsOf(uid)
    .filter((d) => d.owners.some((r) => r.uid === uid && r.blockOwnerDeletion === true));
  if (blocking.length === 0) {
    removeFinalizer(gc.ctx, owner, FOREGROUND);
    return;
  }
  for (const d of blocking) if (!deletingDependents(d)) gc.enqueue(d.uid);
}

/** An owner deleted with the orphan policy: its dependents lose the reference, then the finalizer goes. */
export function orphanDependents(gc: Collector, uid: string): void {
  const node = gc.graph.get(uid);
  if (!node) return;
  const owner = read(gc.ctx, node);
  if (!owner || !owner.metadata.deletionTimestamp) return;
  if (!(owner.metadata.finalizers ?? []).includes(ORPHAN)) return;
  for (const d of gc.graph.dependentsOf(uid)) {
    const dep = read(gc.ctx, d);
    if (dep) removeOwnerRefs(gc.ctx, dep, new Set([uid]));
  }
  removeFinalizer(gc.ctx, owner, ORPHAN);
}

function plural(obj: KubeObject): string {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash >= 0 ? obj.apiVersion.slice(0, slash) : '';
  return resourceForKindAnyVersion(group, obj.kind)!.plural;
}

function removeOwnerRefs(ctx: ClusterContext, obj: KubeObject, uids: Set<string>): void {
  const rest = (obj.metadata.ownerReferences ?? []).filter((r) => !uids.has(r.uid));
  ignoreGone(() =>
    ctx.api.patch(
      plural(obj),
      obj.metadata.namespace,
      obj.metadata.name!,
      { metadata: { ownerReferences: rest.length ? rest : null } },
      'merge',
      { shared: true },
    ),
  );
}

function removeFinalizer(ctx: ClusterContext, obj: KubeObject, finalizer: string): void {
  const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  ignoreGone(() =>
    ctx.api.patch(
      plural(obj),
      obj.metadata.namespace,
      obj.metadata.name!,
      { metadata: { finalizers: rest.length ? rest : null } },
      'merge',
      { shared: true },
    ),
  );
}

function deleteObject(ctx: ClusterContext, node: GraphNode, policy: PropagationPolicy): void {
  ignoreGone(() =>
    ctx.api.delete(node.plural, node.namespace, node.name, {
      propagationPolicy: policy,
      preconditions: { uid: node.uid },
      shared: true,
    }),
  );
}

/**
 * 404 (already gone) and 409 (a different object now has the name) end the attempt. The writes'
 * answers are not read, so they ask for no copy (`shared`).
 */
function ignoreGone(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (isStatusError(e) && (e.code === 404 || e.code === 409)) return;
    throw e;
  }
}
