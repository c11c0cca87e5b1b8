import { describe, expect, it } from 'vitest';
import { goSort } from '../../../sandbox/api/go/sort';

/** Keys from a 32-bit LCG (as Go computes it with uint32 overflow), or sorted/reversed runs. */
function gen(n: number, distinct: number, pattern: number, seed: number): number[] {
  const keys: number[] = [];
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    if (pattern === 0) keys.push((x >>> 8) % distinct);
    else if (pattern === 1) keys.push(Math.floor(i / distinct));
    else keys.push(Math.floor((n - i) / distinct));
  }
  return keys;
}

/** Order-sensitive checksum of the permutation, computed the same way in the Go program. */
function checksum(idx: number[]): number {
  let sum = 0;
  idx.forEach((v, p) => {
    sum = Number((BigInt(sum) * 31n + BigInt(v * (p + 1))) % 1000000007n);
  });
  return sum;
}

// Expected values printed by Go's sort.Sort (pdqsort) over the same inputs: an index slice
// sorted by key, so the order of equal keys shows exactly which swaps the algorithm made.
const CASES: Array<[number, number, number, number, number]> = [
  [13, 3, 0, 1, 541510376],
  [19, 4, 0, 2, 751948111],
  [50, 5, 0, 3, 634345489],
  [64, 64, 0, 4, 26823000],
  [60, 2, 2, 5, 69825985],
  [300, 7, 0, 6, 587676984],
  [1000, 10, 0, 7, 702388786],
  [1000, 3, 1, 8, 29085222],
  [1000, 4, 2, 9, 764463789],
];

describe("goSort: Go's sort.Sort, tie order included", () => {
  it.each(CASES)('n=%i distinct=%i pattern=%i seed=%i', (n, distinct, pattern, seed, want) => {
    const keys = gen(n, distinct, pattern, seed);
    const idx = keys.map((_, i) => i);
    goSort(idx, (a, b) => (keys[a] as number) < (keys[b] as number));
    expect(idx.map((i) => keys[i])).toEqual([...keys].sort((a, b) => a - b));
    expect(checksum(idx)).toBe(want);
  });

  it('orders the 19 events of a fresh Deployment as kubectl events does (ties by timestamp)', () => {
    const keys = [0, 1, 5, 6, 6, 0, 0, 6, 6, 6, 0, 0, 5, 5, 5, 0, 0, 0, 0];
    const idx = keys.map((_, i) => i);
    goSort(idx, (a, b) => (keys[a] as number) < (keys[b] as number));
    expect(idx).toEqual([6, 16, 11, 18, 0, 5, 17, 15, 10, 1, 14, 2, 12, 13, 4, 9, 8, 7, 3]);
  });
});
