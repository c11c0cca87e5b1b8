/**
 * Headless driving: while the foreground command waits on the virtual clock and nothing else can
 * make progress, jump the clock to the next timer at once (so `sleep 30` takes no real time).
 */
import type { VirtualClock } from '../clock/clock';

export interface DriveOptions {
  /** Let pending promise callbacks run (Node: setImmediate). Default: a burst of microtask turns. */
  yieldToHost?: () => Promise<void>;
  /** Stop advancing after this much virtual time (default one day), then call `onStall`. */
  maxVirtualMs?: number;
  /** Called when the command cannot finish (no timer left, or the time budget ran out). */
  onStall?: (why: 'no-timers' | 'time-limit') => void;
  /**
   * A counter that moves while the command does work without waiting on the clock (a shell
   * function recursing, a long pipeline): the clock is not moved, nor the command given up on,
   * while it moves—up to a bound, so that an endless busy loop still meets the time limit.
   */
  progress?: () => number;
  /** True while the command waits for something other than the clock (code loading on first use). */
  busy?: () => boolean;
}

/** Host turns a busy command may take before the clock moves anyway. */
const MAX_BUSY_TURNS = 2000;

async function microtaskBurst(): Promise<void> {
  for (let i = 0; i < 200; i++) await Promise.resolve();
}

/**
 * Resolve `work` while advancing `clock` whenever it is idle. Idle means: after letting the host
 * run, the work is still pending and only timers remain.
 */
export async function drive<T>(clock: VirtualClock, work: Promise<T>, opts: DriveOptions = {}): Promise<T> {
  let done = false;
  const settled = work.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  void settled;
  const yieldToHost = opts.yieldToHost ?? microtaskBurst;
  const start = clock.now();
  const max = opts.maxVirtualMs ?? 86_400_000;
  let stalled = false;
  let idleTurns = 0;
  let lastProgress = opts.progress?.();
  let busyTurns = 0;
  while (!done) {
    await yieldToHost();
    if (done) break;
    clock.flush();
    await yieldToHost();
    if (done) break;
    if (stalled) {
      // Already told the caller; give the command time to wind down after its interrupt.
      if (++idleTurns > 1000) break;
      continue;
    }
    // Code loading always ends (loaded or failed): wait for it however long it takes.
    if (opts.busy?.()) continue;
    const progress = opts.progress?.();
    if (progress !== lastProgress && busyTurns < MAX_BUSY_TURNS) {
      lastProgress = progress;
      busyTurns++;
      continue;
    }
    busyTurns = 0;
    lastProgress = progress;
    const next = clock.nextTimerIn();
    if (next === undefined || clock.now() + next - start > max) {
      stalled = true;
      opts.onStall?.(next === undefined ? 'no-timers' : 'time-limit');
      continue;
    }
    clock.step();
  }
  return work;
}
