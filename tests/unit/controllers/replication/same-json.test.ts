/**
 * The kept per-owner pod counts are rebuilt when the owner's selector or template labels change,
 * compared as their JSON would be (key order included). `sameJson` must agree with comparing
 * the JSON strings, or counts would be kept for a changed selector (or rebuilt needlessly).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sameJson } from '../../../../sandbox/controllers/replication/owned';

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('a', 'b', '', 1, 0, true, null, undefined),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('app', 'tier', 'key', 'op', 'values'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('sameJson', () => {
  it('agrees with comparing JSON strings', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(sameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('tells selectors and labels apart by content and key order', () => {
    const sel = { requirements: [{ key: 'app', op: '=', values: ['web'] }] };
    expect(sameJson(sel, { requirements: [{ key: 'app', op: '=', values: ['web'] }] })).toBe(true);
    expect(sameJson(sel, { requirements: [{ key: 'app', op: '=', values: ['api'] }] })).toBe(false);
    expect(sameJson({ requirements: null }, { requirements: [] })).toBe(false);
    expect(sameJson({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(false);
    expect(sameJson({ a: '1', b: undefined }, { a: '1' })).toBe(true);
  });
});
