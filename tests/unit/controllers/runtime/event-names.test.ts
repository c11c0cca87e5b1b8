/**
 * Event names end in the Unix nanoseconds of the event in hex (`<object>.<hex>`), kept unique within
 * a millisecond by a counter. The recorder computes them without BigInt in the common case: the
 * split must give the same digits as the exact BigInt arithmetic for every millisecond.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSandbox } from '../../../../sandbox/index';
import { EventRecorder, splitNanos } from '../../../../sandbox/controllers/runtime/events';

const exact = (ms: number): [string, number] => {
  const n = BigInt(ms) * 1_000_000n;
  return [(n >> 24n).toString(16), Number(n & 0xffffffn)];
};

describe('event name nanoseconds', () => {
  it('splits every millisecond as BigInt arithmetic does', () => {
    const edges = [0, 1, 0xffffff, 0x1000000, 0x1000001, 1767321075000, 2 ** 52, 2 ** 53 - 1];
    for (const ms of edges) expect(splitNanos(ms)).toEqual(exact(ms));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (ms) => {
        expect(splitNanos(ms)).toEqual(exact(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it('names events by their nanoseconds plus a per-recorder counter', () => {
    const sb = createSandbox({ seed: 3, cluster: false });
    const events = new EventRecorder(sb.api, sb.clock);
    const source = { component: 'replicaset-controller' };
    const rs = { kind: 'ReplicaSet', apiVersion: 'apps/v1', namespace: 'default', name: 'web', uid: 'r1' };
    const want: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ms = sb.clock.now();
      events.record(source, rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`);
      want.push(`web.${(BigInt(ms) * 1_000_000n + BigInt(i)).toString(16)}`);
      if (i % 2) sb.clock.advanceMs(7);
    }
    const names = sb.api.list('events', 'default').items.map((e) => e.metadata.name);
    expect(names.sort()).toEqual(want.sort());
  });
});
