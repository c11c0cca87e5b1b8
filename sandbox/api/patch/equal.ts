/**
 * Structural equality of JSON values. Key order does not matter; a key whose value is `undefined`
 * counts as absent (as it would after a JSON round trip). The API server uses it to keep an object
 * (and its resourceVersion) as it is when a patch or update changes nothing. It takes `unknown`
 * so that typed objects (KubeObject) compare without casts; it is meant for JSON data.
 */
const hasOwn = Object.prototype.hasOwnProperty;

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Every write compares its result with the stored object: count the set own keys instead of
  // building key lists.
  let n = 0;
  for (const k in x) {
    if (!hasOwn.call(x, k)) continue;
    const v = x[k];
    if (v === undefined) continue;
    n++;
    if (!hasOwn.call(y, k) || !deepEqual(v, y[k])) return false;
  }
  for (const k in y) if (hasOwn.call(y, k) && y[k] !== undefined) n--;
  return n === 0;
}
