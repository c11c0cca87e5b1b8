import { describe, expect, it } from 'vitest';
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
