/**
 * apimachinery `pkg/util/duration.HumanDuration` and the printers' `translateTimestampSince`.
 * Durations are in milliseconds; every step truncates toward zero like Go's integer conversions.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A succinct duration with ~2-3 significant figures: `4s`, `2m8s`, `3h10m`, `2d3h`, `729d`, `2y1d`. */
export function humanDuration(ms: number): string {
  // Allow a deviation of up to 2 seconds (excluded) for clock skew: it counts as "now".
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Go's zero time, `0001-01-01T00:00:00Z`, which metav1.Time treats as unset. */
const GO_ZERO_TIME = -62135596800000;

/**
 * A metav1.Time / MicroTime (RFC 3339 string) as ms since the epoch; `undefined` when unset, zero
 * (`0001-01-01T00:00:00Z`) or unparsable — the cases where upstream's `IsZero()` holds.
 */
export function parseTime(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || ts === '') return undefined;
  const t = Date.parse(ts);
  if (Number.isNaN(t) || t <= GO_ZERO_TIME) return undefined;
  return t;
}

/** `translateTimestampSince`: HumanDuration(now - ts), or `<unknown>` for an unset timestamp. */
export function translateTimestampSince(ts: unknown, now: number): string {
  const t = parseTime(ts);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

/** `time.Time.UTC().Format(time.RFC3339)`: whole seconds, `Z`; the zero time when unset. */
export function formatRFC3339(ts: unknown): string {
  const t = parseTime(ts);
  if (t === undefined) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(t / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}
