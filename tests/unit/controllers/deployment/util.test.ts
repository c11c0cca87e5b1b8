/** The arithmetic and hashing helpers (spec §1.3, §4.3, §4.4). */
import { describe, expect, it } from 'vitest';
import { computeHash, safeEncode } from '../../../../sandbox/controllers/deployment/hash';
import {
  newRSNewReplicas,
  resolveFenceposts,
  scaledValue,
  semanticEqual,
  equalIgnoreHash,
} from '../../../../sandbox/controllers/deployment/util';
import type { Deployment, ReplicaSet } from '../../../../sandbox/controllers/deployment/types';

describe('maxSurge / maxUnavailable resolution', () => {
  it.each([
    [1, 1, 0],
    [2, 1, 0],
    [3, 1, 0],
    [4, 1, 1],
    [5, 2, 1],
    [8, 2, 2],
    [10, 3, 2],
    [12, 3, 3],
    [20, 5, 5],
  ])('25%%/25%% of %i → surge %i, unavailable %i', (n, surge, unavailable) => {
    expect(resolveFenceposts('25%', '25%', n)).toEqual({ surge, unavailable });
  });

  it('both resolving to zero make unavailable 1', () => {
    expect(resolveFenceposts(0, '5%', 10)).toEqual({ surge: 0, unavailable: 1 });
  });

  it('rejects strings that are not percentages', () => {
    expect(() => scaledValue('3', 10, true)).toThrow('invalid type: string is not a percentage');
    expect(() => scaledValue('x%', 10, true)).toThrow('invalid value for IntOrString');
  });

  it('uses value * total / 100 in float64 order', () => {
    expect(scaledValue('33%', 3, true)).toBe(Math.ceil((33 * 3) / 100));
    expect(scaledValue('10%', 7, false)).toBe(0);
  });
});

function dep(replicas: number, maxSurge: number | string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable: 0 } } },
  };
}
const rs = (replicas: number): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {},
  spec: { replicas },
});

describe('NewRSNewReplicas', () => {
  it.each([
    { d: 10, surge: 3, newRS: 0, old: [10], want: 3 },
    { d: 10, surge: 3, newRS: 5, old: [8], want: 5 },
    { d: 10, surge: 0, newRS: 0, old: [10], want: 0 },
    { d: 3, surge: 1, newRS: 1, old: [2], want: 2 },
    { d: 10, surge: 3, newRS: 3, old: [8], want: 5 },
  ])('replicas $d surge $surge, new $newRS old $old → $want', ({ d, surge, newRS, old, want }) => {
    const n = rs(newRS);
    expect(newRSNewReplicas(dep(d, surge), [...old.map(rs), n], n)).toBe(want);
  });

  it('Recreate creates at full size', () => {
    const d: Deployment = { ...dep(4, 1), spec: { replicas: 4, strategy: { type: 'Recreate' } } };
    expect(newRSNewReplicas(d, [rs(0)], rs(0))).toBe(4);
  });
});

describe('pod-template-hash (model)', () => {
  it('encodes decimal digits through the name alphabet', () => {
    expect(safeEncode('3123191453')).toBe('75675f5897');
    expect(safeEncode('0123456789')).toBe('456789bcdf');
  });

  it('is stable, key-order independent, and changes with the template and collisionCount', () => {
    const a = {
      metadata: { labels: { app: 'web', tier: 'fe' } },
      spec: { containers: [{ name: 'web', image: 'a' }] },
    };
    const b = {
      spec: { containers: [{ image: 'a', name: 'web' }] },
      metadata: { labels: { tier: 'fe', app: 'web' } },
    };
    expect(computeHash(a)).toBe(computeHash(b));
    expect(computeHash(a)).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(a)).not.toBe(
      computeHash({ ...a, spec: { containers: [{ name: 'web', image: 'b' }] } }),
    );
    expect(computeHash(a, 1)).not.toBe(computeHash(a));
    expect(computeHash(a, 0)).not.toBe(computeHash(a));
  });
});

describe('template equality', () => {
  it('ignores the pod-template-hash label and nil-vs-empty differences', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'a' }] } };
    const withHash = { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: t.spec };
    expect(equalIgnoreHash(t, withHash)).toBe(true);
    expect(semanticEqual({ a: {} }, {})).toBe(true);
    expect(semanticEqual({ a: [] }, { a: null })).toBe(true);
    expect(equalIgnoreHash(t, { ...t, spec: { containers: [{ name: 'web', image: 'b' }] } })).toBe(false);
  });
});
