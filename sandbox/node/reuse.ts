/**
 * Structural sharing for status writes: the parts of a freshly built status that equal the stored
 * status are replaced by the stored (frozen) objects themselves. The API server recognises those
 * as already decoded and stores them as they are, so a status write costs what changed.
 */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * `next` with every subtree equal to the same place in `prev` taken from `prev` (`prev` itself when
 * the whole value is equal). One pass: each level compares what its children returned. A `null`
 * field counts as absent, as the API server's decoder drops it (the stored condition has no
 * `lastProbeTime` where the kubelet's freshly built one says `null`).
 */
export function reuseUnchanged<T>(next: T, prev: unknown): T {
  if (next === prev || !isObject(next) || !isObject(prev)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = next.length === prev.length;
    const out = next.map((x: unknown, i) => {
      const r = reuseUnchanged(x, prev[i]);
      if (r !== prev[i]) same = false;
      return r;
    });
    return (same ? prev : out) as T;
  }
  if (Array.isArray(prev)) return next;
  const out: Record<string, unknown> = {};
  let same = true;
  let keys = 0;
  for (const k of Object.keys(next)) {
    const v = next[k];
    if (v === undefined || v === null) {
      out[k] = v;
      continue;
    }
    keys++;
    const r = reuseUnchanged(v, prev[k]);
    if (r !== prev[k]) same = false;
    out[k] = r;
  }
  if (same) {
    // Equal when prev has no other set field (null counting as absent on both sides).
    for (const k in prev) if (prev[k] !== undefined && prev[k] !== null) keys--;
    if (keys === 0) return prev as T;
  }
  return out as T;
}
