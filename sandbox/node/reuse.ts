/**
 * Structural sharing for status writes: the parts of a freshly built status that equal the stored
 * status are replaced by the stored (frozen) objects themselves. The API server recognises those
 * as already decoded and stores them as they are, so a status write costs what changed.
 */
import { deepEqual } from '../api/patch/equal';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `next` with every subtree equal to the same place in `prev` taken from `prev`. */
export function reuseUnchanged<T>(next: T, prev: unknown): T {
  if (prev === undefined || prev === null || typeof next !== 'object' || next === null) return next;
  if (deepEqual(next, prev)) return prev as T;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    return next.map((x, i) => reuseUnchanged(x, prev[i])) as T;
  }
  if (!isPlainObject(prev)) return next;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next as Record<string, unknown>)) out[k] = reuseUnchanged(v, prev[k]);
  return out as T;
}
