import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reuseUnchanged } from '../../../sandbox/node/reuse';

const stored = Object.freeze({
  phase: 'Pending',
  conditions: Object.freeze([
    Object.freeze({ type: 'Initialized', status: 'True' }),
    Object.freeze({ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }),
  ]),
  hostIP: '10.0.0.1',
});

describe('reuseUnchanged (what a kubelet status write sends back of the stored status)', () => {
  it('gives the stored status itself when nothing changed (null fields count as absent)', () => {
    const next = {
      phase: 'Pending',
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
      ],
      hostIP: '10.0.0.1',
      message: undefined,
    };
    expect(reuseUnchanged(next, stored)).toBe(stored);
  });

  it('keeps the stored parts that did not change and the new values, in the order built', () => {
    const next = {
      hostIP: '10.0.0.1',
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'True' },
      ],
      podIP: null,
    };
    const out = reuseUnchanged(next, stored);
    expect(out).toEqual({
      hostIP: '10.0.0.1',
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'True' },
      ],
      podIP: null,
    });
    expect(Object.keys(out)).toEqual(['hostIP', 'phase', 'conditions', 'podIP']);
    expect(out.conditions[0]).toBe(stored.conditions[0]);
    expect(out.conditions[1]).not.toBe(stored.conditions[1]);
  });

  it('builds a new object when the stored one has a field the new one lacks', () => {
    const next = { phase: 'Pending', conditions: [...stored.conditions] };
    const out = reuseUnchanged(next, stored);
    expect(out).not.toBe(stored);
    expect(out).toEqual({ phase: 'Pending', conditions: stored.conditions });
    expect(out.conditions).toBe(stored.conditions);
  });

  it('builds a new list when items are added or removed, reusing equal items', () => {
    const shorter = reuseUnchanged(
      { ...stored, conditions: [{ type: 'Initialized', status: 'True' }] },
      stored,
    );
    expect(shorter.conditions).toEqual([{ type: 'Initialized', status: 'True' }]);
    expect(shorter.conditions[0]).toBe(stored.conditions[0]);
    const longer = reuseUnchanged(
      { ...stored, conditions: [...stored.conditions, { type: 'PodScheduled', status: 'True' }] },
      stored,
    );
    expect(longer.conditions).toHaveLength(3);
    expect(longer.conditions[1]).toBe(stored.conditions[1]);
    expect(longer.conditions[2]).toEqual({ type: 'PodScheduled', status: 'True' });
  });
});

/** The first implementation (build, then copy every object that is not equal): the reference. */
function reference(next: unknown, prev: unknown): unknown {
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  const absent = (v: unknown) => v === undefined || v === null;
  const same = (a: unknown, b: unknown): boolean => {
    if (a === b) return true;
    if (!obj(a) || !obj(b)) return false;
    if (Array.isArray(a))
      return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
    if (Array.isArray(b)) return false;
    const ka = Object.keys(a).filter((k) => !absent(a[k]));
    const kb = Object.keys(b).filter((k) => !absent(b[k]));
    return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
  };
  if (same(next, prev)) return obj(next) ? prev : next;
  if (!obj(next) || !obj(prev)) return next;
  if (Array.isArray(next)) return Array.isArray(prev) ? next.map((x, i) => reference(x, prev[i])) : next;
  if (Array.isArray(prev)) return next;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(next)) out[k] = absent(next[k]) ? next[k] : reference(next[k], prev[k]);
  return out;
}

/** JSON with key order, and which objects are `prev`'s own (by identity, at the same place). */
function shape(v: unknown, prev: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v === undefined ? '<undefined>' : v;
  if (v === prev) return { '<prev>': JSON.stringify(v) };
  const p = (k: string | number) =>
    typeof prev === 'object' && prev !== null ? (prev as Record<string, unknown>)[k] : undefined;
  if (Array.isArray(v)) return v.map((x, i) => shape(x, p(i)));
  return Object.entries(v).map(([k, x]) => [k, shape(x, p(k))]);
}

describe('reuseUnchanged against the reference (build, then share what is equal)', () => {
  const leaf = fc.oneof(fc.constantFrom('a', 'b', 1, 2, true), fc.constant(null), fc.constant(undefined));
  const value = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('v'), { maxKeys: 3 }),
    ),
  })).v;
  /** `next` derived from `prev` (so that much of it is equal), with some values changed. */
  const derived = (prev: unknown, fresh: unknown, seed: number): unknown => {
    if (typeof prev !== 'object' || prev === null) return seed % 5 === 0 ? fresh : prev;
    if (seed % 7 === 0) return fresh;
    if (Array.isArray(prev)) return prev.map((x, i) => derived(x, fresh, seed * 31 + i));
    const out: Record<string, unknown> = {};
    const keys = Object.keys(prev);
    if (seed % 3 === 0) keys.reverse();
    for (const [i, k] of keys.entries())
      out[k] = derived((prev as Record<string, unknown>)[k], fresh, seed * 17 + i);
    return out;
  };
  const deepFreeze = (v: unknown): unknown => {
    if (typeof v === 'object' && v !== null) {
      for (const x of Object.values(v)) deepFreeze(x);
      Object.freeze(v);
    }
    return v;
  };

  it('gives the same JSON (values and key order) and shares the same stored objects', () => {
    fc.assert(
      fc.property(value, value, fc.nat(), (p, fresh, seed) => {
        const prev = deepFreeze(p);
        const next = derived(prev, fresh, seed);
        const got = reuseUnchanged(next, prev);
        const want = reference(next, prev);
        expect(shape(got, prev)).toEqual(shape(want, prev));
      }),
      { numRuns: 2000 },
    );
  });

  it('sends a built value none of whose parts is shared as it is, without a copy', () => {
    const next = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    const out = reuseUnchanged(next, stored);
    expect(out).toBe(next);
    expect(out.conditions).toBe(next.conditions);
  });
});
