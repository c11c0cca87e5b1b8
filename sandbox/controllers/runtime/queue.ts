/**
 * A controller work queue on the virtual clock, shaped like client-go's: keys are deduplicated
 * while waiting, a key being processed is not processed twice at once, `addAfter` requeues later,
 * and failures retry with exponential back-off (5 ms doubling, capped). Syncs run on the clock's
 * queue, so at an instant every controller runs until no work is left.
 */
import type { VirtualClock, TimerId } from '../../clock/clock';

export interface QueueOptions {
  name: string;
  /** The sync function; throwing requeues the key with back-off. */
  sync: (key: string) => void;
  /** Called when a sync throws (after scheduling the retry). */
  onError?: (key: string, err: unknown) => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Drop a key after this many consecutive failures (the Deployment controller uses 15). */
  maxRetries?: number;
  /**
   * [MODEL] How long after its last sync a key may sync again (0: at once). A real controller
   * gets this batching for free: while a sync over a thousand pods runs, their updates pile up in
   * the queue and are handled by one next sync. Virtual time has no such cost, so a controller
   * states it.
   */
  batchWindowMs?: (key: string) => number;
}

export class WorkQueue {
  private pending = new Set<string>();
  private order: string[] = [];
  private processing = new Set<string>();
  private dirtyWhileProcessing = new Set<string>();
  private failures = new Map<string, number>();
  private delayed = new Map<string, { id: TimerId; at: number }>();
  private scheduled = false;
  private stopped = false;
  private lastSync = new Map<string, number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly opts: QueueOptions,
  ) {}

  get length(): number {
    return this.pending.size;
  }

  add(key: string): void {
    if (this.stopped) return;
    if (this.processing.has(key)) {
      this.dirtyWhileProcessing.add(key);
      return;
    }
    if (this.pending.has(key)) return;
    // Neither processing nor waiting: a key synced within its batch window waits for its end.
    if (this.opts.batchWindowMs) {
      const last = this.lastSync.get(key);
      const wait = last === undefined ? 0 : last + this.opts.batchWindowMs(key) - this.clock.now();
      if (wait > 0) return this.addAfter(key, wait);
    }
    this.pending.add(key);
    this.order.push(key);
    this.schedule();
  }

  /** Add the key after `ms` of virtual time. Of two waiting requests the earlier wins, as in client-go. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const waiting = this.delayed.get(key);
    if (waiting) {
      if (waiting.at <= at) return;
      this.clock.clearTimer(waiting.id);
    }
    const id = this.clock.setTimer(ms, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { id, at });
  }

  /** Forget the failure count of a key (after a successful sync). */
  forget(key: string): void {
    this.failures.delete(key);
  }

  stop(): void {
    this.stopped = true;
    for (const { id } of this.delayed.values()) this.clock.clearTimer(id);
    this.delayed.clear();
    this.pending.clear();
    this.order = [];
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.defer(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    while (this.order.length && !this.stopped) {
      const key = this.order.shift()!;
      if (!this.pending.delete(key)) continue;
      this.processing.add(key);
      if (this.opts.batchWindowMs) this.lastSync.set(key, this.clock.now());
      try {
        this.opts.sync(key);
        this.forget(key);
      } catch (err) {
        this.retry(key, err);
      } finally {
        this.processing.delete(key);
      }
      if (this.dirtyWhileProcessing.delete(key)) this.add(key);
    }
  }

  private retry(key: string, err: unknown): void {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    this.opts.onError?.(key, err);
    if (this.opts.maxRetries !== undefined && n > this.opts.maxRetries) {
      this.failures.delete(key);
      return;
    }
    const base = this.opts.baseDelayMs ?? 5;
    const max = this.opts.maxDelayMs ?? 1000_000;
    this.addAfter(key, Math.min(max, base * 2 ** (n - 1)));
  }
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

export function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}

/**
 * What a sync throws only to be retried with back-off: the queue discards it, so it is no Error
 * (V8 captures a stack for every Error, even with stackTraceLimit at 0 it sets up the capture, and
 * a rollout's Deployment syncs throw a thousand of them: upstream's "invalid request to scale
 * down"). The message stays for whoever debugs a sync.
 */
export class RetryRequest {
  readonly name = 'RetryRequest';
  constructor(readonly message: string) {}
}

export function retryError(message: string): RetryRequest {
  return new RetryRequest(message);
}
