/**
 * The garbage collector's view of ownership (upstream's dependency graph): every object with its
 * owner references, indexed by UID, plus the reverse index owner UID → dependents. Fed by watches;
 * the syncs still read the API before acting.
 */
import type { KubeObject, OwnerReference } from '../../api/types';

export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';

export interface GraphNode {
  plural: string;
  namespace?: string;
  name: string;
  uid: string;
  owners: readonly OwnerReference[];
  deleting: boolean;
  finalizers: readonly string[];
}

const NONE: readonly never[] = Object.freeze([]);

/** The graph's node for a stored object: its (frozen) lists are shared, never copied. */
export function nodeOf(plural: string, obj: KubeObject): GraphNode {
  return {
    plural,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name!,
    uid: obj.metadata.uid!,
    owners: obj.metadata.ownerReferences ?? NONE,
    deleting: !!obj.metadata.deletionTimestamp,
    finalizers: obj.metadata.finalizers ?? NONE,
  };
}

/**
 * Is `prev` exactly the node `nodeOf` would make of this version? Most versions (every pod status
 * write) keep the owner and finalizer lists (shared, frozen) and the deletion state: the filed node
 * then stands for the new one as it is, nothing allocated or replaced.
 */
export function sameNode(prev: GraphNode, plural: string, obj: KubeObject): boolean {
  const m = obj.metadata;
  return (
    prev.owners === (m.ownerReferences ?? NONE) &&
    prev.finalizers === (m.finalizers ?? NONE) &&
    prev.deleting === !!m.deletionTimestamp &&
    prev.plural === plural &&
    prev.uid === m.uid &&
    prev.namespace === m.namespace &&
    prev.name === m.name
  );
}

/** Being deleted in the foreground: waiting for its (blocking) dependents to go. */
export function deletingDependents(
  n: { deleting: boolean; finalizers: readonly string[] } | undefined,
): boolean {
  return !!n && n.deleting && n.finalizers.includes(FOREGROUND);
}

export class OwnershipGraph {
  private nodes = new Map<string, GraphNode>();
  private dependents = new Map<string, Set<string>>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** Insert or replace a node (`prev`: the node filed under its UID); returns the previous version. */
  upsert(node: GraphNode, prev = this.nodes.get(node.uid)): GraphNode | undefined {
    this.nodes.set(node.uid, node);
    // Most updates (every pod status write) keep the owners: the reverse index stays as it is.
    if (prev && sameOwners(prev.owners, node.owners)) return prev;
    if (prev) this.unlink(prev);
    for (const ref of node.owners) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, (set = new Set()));
      set.add(node.uid);
    }
    return prev;
  }

  remove(uid: string): GraphNode | undefined {
    const prev = this.nodes.get(uid);
    if (!prev) return undefined;
    this.unlink(prev);
    this.nodes.delete(uid);
    return prev;
  }

  /** Objects that list `ownerUid` among their owners. */
  dependentsOf(ownerUid: string): GraphNode[] {
    const out: GraphNode[] = [];
    for (const uid of this.dependents.get(ownerUid) ?? []) {
      const n = this.nodes.get(uid);
      if (n) out.push(n);
    }
    return out;
  }

  private unlink(node: GraphNode): void {
    for (const ref of node.owners) {
      const set = this.dependents.get(ref.uid);
      set?.delete(node.uid);
      if (set && set.size === 0) this.dependents.delete(ref.uid);
    }
  }
}

export function sameOwners(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((r, i) => r.uid === b[i].uid && !!r.blockOwnerDeletion === !!b[i].blockOwnerDeletion);
}
