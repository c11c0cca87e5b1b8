/**
 * The garbage collector: watches every kind that can own or depend, keeps the ownership graph, and
 * converges — background (dependents of vanished owners are deleted), foreground (an owner with the
 * `foregroundDeletion` finalizer waits for its blocking dependents, which are deleted first, in the
 * foreground themselves when they have dependents) and orphan (dependents lose the owner's
 * reference, then the `orphan` finalizer goes).
 */
import type { ClusterContext, Stop } from '../../cluster/context';
import type { WatchEvent } from '../../api/types';
import { RESOURCES } from '../../api/resources';
import { WorkQueue } from '../runtime/queue';
import {
  ORPHAN,
  OwnershipGraph,
  deletingDependents,
  nodeOf,
  sameNode,
  sameOwners,
  type GraphNode,
} from './graph';
import { attemptToDelete, orphanDependents, type Collector } from './sync';

/** Kinds never owned nor owning anything here (and too chatty to track). */
const UNTRACKED = new Set(['events']);

export function start(ctx: ClusterContext): Stop {
  const graph = new OwnershipGraph();
  const deleteQueue: WorkQueue = new WorkQueue(ctx.clock, {
    name: 'garbage_collector_attempt_to_delete',
    sync: (uid) => attemptToDelete(gc, uid),
  });
  const orphanQueue = new WorkQueue(ctx.clock, {
    name: 'garbage_collector_attempt_to_orphan',
    sync: (uid) => orphanDependents(gc, uid),
  });
  const gc: Collector = { ctx, graph, enqueue: (uid) => deleteQueue.add(uid) };

  const onEvent = (plural: string, e: WatchEvent): void => {
    const uid = e.object.metadata.uid;
    if (!uid) return;
    if (e.type === 'DELETED') {
      const gone = graph.remove(uid);
      // Dependents may now be garbage; owners waiting in the foreground may now be free.
      for (const d of graph.dependentsOf(uid)) deleteQueue.add(d.uid);
      for (const ref of gone?.owners ?? []) {
        if (deletingDependents(graph.get(ref.uid))) deleteQueue.add(ref.uid);
      }
      return;
    }
    const prev = graph.get(uid);
    let node: GraphNode;
    if (prev && sameNode(prev, plural, e.object)) node = prev;
    else graph.upsert((node = nodeOf(plural, e.object)), prev);
    const ownersChanged = !prev || !sameOwners(prev.owners, node.owners);
    if (node.owners.length && (ownersChanged || prev?.deleting !== node.deleting)) deleteQueue.add(uid);
    if (deletingDependents(node)) {
      if (!deletingDependents(prev)) for (const d of graph.dependentsOf(uid)) deleteQueue.add(d.uid);
      deleteQueue.add(uid);
    }
    if (node.deleting && node.finalizers.includes(ORPHAN)) orphanQueue.add(uid);
    // A dependent that dropped or stopped blocking on an owner may free that owner.
    if (prev && ownersChanged) {
      for (const ref of prev.owners) if (deletingDependents(graph.get(ref.uid))) deleteQueue.add(ref.uid);
    }
  };

  const handles = RESOURCES.filter((r) => !UNTRACKED.has(r.plural)).map((r) =>
    ctx.api.watch(r.plural, undefined, { shared: true }, (e) => onEvent(r.plural, e)),
  );
  return () => {
    for (const h of handles) h.stop();
    deleteQueue.stop();
    orphanQueue.stop();
  };
}
