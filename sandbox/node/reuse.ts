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
 * drops them (list elements are compared as they are). Allocates nothing.
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
 * `next` with every subtree equal (`sameStatus`) to the same place in `prev` taken from `prev`
 * (`prev` itself when the whole value is equal, list items compared by position). One walk of
 * both values; a value none of whose children is replaced is returned as it is, not copied (the
 * API server copies what it does not store as it is anyway).
 */
export function reuseUnchanged<T>(next: T, prev: unknown): T {
  if (next === prev || !isObject(next) || !isObject(prev)) return next;
  return (Array.isArray(next) ? reuseList(next, prev) : reuseMap(next, prev)) as T;
}

function reuseList(next: unknown[], prev: Record<string, unknown>): unknown {
  if (!Array.isArray(prev)) return next;
  let equal = next.length === prev.length;
  let out: unknown[] | undefined;
  for (let i = 0; i < next.length; i++) {
    const x: unknown = next[i];
    const p: unknown = prev[i];
    if (x === p) continue;
    if (!isObject(x)) {
      equal = false;
      continue;
    }
    const r = reuseUnchanged(x, p);
    if (r !== p) equal = false;
    if (r !== x) (out ??= next.slice())[i] = r;
  }
  return equal ? prev : (out ?? next);
}

function reuseMap(next: Record<string, unknown>, prev: Record<string, unknown>): unknown {
  if (Array.isArray(prev)) return next;
  let equal = true;
  let n = 0;
  let out: Record<string, unknown> | undefined;
  for (const k in next) {
    const v = next[k];
    if (absent(v)) continue;
    n++;
    const p = prev[k];
    if (v === p) continue;
    if (!isObject(v)) {
      equal = false;
      continue;
    }
    const r = reuseUnchanged(v, p);
    if (r !== p) equal = false;
    if (r !== v) (out ??= { ...next })[k] = r;
  }
  if (equal) {
    for (const k in prev) if (!absent(prev[k])) n--;
    if (n === 0) return prev;
  }
  return out ?? next;
}
