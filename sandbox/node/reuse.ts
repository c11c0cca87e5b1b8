/**
 * Structural sharing for status writes: the parts of a freshly built status that equal the stored
 * status are replaced by the stored (frozen) objects themselves. The API server recognises those
 * as already normalised and stores them as they are, so a status write costs what changed.
 */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function absent(v: unknown): boolean {
  return v === undefined || v === null;
}

/**
 * JSON equality where a `null` or `undefined` field counts as absent, as the API server's decoder
 * drops them (list elements are compared as they are). Allocates nothing: most of a status is
 * unchanged from one write to the next, and this decides which parts can be reused.
 */
export function sameStatus(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameStatus(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  let n = 0;
  for (const k in a) {
    const v = a[k];
    if (absent(v)) continue;
    n++;
    if (!sameStatus(v, b[k])) return false;
  }
  for (const k in b) if (!absent(b[k])) n--;
  return n === 0;
}

/**
 * `next` with every subtree equal to the same place in `prev` taken from `prev` (`prev` itself when
 * the whole value is equal, a `null` field counting as absent on both sides).
 */
export function reuseUnchanged<T>(next: T, prev: unknown): T {
  if (sameStatus(next, prev)) return (isObject(next) ? prev : next) as T;
  return rebuild(next, prev);
}

/** `next` (known to differ from `prev`) with its children reused where they are equal. */
function rebuild<T>(next: T, prev: unknown): T {
  if (!isObject(next) || !isObject(prev)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    return next.map((x: unknown, i) => reuseUnchanged(x, prev[i])) as T;
  }
  if (Array.isArray(prev)) return next;
  const out: Record<string, unknown> = {};
  for (const k in next) {
    const v = next[k];
    out[k] = absent(v) ? v : reuseUnchanged(v, prev[k]);
  }
  return out as T;
}
