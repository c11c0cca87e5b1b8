/**
 * The scale-down ranking of one owner's pods kept up to date as its pods change, so that choosing
 * a few victims among 10,000 pods does not walk all of them on every sync. Pods are filed by the
 * rank-independent head of the ranking (unassigned, phase, ready, deletion cost) and their node;
 * a scale-down orders those groups by head and by the node's related-pod count (the rank), then
 * sorts only the leading groups that hold the victims, each in the cache's order, exactly as
 * `podsToDelete` sorts the groups it builds from the whole list (same input order, same sort, so
 * the same victims, ties included).
 */
import type { KubeObject } from '../../api/types';
import { compareHeads, podKeys, sortRanked, withRank, type PodKeys, type RankKeys } from './ranking';

interface Filed {
  keys: PodKeys;
  /** Position in the owner's pod list (the cache's order): later additions come later. */
  seq: number;
  group: Group;
}

interface Group {
  head: number;
  node: string;
  pods: Map<string, Filed>;
}

/** Matches `firstByGroups`: pods with the same head and rank form one sorted run. */
const RANKS = 2 ** 21;

export class RankIndex {
  private readonly byHead = new Map<number, Map<string, Group>>();
  private readonly byKey = new Map<string, Filed>();
  private seq = 0;

  get size(): number {
    return this.byKey.size;
  }

  /** File a pod under its key; a key already filed keeps its place, as a Map entry set again does. */
  add(key: string, pod: KubeObject): void {
    const prev = this.byKey.get(key);
    if (prev) this.unfile(key, prev);
    const keys = podKeys(pod);
    let byNode = this.byHead.get(keys.head);
    if (!byNode) this.byHead.set(keys.head, (byNode = new Map()));
    let group = byNode.get(keys.node);
    if (!group) byNode.set(keys.node, (group = { head: keys.head, node: keys.node, pods: new Map() }));
    const filed: Filed = { keys, seq: prev ? prev.seq : this.seq++, group };
    group.pods.set(key, filed);
    this.byKey.set(key, filed);
  }

  remove(key: string): void {
    const filed = this.byKey.get(key);
    if (!filed) return;
    this.byKey.delete(key);
    this.unfile(key, filed);
  }

  private unfile(key: string, filed: Filed): void {
    const g = filed.group;
    g.pods.delete(key);
    if (g.pods.size > 0) return;
    const byNode = this.byHead.get(g.head)!;
    byNode.delete(g.node);
    if (byNode.size === 0) this.byHead.delete(g.head);
  }

  /**
   * The first `diff` pods of the ranking (`diff` below the pod count), `onNode` giving the active
   * related pods per node.
   */
  first(diff: number, onNode: ReadonlyMap<string, number>, nowMs: number): KubeObject[] {
    const runs = new Map<number, { head: number; rank: number; groups: Group[] }>();
    for (const [head, byNode] of this.byHead) {
      for (const group of byNode.values()) {
        const rank = onNode.get(group.node) ?? 0;
        const id = head * RANKS + rank;
        const run = runs.get(id);
        if (run) run.groups.push(group);
        else runs.set(id, { head, rank, groups: [group] });
      }
    }
    const ordered = [...runs.values()].sort((a, b) => compareHeads(a.head, b.head) || b.rank - a.rank);
    const out: KubeObject[] = [];
    for (const run of ordered) {
      if (out.length >= diff) break;
      const filed: Filed[] = [];
      for (const g of run.groups) for (const f of g.pods.values()) filed.push(f);
      // Back into the cache's order before the (stable) sort: several nodes may share this rank
      // (an already ordered list costs one pass).
      if (!bySeq(filed)) filed.sort((a, b) => a.seq - b.seq);
      const ranked: RankKeys[] = filed.map((f) => withRank(f.keys, run.rank, nowMs));
      sortRanked(ranked);
      for (const r of ranked) {
        if (out.length >= diff) break;
        out.push(r.pod);
      }
    }
    return out;
  }
}

/** Already in the cache's order (seqs are unique: sorting would leave the list as it is). */
function bySeq(filed: readonly Filed[]): boolean {
  for (let i = 1; i < filed.length; i++) if (filed[i - 1].seq > filed[i].seq) return false;
  return true;
}
