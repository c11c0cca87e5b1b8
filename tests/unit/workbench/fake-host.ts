/**
 * A fake real-time host for the time driver: real time moves only when a test says so, timeouts
 * fire in order, and `yield()` is a genuine macrotask turn (setImmediate) so shells and the driver
 * interleave the way they do in a browser tab.
 */
import type { Host } from '../../../src/workbench/time';

interface Timeout {
  id: number;
  due: number;
  fn: () => void;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class FakeHost implements Host {
  private real = 0;
  private timeouts: Timeout[] = [];
  private nextId = 1;
  private waiting = 0;
  /** Host turns taken (by the driver or shells): proof that the tab was let breathe. */
  yields = 0;
  /** Real milliseconds each `now()` call costs, to play a slow machine. */
  costPerNow = 0;

  now(): number {
    this.real += this.costPerNow;
    return this.real;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timeouts.push({ id, due: this.real + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timeouts = this.timeouts.filter((t) => t.id !== handle);
  }

  yield(): Promise<void> {
    this.yields++;
    this.waiting++;
    return turn().then(() => {
      this.waiting--;
    });
  }

  pendingYields(): number {
    return this.waiting;
  }

  /** Let `ms` of real time pass, firing timeouts and waiting for the work each one starts. */
  async advance(ms: number): Promise<void> {
    const target = this.real + ms;
    for (;;) {
      this.timeouts.sort((a, b) => a.due - b.due || a.id - b.id);
      const t = this.timeouts[0];
      if (!t || t.due > target) break;
      this.timeouts.shift();
      this.real = Math.max(this.real, t.due);
      const armed = this.nextId;
      t.fn();
      // The driver re-arms its tick timeout when the tick's work is done.
      for (let i = 0; i < 100_000 && this.nextId === armed; i++) await turn();
    }
    this.real = target;
  }
}
