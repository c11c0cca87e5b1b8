/**
 * The virtual clock: the only source of time in the simulator.
 *
 * Work is of two kinds: tasks queued for the current instant (`defer`) and timers due at a later
 * instant (`setTimer`). At an instant, queued tasks run until none is left (tasks may queue more);
 * then time jumps to the earliest due timer, which runs, and the queue drains again. Timers due at
 * the same instant run in the order they were set.
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  due: number;
  seq: number;
  fn: () => void;
}

/** A binary min-heap of timers ordered by (due, seq): set and fire in O(log n). */
class TimerHeap {
  private items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  push(t: Timer): void {
    const a = this.items;
    // Sift up by moving parents down into the hole (the same places as swapping, without the swaps).
    let i = a.length;
    a.push(t);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(t, a[p])) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = t;
  }

  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      // Sift down: the smaller child moves up into the hole until `last` fits.
      const n = a.length;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = last;
        let mi = i;
        if (l < n && before(a[l], m)) {
          m = a[l];
          mi = l;
        }
        if (r < n && before(a[r], m)) {
          m = a[r];
          mi = r;
        }
        if (mi === i) break;
        a[i] = m;
        i = mi;
      }
      a[i] = last;
    }
    return top;
  }
}

function before(x: Timer, y: Timer): boolean {
  return x.due < y.due || (x.due === y.due && x.seq < y.seq);
}

/** Thrown when a single instant keeps queueing work forever (a runaway loop in some component). */
export class RunawayWorkError extends Error {
  constructor(limit: number) {
    super(`more than ${limit} tasks ran at one instant of virtual time; stopping to keep the tab alive`);
    this.name = 'RunawayWorkError';
  }
}

/**
 * Tasks queued together that run as tasks of their own, one after the other (the deliveries of one
 * watch change to each of its watchers): one queue entry instead of a closure per task. Each task
 * counts toward the runaway limit, and a task that throws leaves the rest of the batch at the head
 * of the queue, exactly as separately queued tasks would be left.
 */
export interface TaskBatch {
  /** How many tasks the batch holds. */
  readonly size: number;
  /** How many have started (the clock moves it). */
  started: number;
  run(i: number): void;
}

export interface ClockOptions {
  /** Start time in epoch milliseconds. */
  start: number;
  /** Safety valve: the most tasks one instant may run. */
  maxTasksPerInstant?: number;
}

export class VirtualClock {
  private current: number;
  private queue: Array<(() => void) | TaskBatch> = [];
  private queueHead = 0;
  private timers = new TimerHeap();
  private cancelled = new Set<TimerId>();
  private nextId = 1;
  private seq = 0;
  private running = false;
  private readonly maxTasks: number;
  private listeners = new Set<(now: number) => void>();

  constructor(opts: ClockOptions) {
    this.current = Math.floor(opts.start);
    this.maxTasks = opts.maxTasksPerInstant ?? 1_000_000;
  }

  /** Virtual time in epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** Virtual time as a Date. */
  date(): Date {
    return new Date(this.current);
  }

  /** Queue work for the current instant. */
  defer(fn: () => void): void {
    this.queue.push(fn);
  }

  /** Queue a batch of tasks for the current instant (see TaskBatch). */
  deferBatch(batch: TaskBatch): void {
    this.queue.push(batch);
  }

  /** Run `fn` once virtual time has moved `delayMs` ahead (0 means: this instant, after queued work). */
  setTimer(delayMs: number, fn: () => void): TimerId {
    const id = this.nextId++;
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    this.timers.push({ id, due: this.current + delay, seq: this.seq++, fn });
    return id;
  }

  /** Run `fn` at an absolute virtual time (or now, if that is in the past). */
  setTimerAt(at: number, fn: () => void): TimerId {
    return this.setTimer(at - this.current, fn);
  }

  clearTimer(id: TimerId | undefined): void {
    if (id !== undefined) this.cancelled.add(id);
  }

  /** A promise resolved when virtual time has moved `delayMs` ahead. */
  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      this.setTimer(delayMs, resolve);
    });
  }

  /** Milliseconds until the next live timer, or undefined when none is set. */
  nextTimerIn(): number | undefined {
    this.dropCancelledHead();
    const t = this.timers.peek();
    return t ? Math.max(0, t.due - this.current) : undefined;
  }

  /** Number of pending timers (cancelled ones excluded lazily). */
  pendingTimers(): number {
    return this.timers.size - this.cancelled.size;
  }

  /** Called after time moves (for views that show the clock). Returns an unsubscribe function. */
  onTick(fn: (now: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Run every task queued for the current instant. */
  flush(): void {
    if (this.running) return;
    this.running = true;
    try {
      this.drain();
    } finally {
      this.running = false;
    }
  }

  /**
   * Move virtual time ahead by `seconds`, firing every timer due in that span in order.
   * Runs synchronously; returns when time has reached the target and no work is queued.
   */
  advance(seconds: number): void {
    this.advanceMs(Math.max(0, seconds) * 1000);
  }

  advanceMs(ms: number): void {
    if (this.running) throw new Error('VirtualClock.advance called from inside a clock task');
    this.running = true;
    const target = this.current + Math.max(0, ms);
    try {
      this.drain();
      for (;;) {
        this.dropCancelledHead();
        const t = this.timers.peek();
        if (!t || t.due > target) break;
        this.timers.pop();
        if (t.due > this.current) this.current = t.due;
        t.fn();
        this.drain();
      }
      this.current = Math.max(this.current, Math.floor(target));
    } finally {
      this.running = false;
    }
    for (const l of this.listeners) l(this.current);
  }

  /** Advance to the next timer (if any, and at most `maxMs` ahead). Returns whether one fired. */
  step(maxMs = Infinity): boolean {
    const next = this.nextTimerIn();
    if (next === undefined || next > maxMs) return false;
    this.advanceMs(next);
    return true;
  }

  private dropCancelledHead(): void {
    for (;;) {
      const t = this.timers.peek();
      if (!t || !this.cancelled.has(t.id)) return;
      this.timers.pop();
      this.cancelled.delete(t.id);
    }
  }

  private drain(): void {
    let ran = 0;
    while (this.queueHead < this.queue.length) {
      const task = this.queue[this.queueHead];
      if (++ran > this.maxTasks) {
        this.queue = [];
        this.queueHead = 0;
        throw new RunawayWorkError(this.maxTasks);
      }
      if (typeof task === 'function') {
        this.queueHead++;
        task();
      } else {
        // The batch leaves the queue with its last task, before that task runs (as a closure would).
        const i = task.started++;
        if (task.started >= task.size) this.queueHead++;
        task.run(i);
      }
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.queueHead);
        this.queueHead = 0;
      }
    }
    this.queue = [];
    this.queueHead = 0;
  }
}
