/**
 * Moves the sandbox's virtual clock with real time times a speed factor (pause, 1x, 2x, 5x, 10x),
 * and skips ahead on request. Work is done timer by timer with the host let in between, so shell
 * loops waiting on `sleep` keep their rhythm and the tab never freezes: when a frame's work runs
 * long, virtual time slows down instead.
 */
import type { VirtualClock } from '../../sandbox/index';

export const SPEEDS = [0, 1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

/** Real-time services the driver needs; the browser passes window's, tests pass fakes. */
export interface Host {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Let other tasks (input, rendering) run. */
  yield(): Promise<void>;
}

const TICK_MS = 50;
/** Real milliseconds of simulation work per tick before the rest of the tick's time is dropped. */
const WORK_BUDGET_MS = 25;

async function microtasks(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

export class TimeDriver {
  private speedValue: Speed = 1;
  private handle: unknown;
  private last = 0;
  private busy = false;
  private skipping = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private clock: VirtualClock,
    private readonly host: Host,
  ) {}

  get speed(): Speed {
    return this.speedValue;
  }

  /** Virtual time now (epoch ms). */
  now(): number {
    return this.clock.now();
  }

  get isSkipping(): boolean {
    return this.skipping > 0;
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  setSpeed(speed: Speed): void {
    this.speedValue = speed;
    this.last = this.host.now();
    this.emit();
  }

  /** Follow another sandbox's clock (after a lesson reset). */
  attach(clock: VirtualClock): void {
    this.clock = clock;
    this.last = this.host.now();
    this.emit();
  }

  start(): void {
    if (this.handle !== undefined) return;
    this.last = this.host.now();
    const loop = (): void => {
      this.handle = this.host.setTimeout(() => {
        void this.tick().finally(() => {
          if (this.handle !== undefined) loop();
        });
      }, TICK_MS);
    };
    loop();
  }

  stop(): void {
    if (this.handle !== undefined) this.host.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private async tick(): Promise<void> {
    const now = this.host.now();
    const real = Math.min(now - this.last, 1000);
    this.last = now;
    if (this.speedValue === 0 || this.busy || this.skipping > 0) return;
    await this.run(real * this.speedValue, false);
    this.emit();
  }

  /** Jump ahead (10 s, 1 min): everything due in that span happens, loops included. */
  async skip(seconds: number): Promise<void> {
    this.skipping++;
    this.emit();
    try {
      while (this.busy) await this.host.yield();
      await this.run(seconds * 1000, true);
    } finally {
      this.skipping--;
      this.last = this.host.now();
      this.emit();
    }
  }

  /**
   * Advance `ms` of virtual time timer by timer. Between timers, pending promise callbacks run (a
   * loop schedules its next `sleep` at the right virtual instant). `complete` (skip) keeps going
   * across host yields; a tick gives up the rest of its span when its work budget runs out.
   */
  private async run(ms: number, complete: boolean): Promise<void> {
    this.busy = true;
    const clock = this.clock;
    const target = clock.now() + ms;
    let started = this.host.now();
    try {
      for (;;) {
        clock.flush();
        await microtasks();
        const next = clock.nextTimerIn();
        const left = target - clock.now();
        if (left <= 0) break;
        if (next === undefined || next > left) {
          clock.advanceMs(left);
          break;
        }
        clock.advanceMs(next);
        if (this.host.now() - started > WORK_BUDGET_MS) {
          if (!complete) break;
          await this.host.yield();
          started = this.host.now();
        }
      }
      await microtasks();
    } finally {
      this.busy = false;
    }
  }
}

/** The browser's host: a macrotask yield through MessageChannel (not throttled like setTimeout). */
export function browserHost(): Host {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    yield: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      }),
  };
}
