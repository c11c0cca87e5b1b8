/** One controller instance (ReplicaSet or ReplicationController): informers, queue, expectations. */
import type { ClusterContext, Stop } from '../../cluster/context';
import type { TimerId } from '../../clock/clock';
import { WorkQueue, splitKey } from '../runtime/queue';
import { Expectations } from './expectations';
import { ownerHandlers, podHandlers } from './handlers';
import { Informer } from './informer';
import { OwnedPods } from './owned';
import type { ControllerKind } from './kinds';
import type { ControllerState } from './state';
import { syncOwner } from './sync';

const BATCH_MIN_PODS = 50;
const BATCH_MAX_MS = 500;

/** client-go's default controller rate limiter: 5 ms doubling, capped at 1000 s. */
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1000_000;

class ReplicaController implements ControllerState {
  readonly expectations: Expectations;
  readonly queue: WorkQueue;
  readonly owners: Informer;
  readonly pods: Informer;
  readonly owned = new OwnedPods();
  private delayed = new Map<string, { at: number; id: TimerId }>();

  constructor(
    readonly ctx: ClusterContext,
    readonly kind: ControllerKind,
  ) {
    this.expectations = new Expectations(ctx.clock);
    this.queue = new WorkQueue(ctx.clock, {
      name: kind.plural,
      sync: (key) => syncOwner(this, key),
      baseDelayMs: BASE_DELAY_MS,
      maxDelayMs: MAX_DELAY_MS,
      batchWindowMs: (key) => this.batchWindow(key),
    });
    this.owners = new Informer(ctx.api, kind.plural, ownerHandlers(this));
    this.pods = new Informer(ctx.api, 'pods', podHandlers(this), this.owned);
  }

  /**
   * [MODEL] The batching a busy real controller gets from the time its syncs take: none for the
   * small ReplicaSets of the lessons (every reaction stays at the same instant), then 1 ms per
   * 10 pods, at most half a second, so a 1,000-pod rollout is not re-walked for every pod update.
   */
  private batchWindow(key: string): number {
    const [namespace, name] = splitKey(key);
    const owner = this.owners.get(namespace, name);
    const pods = owner ? this.pods.controlledCount(owner.metadata.uid) : 0;
    return pods < BATCH_MIN_PODS ? 0 : Math.min(BATCH_MAX_MS, Math.ceil(pods / 10));
  }

  /** queue.AddAfter with client-go's rule: a key already waiting keeps the earlier of the two times. */
  enqueueAfter(key: string, ms: number): void {
    if (ms <= 0) return this.queue.add(key);
    const clock = this.ctx.clock;
    const at = clock.now() + ms;
    const prev = this.delayed.get(key);
    if (prev && prev.at <= at) return;
    if (prev) clock.clearTimer(prev.id);
    const id = clock.setTimer(ms, () => {
      this.delayed.delete(key);
      this.queue.add(key);
    });
    this.delayed.set(key, { at, id });
  }

  start(): void {
    // Pods first, so the owners' first syncs see a filled pod cache.
    this.pods.start();
    this.owners.start();
  }

  stop(): void {
    this.owners.stop();
    this.pods.stop();
    this.queue.stop();
    for (const d of this.delayed.values()) this.ctx.clock.clearTimer(d.id);
    this.delayed.clear();
  }
}

export function startController(
  ctx: ClusterContext,
  kind: ControllerKind,
): { state: ControllerState; stop: Stop } {
  const c = new ReplicaController(ctx, kind);
  c.start();
  return { state: c, stop: () => c.stop() };
}
