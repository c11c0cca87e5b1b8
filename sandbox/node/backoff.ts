/**
 * The kubelet's back-off bookkeeping (client-go `flowcontrol.Backoff`, no jitter): per key a
 * current delay and the time it was last updated. `next` starts at the initial delay, doubles up to
 * the cap, and starts over when the key has been quiet for twice the cap (10 minutes for 5m).
 * Used for CrashLoopBackOff (key pod+container) and image pulls (key pod uid + image).
 */
export class Backoff {
  private entries = new Map<string, { delay: number; lastUpdate: number }>();

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {}

  private expired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > this.maxMs * 2;
  }

  /** Record a failure at `now` (`eventTime` decides whether the entry has expired). */
  next(key: string, eventTime: number, now: number): void {
    const e = this.entries.get(key);
    const delay =
      !e || this.expired(eventTime, e.lastUpdate) ? this.initialMs : Math.min(e.delay * 2, this.maxMs);
    this.entries.set(key, { delay, lastUpdate: now });
  }

  /** `IsInBackOffSince`: is `now − eventTime` still within the current delay? */
  inBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(eventTime, e.lastUpdate)) return false;
    return now - eventTime < e.delay;
  }

  /** `IsInBackOffSinceUpdate`: is `now` within the current delay of the last update? */
  inBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(now, e.lastUpdate)) return false;
    return now - e.lastUpdate < e.delay;
  }

  /** The current delay of a key in ms (0 when none). */
  delay(key: string): number {
    return this.entries.get(key)?.delay ?? 0;
  }

  /** When the current back-off of a key ends (last update + delay). */
  until(key: string): number {
    const e = this.entries.get(key);
    return e ? e.lastUpdate + e.delay : 0;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

/** kubelet: `backOffPeriod` 10s, `MaxContainerBackOff` 300s, for containers and for image pulls. */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
