/**
 * The Deployment controller (upstream deployment_controller.go): watches Deployments,
 * ReplicaSets and pod deletions, enqueues Deployment keys by the rules of spec §2.1, and syncs
 * each key through the dispatch table of spec §4.1.
 */
import { deepEqual } from '../../api/patch/equal';
import type { WatchHandle } from '../../api/server';
import type { KubeObject, WatchEvent } from '../../api/types';
import type { TimerId } from '../../clock/clock';
import type { ClusterContext, Stop } from '../../cluster/context';
import { WorkQueue, keyOf, splitKey } from '../runtime/queue';
import { controllerRef } from '../util/pods';
import { rollbackTo } from './annotations';
import { claimReplicaSets, podMapFor } from './claim';
import { checkPausedConditions } from './pause';
import { record, writeStatus, type Ctl, type SyncState } from './ops';
import { rolloutRecreate } from './recreate';
import { rollback } from './rollback';
import { rolloutRolling } from './rolling';
import { isScalingEvent, syncScale, syncStatusOnly } from './sync';
import type { Deployment, ReplicaSet } from './types';
import { isEmptySelector, isRecreate, isRollingUpdate, selectorMatches } from './util';

/** Upstream drops a key after 15 failed retries. */
const MAX_RETRIES = 15;

interface Rule {
  /** What the row means (for readers and debugging). */
  name: string;
  when: (c: Ctl, s: SyncState) => boolean;
  run: (c: Ctl, s: SyncState) => void;
  /** Keep going down the table after running (a side step, not a final action). */
  next?: boolean;
}

/** syncDeployment's dispatch, first matching final row wins (spec §4.1). */
export const DISPATCH: readonly Rule[] = [
  {
    name: 'being deleted: status only',
    when: (_, s) => !!s.d.metadata.deletionTimestamp,
    run: syncStatusOnly,
  },
  {
    name: 'paused / resumed condition',
    when: () => true,
    run: (c, s) => checkPausedConditions(c, s.d),
    next: true,
  },
  { name: 'paused: scale and clean up only', when: (_, s) => !!s.d.spec.paused, run: syncScale },
  { name: 'legacy rollback annotation', when: (_, s) => rollbackTo(s.d) !== undefined, run: rollback },
  { name: 'scaling event: proportional scaling', when: isScalingEvent, run: syncScale },
  { name: 'Recreate rollout', when: (_, s) => isRecreate(s.d), run: rolloutRecreate },
  { name: 'RollingUpdate rollout', when: (_, s) => isRollingUpdate(s.d), run: rolloutRolling },
];

export class DeploymentController {
  private readonly queue: WorkQueue;
  private readonly ctl: Ctl;
  private readonly watches: WatchHandle[] = [];
  /** Last seen ReplicaSets (the informer cache), for update events that need the old object. */
  private readonly rsCache = new Map<string, ReplicaSet>();
  private readonly deadlines = new Map<string, { at: number; id: TimerId }>();

  constructor(private readonly ctx: ClusterContext) {
    this.queue = new WorkQueue(ctx.clock, {
      name: 'deployment',
      sync: (key) => this.syncDeployment(key),
      maxRetries: MAX_RETRIES,
    });
    this.ctl = {
      api: ctx.api,
      clock: ctx.clock,
      events: ctx.events,
      requeueAfter: (key, ms) => this.requeueAt(key, ctx.clock.now() + ms),
      requeueRateLimited: (key) => this.queue.addAfter(key, 5),
    };
  }

  start(): Stop {
    const { api } = this.ctx;
    this.watches.push(
      api.watch('deployments', undefined, { shared: true }, (e) => this.queue.add(keyOf(e.object))),
    );
    this.watches.push(api.watch('replicasets', undefined, { shared: true }, (e) => this.onReplicaSet(e)));
    this.watches.push(api.watch('pods', undefined, { shared: true }, (e) => this.onPod(e)));
    return () => this.stop();
  }

  stop(): void {
    for (const w of this.watches) w.stop();
    this.watches.length = 0;
    for (const { id } of this.deadlines.values()) this.ctx.clock.clearTimer(id);
    this.deadlines.clear();
    this.queue.stop();
  }

  /** enqueueAfter with the delaying queue's rule: the earliest pending time wins. */
  private requeueAt(key: string, at: number): void {
    const cur = this.deadlines.get(key);
    if (cur && cur.at <= at) return;
    if (cur) this.ctx.clock.clearTimer(cur.id);
    const id = this.ctx.clock.setTimerAt(at, () => {
      this.deadlines.delete(key);
      this.queue.add(key);
    });
    this.deadlines.set(key, { at, id });
  }

  // ---- event handlers ------------------------------------------------------------------------

  private onReplicaSet(e: WatchEvent): void {
    const rs = e.object as ReplicaSet;
    const key = keyOf(rs);
    const old = this.rsCache.get(key);
    if (e.type === 'DELETED') {
      this.rsCache.delete(key);
      this.enqueueOwner(rs);
      return;
    }
    this.rsCache.set(key, rs);
    if (e.type === 'ADDED' || !old) {
      if (rs.metadata.deletionTimestamp) {
        this.enqueueOwner(rs);
        return;
      }
      if (!this.enqueueOwner(rs)) this.enqueueMatching(rs);
      return;
    }
    if (old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
    const curRef = controllerRef(rs);
    const oldRef = controllerRef(old);
    const refChanged = !deepEqual(curRef ?? null, oldRef ?? null);
    if (refChanged && oldRef) this.enqueueOwner(old);
    if (curRef) {
      this.enqueueOwner(rs);
      return;
    }
    const labelsChanged =
      JSON.stringify(rs.metadata.labels ?? {}) !== JSON.stringify(old.metadata.labels ?? {});
    if (labelsChanged || refChanged) this.enqueueMatching(rs);
  }

  /** Pod deletions matter only to Recreate Deployments that have no pods left. */
  private onPod(e: WatchEvent): void {
    if (e.type !== 'DELETED') return;
    const ref = controllerRef(e.object);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.rsCache.get(`${e.object.metadata.namespace}/${ref.name}`);
    if (!rs || rs.metadata.uid !== ref.uid) return;
    const d = this.resolveOwner(rs);
    if (!d || !isRecreate(d)) return;
    const owned = [...this.rsCache.values()].filter(
      (x) => x.metadata.namespace === d.metadata.namespace && controllerRef(x)?.uid === d.metadata.uid,
    );
    let pods = 0;
    for (const list of podMapFor(this.ctl, d, owned).values()) pods += list.length;
    if (pods === 0) this.queue.add(keyOf(d));
  }

  /** resolveControllerRef: the Deployment a controllerRef names, if it still has that UID. */
  private resolveOwner(obj: KubeObject): Deployment | undefined {
    const ref = controllerRef(obj);
    if (!ref || ref.kind !== 'Deployment') return undefined;
    // The lister's object (read only): callers only look at it.
    const d = this.ctx.api.cache.get('deployments', obj.metadata.namespace, ref.name) as
      Deployment | undefined;
    return d?.metadata.uid === ref.uid ? d : undefined;
  }

  private enqueueOwner(rs: KubeObject): boolean {
    if (!controllerRef(rs)) return false;
    const d = this.resolveOwner(rs);
    if (d) this.queue.add(keyOf(d));
    return true;
  }

  /** Orphan RS: every Deployment in its namespace whose (non-empty) selector matches its labels. */
  private enqueueMatching(rs: KubeObject): void {
    const list = this.ctx.api.cache.list('deployments', rs.metadata.namespace) as Deployment[];
    for (const d of list) {
      if (isEmptySelector(d.spec.selector)) continue;
      if (selectorMatches(d.spec.selector, rs.metadata.labels)) this.queue.add(keyOf(d));
    }
  }

  // ---- sync ------------------------------------------------------------------------------------

  syncDeployment(key: string): void {
    const [namespace, name] = splitKey(key);
    const stored = this.ctx.api.cache.get('deployments', namespace, name) as Deployment | undefined;
    if (!stored) return;
    const d = syncCopy(stored);
    const c = this.ctl;
    if (isEmptySelector(d.spec.selector)) {
      const msg = 'This deployment is selecting all pods. A non-empty selector is required.';
      record(c, d, 'Warning', 'SelectingAll', msg);
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation };
        writeStatus(c, d);
      }
      return;
    }
    const s = new Sync(c, key, d, claimReplicaSets(c, d));
    for (const rule of DISPATCH) {
      if (!rule.when(c, s)) continue;
      rule.run(c, s);
      if (!rule.next) return;
    }
    throw new Error(`unexpected deployment strategy type: ${d.spec.strategy?.type}`);
  }
}

/**
 * One sync's state. Only Recreate reads the pod map; building it walks every pod of the
 * Deployment, so it is made on first use (nothing in the sync changes pods before that, so the
 * map is the same). A class rather than an object literal with a getter: such a literal gets a
 * fresh accessor and closure per sync, and a thousand syncs a rollout make that count.
 */
class Sync implements SyncState {
  synced: SyncState['synced'] = undefined;
  private pods: Map<string, KubeObject[]> | undefined = undefined;

  constructor(
    private readonly c: Ctl,
    readonly key: string,
    readonly d: Deployment,
    readonly rsList: ReplicaSet[],
  ) {}

  get podMap(): Map<string, KubeObject[]> {
    return (this.pods ??= podMapFor(this.c, this.d, this.rsList));
  }
}

/**
 * The lister's Deployment as a sync uses it (upstream deep-copies it): private copies of what a
 * sync changes in place (metadata, annotations, spec fields, status fields); everything below is
 * the stored object's own (frozen, read only). The template stays the stored one, so its
 * comparisons with the ReplicaSets' stored templates are remembered across syncs. The conditions
 * list is never changed in place either (`setCondition` / `removeCondition` build a new list of
 * new entries), so the status keeps the stored entries, which a status write then stores as they
 * are instead of copying them.
 */
function syncCopy(stored: Deployment): Deployment {
  const metadata = { ...stored.metadata };
  if (stored.metadata.annotations) metadata.annotations = { ...stored.metadata.annotations };
  const d: Deployment = { ...stored, metadata, spec: { ...stored.spec } };
  if (stored.status) d.status = { ...stored.status };
  return d;
}
