/**
 * Byte-to-JSON conversions Go's `encoding/json` makes, written out because this folder uses neither
 * Node's Buffer nor the DOM's TextDecoder: strings as UTF-8 (invalid bytes become U+FFFD, one per
 * byte, as Go writes them), []byte as standard base64 with padding, metav1.Time as RFC 3339.
 */

/** Strings as Go decodes them from bytes (U+FFFD per invalid byte). */
export { fromUtf8 as utf8Decode } from '../../api/go/bytes';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

/** `seconds` since the epoch as metav1.Time writes it: RFC 3339 in UTC, whole seconds. */
export function rfc3339(seconds: bigint): string {
  const ms = Number(seconds) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(seconds);
  const year = d.getUTCFullYear();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const y = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
  return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

export function hex(b: Uint8Array): string {
  let out = '';
  for (const x of b) out += x.toString(16).padStart(2, '0');
  return out;
}
