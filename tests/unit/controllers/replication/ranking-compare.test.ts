/**
 * The scale-down sort compares with `compareRanked`, one pass instead of two `before` calls: it
 * must give every pair the answer `before(a, b) ? -1 : before(b, a) ? 1 : 0` gives, or the sort
 * (and so the pods a scale-down deletes) would change. Keys here collide on every criterion
 * often: unassigned pods, equal times, unready pods, zero times, equal UIDs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../../../sandbox/api/types';
import {
  before,
  compareRanked,
  sortRanked,
  type RankKeys,
} from '../../../../sandbox/controllers/replication/ranking';

const time = fc.option(fc.constantFrom(1000, 2000, 2001, 900000), { nil: undefined });
const keys: fc.Arbitrary<RankKeys> = fc
  .record({
    uid: fc.constantFrom('a', 'b', 'c', ''),
    node: fc.constantFrom('', 'n1', 'n2'),
    phase: fc.constantFrom(0, 1, 2),
    ready: fc.boolean(),
    cost: fc.constantFrom(-1, 0, 3),
    rank: fc.constantFrom(0, 1, 5),
    readyAt: time,
    regular: fc.constantFrom(0, 1),
    sidecar: fc.constantFrom(0, 2),
    created: time,
    readyBucket: fc.constantFrom(-1, 3, 4),
    createdBucket: fc.constantFrom(-1, 3, 4),
  })
  .map((k) => ({
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: k.uid ? { uid: k.uid } : {} } as KubeObject,
    uid: k.uid,
    node: k.node,
    phase: k.phase,
    ready: k.ready,
    cost: k.cost,
    readyAt: k.ready ? k.readyAt : undefined,
    restarts: [k.regular, k.sidecar] as [number, number],
    created: k.created,
    head: 0,
    rank: k.rank,
    readyBucket: k.readyBucket,
    createdBucket: k.createdBucket,
  }));

const twoPass = (a: RankKeys, b: RankKeys): number => (before(a, b) ? -1 : before(b, a) ? 1 : 0);

describe('compareRanked', () => {
  it('answers every pair as the two-pass comparison does', () => {
    fc.assert(
      fc.property(keys, keys, (a, b) => {
        expect(compareRanked(a, b)).toBe(twoPass(a, b));
        expect(compareRanked(b, a)).toBe(twoPass(b, a));
        expect(compareRanked(a, a)).toBe(0);
      }),
      { numRuns: 20000 },
    );
  });

  it('sorts lists in the same order as the two-pass comparison', () => {
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 80 }), (list) => {
        const expected = [...list].sort(twoPass);
        const got = [...list];
        sortRanked(got);
        expect(got).toEqual(expected);
        got.forEach((k, i) => expect(k).toBe(expected[i]));
      }),
      { numRuns: 500 },
    );
  });
});
