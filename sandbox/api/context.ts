/** What every verb of the API server shares: the store, the clock, the random source and options. */
import type { VirtualClock } from '../clock/clock';
import type { SeededRandom } from '../clock/random';
import type { ObjectStore } from '../store/store';

export interface ApiServerOptions {
  /** Pods allowed per namespace by the `sandbox-quota` ResourceQuota created in every namespace. */
  podQuota?: number;
  /** A hard cap on pods across the whole cluster, whatever quotas say (keeps the tab alive). */
  maxPods?: number;
}

export interface ApiContext {
  store: ObjectStore;
  clock: VirtualClock;
  random: SeededRandom;
  options: Required<ApiServerOptions>;
}

/**
 * Seconds already formatted: a busy instant formats the same few seconds (now, the start times and
 * transition times of the pods it touches, now + a grace period) thousands of times, interleaved.
 */
const formatted = new Map<number, string>();

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function timestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = formatted.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    if (formatted.size >= 4096) formatted.clear();
    formatted.set(second, text);
  }
  return text;
}
