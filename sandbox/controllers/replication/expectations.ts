/**
 * controller.UIDTrackingControllerExpectations: per owner key, the pod creations (a count) and
 * deletions (pod keys) issued but not yet seen through the watch. While some are outstanding the
 * owner's sync writes status only. Records expire after five minutes, as upstream's do.
 */
import type { VirtualClock } from '../../clock/clock';

export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Record {
  add: number;
  del: number;
  timestamp: number;
}

export class Expectations {
  private records = new Map<string, Record>();
  private deleteKeys = new Map<string, Set<string>>();

  constructor(private readonly clock: VirtualClock) {}

  /** SatisfiedExpectations: no record, all observed, or the record expired. */
  satisfied(key: string): boolean {
    const r = this.records.get(key);
    if (!r) return true;
    if (r.add <= 0 && r.del <= 0) return true;
    return this.clock.now() - r.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, adds: number): void {
    this.records.set(key, { add: adds, del: 0, timestamp: this.clock.now() });
  }

  creationObserved(key: string): void {
    const r = this.records.get(key);
    if (r) r.add -= 1;
  }

  expectDeletions(key: string, podKeys: readonly string[]): void {
    const keys = new Set(podKeys);
    this.deleteKeys.set(key, keys);
    this.records.set(key, { add: 0, del: keys.size, timestamp: this.clock.now() });
  }

  /** A deletion is counted once per pod key (the deletionTimestamp update or the delete event). */
  deletionObserved(key: string, podKey: string): void {
    const keys = this.deleteKeys.get(key);
    if (!keys?.has(podKey)) return;
    keys.delete(podKey);
    const r = this.records.get(key);
    if (r) r.del -= 1;
  }

  delete(key: string): void {
    this.records.delete(key);
    this.deleteKeys.delete(key);
  }

  /** Outstanding counts (for tests and debugging). */
  pending(key: string): { add: number; del: number } | undefined {
    const r = this.records.get(key);
    return r ? { add: r.add, del: r.del } : undefined;
  }
}
