/** resource.Quantity as a number: `100m` → 0.1, `1Gi` → 1073741824 (the scheduler and describe sum them). */
const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A quantity's value in base units; 0 when absent, NaN when malformed. */
export function quantityValue(q: unknown): number {
  if (q === undefined || q === null) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(String(q).trim());
  if (!m || !(m[2] in SUFFIX)) return NaN;
  return Number(m[1]) * SUFFIX[m[2]];
}

/** Written with a binary suffix (Ki, Mi, Gi ...)? */
export function isBinaryQuantity(q: unknown): boolean {
  return typeof q === 'string' && /[KMGTPE]i$/.test(q.trim());
}
