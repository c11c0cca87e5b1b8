/**
 * Moves the sandbox's virtual clock with real time times a speed factor (pause, 1x, 2x, 5x, 10x),
 * and skips ahead on request.
 *
 * Time moves timer by timer. After every instant the driver lets the rest of the page settle (the
 * promise callbacks of a shell that a `sleep` just woke, and the host turns the shell asked for)
 * before it looks for the next timer; otherwise a `while …; do curl …; sleep 1; done` loop would set
 * its next `sleep` after time had already jumped on, and each turn of the loop would last longer
 * than a virtual second. Real milliseconds are carried as fractions, so at 1x an hour of real time
 * is an hour of virtual time. When a tick's work runs long, virtual time slows down instead of the
 * tab freezing; a skip keeps going, yielding to the host between bursts of work.
 */
import type { VirtualClock } from '../../sandbox/index';

export const SPEEDS = [0, 1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

/** Real-time services the driver needs; the sandbox worker passes its own, tests pass fakes. */
export interface Host {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Let other tasks (input, rendering) run. */
  yield(): Promise<void>;
  /**
   * How many `yield()` calls are still waiting for their turn. A shell between two steps of a loop
   * waits in one; the driver lets those run before it moves time on. Hosts without it get one turn.
   */
  pendingYields?(): number;
}

const TICK_MS = 50;
/** Real milliseconds of simulation work per tick before the rest of the tick's time is dropped. */
const WORK_BUDGET_MS = 25;
/** A tab in the background gets few ticks: never catch up more than this much real time at once. */
const MAX_REAL_STEP_MS = 1000;
/**
 * Host turns granted to waiting shells per instant. A loop that never sleeps (`while true; do echo;
 * done`) always waits for a turn; without a bound it would hold virtual time still.
 */
const MAX_SETTLE_TURNS = 64;

async function microtasks(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

export class TimeDriver {
  private speedValue: Speed = 1;
  private handle: unknown;
  private loopToken = 0;
  private last = 0;
  /** Virtual milliseconds earned by real time and not yet applied (the fraction below 1 ms). */
  private owed = 0;
  private busy = false;
  private skipping = 0;
  /** Bumped by `attach`: a run on the previous sandbox's clock stops at its next step. */
  private generation = 0;
  private readonly listeners = new Set<() => void>();
  private readonly errorListeners = new Set<(e: unknown) => void>();

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

  /** Called after virtual time moved, the speed changed or a skip started/ended. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** A component threw while time moved (the driver keeps going; the page may show it). */
  onError(fn: (e: unknown) => void): () => void {
    this.errorListeners.add(fn);
    return () => this.errorListeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  private fail(e: unknown): void {
    if (this.errorListeners.size === 0) console.error('virtual time:', e);
    for (const fn of this.errorListeners) fn(e);
  }

  setSpeed(speed: Speed): void {
    if (!SPEEDS.includes(speed)) throw new RangeError(`unsupported speed ${String(speed)}`);
    this.speedValue = speed;
    // The new speed applies from now on, not to the real time since the last tick.
    this.last = this.host.now();
    this.owed = 0;
    this.emit();
  }

  /** Follow another sandbox's clock (after a lesson reset). */
  attach(clock: VirtualClock): void {
    this.clock = clock;
    this.generation++;
    this.last = this.host.now();
    this.owed = 0;
    this.emit();
  }

  start(): void {
    if (this.handle !== undefined) return;
    this.last = this.host.now();
    const token = ++this.loopToken;
    const loop = (): void => {
      this.handle = this.host.setTimeout(() => {
        void this.tick().finally(() => {
          if (this.loopToken === token && this.handle !== undefined) loop();
        });
      }, TICK_MS);
    };
    loop();
  }

  stop(): void {
    if (this.handle !== undefined) this.host.clearTimeout(this.handle);
    this.handle = undefined;
    this.loopToken++;
  }

  private async tick(): Promise<void> {
    const now = this.host.now();
    const real = Math.min(Math.max(0, now - this.last), MAX_REAL_STEP_MS);
    this.last = now;
    if (this.speedValue === 0 || this.busy || this.skipping > 0) return;
    this.owed += real * this.speedValue;
    const whole = Math.floor(this.owed);
    this.owed -= whole;
    if (whole <= 0) return;
    await this.run(whole, false);
    this.emit();
  }

  /**
   * Jump ahead (10 s, 1 min): everything due in that span happens, loops included. The reader asked
   * for it, so it also works while paused (and leaves the clock paused).
   */
  async skip(seconds: number): Promise<void> {
    this.skipping++;
    this.emit();
    try {
      while (this.busy) await this.host.yield();
      await this.run(seconds * 1000, true);
    } finally {
      this.skipping--;
      this.last = this.host.now();
      this.owed = 0;
      this.emit();
    }
  }

  /**
   * Let everything that reacts to the current instant run: tasks queued on the clock, promise
   * callbacks (a host turn drains them all), then the host turns waiting shells asked for.
   */
  private async settle(clock: VirtualClock): Promise<void> {
    clock.flush();
    await microtasks();
    clock.flush();
    // A host without `pendingYields` gets one full turn (it drains every promise callback); with
    // it, a turn only when someone waits for one: a turn can cost a frame in a busy tab.
    if (!this.host.pendingYields) {
      await this.host.yield();
      clock.flush();
      return;
    }
    for (let turns = 0; turns < MAX_SETTLE_TURNS && this.host.pendingYields() > 0; turns++) {
      await this.host.yield();
      clock.flush();
    }
  }

  /**
   * Advance `ms` of virtual time instant by instant. `complete` (skip) keeps going across host
   * yields; a tick gives up the rest of its span when its work budget runs out or time is paused.
   */
  private async run(ms: number, complete: boolean): Promise<void> {
    this.busy = true;
    const clock = this.clock;
    const generation = this.generation;
    const target = clock.now() + ms;
    let started = this.host.now();
    try {
      for (;;) {
        await this.settle(clock);
        if (generation !== this.generation) return;
        if (!complete && this.speedValue === 0) return;
        const left = target - clock.now();
        if (left <= 0) return;
        const next = clock.nextTimerIn();
        clock.advanceMs(next === undefined ? left : Math.min(next, left));
        if (this.host.now() - started > WORK_BUDGET_MS) {
          if (!complete) {
            await this.settle(clock);
            return;
          }
          await this.host.yield();
          this.emit();
          started = this.host.now();
        }
      }
    } catch (e) {
      this.fail(e);
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
    pendingYields: () => waiting.length,
  };
}
