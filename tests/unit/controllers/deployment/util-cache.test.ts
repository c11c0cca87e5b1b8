/**
 * What the Deployment helpers remember per stored (frozen) object must answer as computing afresh
 * does: fenceposts per rollingUpdate and replica count, template equality per template pair.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  equalIgnoreHash,
  maxSurge,
  maxUnavailable,
  semanticEqual,
  withoutHash,
} from '../../../../sandbox/controllers/deployment/util';
import type { Deployment, PodTemplate } from '../../../../sandbox/controllers/deployment/types';

function deployment(replicas: number, rollingUpdate: object): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate } },
  } as Deployment;
}

describe('maxSurge / maxUnavailable of a stored strategy', () => {
  it('follow the replica count when the same frozen rollingUpdate is asked again', () => {
    const ru = Object.freeze({ maxSurge: '25%', maxUnavailable: '25%' });
    expect([maxSurge(deployment(10, ru)), maxUnavailable(deployment(10, ru))]).toEqual([3, 2]);
    expect([maxSurge(deployment(100, ru)), maxUnavailable(deployment(100, ru))]).toEqual([25, 25]);
    expect([maxSurge(deployment(1, ru)), maxUnavailable(deployment(1, ru))]).toEqual([1, 0]);
    expect([maxSurge(deployment(10, ru)), maxUnavailable(deployment(10, ru))]).toEqual([3, 2]);
  });

  it('answer for each rollingUpdate by its own values, and 0 for one that does not resolve', () => {
    const a = Object.freeze({ maxSurge: 2, maxUnavailable: 0 });
    const b = Object.freeze({ maxSurge: 0, maxUnavailable: '50%' });
    const bad = Object.freeze({ maxSurge: 'x%', maxUnavailable: 1 });
    expect([maxSurge(deployment(8, a)), maxUnavailable(deployment(8, a))]).toEqual([2, 0]);
    expect([maxSurge(deployment(8, b)), maxUnavailable(deployment(8, b))]).toEqual([0, 4]);
    expect([maxSurge(deployment(8, bad)), maxUnavailable(deployment(8, bad))]).toEqual([0, 0]);
    expect([maxSurge(deployment(8, a)), maxUnavailable(deployment(8, a))]).toEqual([2, 0]);
  });
});

const HASH = 'pod-template-hash';
// 'constructor': a key a plain object also inherits (a copy reads it from Object.prototype when absent).
const labels = fc.dictionary(fc.constantFrom('app', 'constructor', HASH), fc.constantFrom('a', undefined), {
  maxKeys: 3,
});
const template: fc.Arbitrary<PodTemplate> = fc.record(
  {
    metadata: fc.record(
      { labels, annotations: fc.constantFrom(undefined, {}, { x: '1' }) },
      { requiredKeys: [] },
    ),
    spec: fc.record(
      { containers: fc.constantFrom([], [{ name: 'c', image: 'v1' }], [{ name: 'c', image: 'v2' }]) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<PodTemplate>;

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

describe('equalIgnoreHash', () => {
  it('reads absent and undefined keys as a copy does (inherited names included)', () => {
    const cases: Array<[unknown, unknown]> = [
      [{ metadata: { annotations: undefined } }, undefined],
      [{ metadata: { labels: { constructor: undefined } } }, { metadata: { labels: { constructor: {} } } }],
      [{ metadata: { labels: { [HASH]: 'x' } } }, { metadata: {} }],
      [{ metadata: { labels: { [HASH]: 'x' } } }, {}],
      [{ spec: { containers: [undefined] } }, { spec: { containers: [null] } }],
    ];
    for (const [a, b] of cases) {
      const [ta, tb] = [a as PodTemplate, b as PodTemplate];
      expect(equalIgnoreHash(ta, tb)).toBe(semanticEqual(withoutHash(ta), withoutHash(tb)));
      expect(equalIgnoreHash(tb, ta)).toBe(semanticEqual(withoutHash(tb), withoutHash(ta)));
    }
  });

  it('answers as comparing copies without the hash label, frozen (remembered) or not', () => {
    fc.assert(
      fc.property(
        fc.option(template, { nil: undefined }),
        fc.option(template, { nil: undefined }),
        (a, b) => {
          const want = semanticEqual(withoutHash(a), withoutHash(b));
          expect(equalIgnoreHash(a, b)).toBe(want);
          const fa = deepFreeze(structuredClone(a));
          const fb = deepFreeze(structuredClone(b));
          expect(equalIgnoreHash(fa, fb)).toBe(want);
          // Asked again: the remembered verdict.
          expect(equalIgnoreHash(fa, fb)).toBe(want);
          // The labels of the originals are left as they were.
          expect(fa).toEqual(a);
        },
      ),
      { numRuns: 400 },
    );
  });
});
