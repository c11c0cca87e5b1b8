/** Small helpers the simulated programs share for HTTP answers and Node.js-style addresses. */
import type { HttpResponse } from './types';

export function text(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'text/plain', ...headers }, body };
}

/** How a Node.js server listening on `::` prints an IPv4 peer: `::ffff:10.244.1.1`. */
export function nodeJsAddress(addr: string): string {
  return /^\d+\.\d+\.\d+\.\d+$/.test(addr) ? `::ffff:${addr}` : addr;
}

/** The peer address without a `::ffff:` prefix (what nginx and httpd print). */
export function ipv4Address(addr: string): string {
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Common log format time: `01/Jan/2026:09:00:00 +0000`. */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
