/**
 * The work queue's batch window: a key synced recently waits for the end of its window, a key
 * added while its sync runs is synced again after it (through the window), and a waiting key is
 * not queued twice.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../sandbox/clock/clock';
import { WorkQueue } from '../../../../sandbox/controllers/runtime/queue';

function setup(windowMs: number, during?: (q: WorkQueue, key: string) => void) {
  const clock = new VirtualClock({ start: 1_000_000 });
  const synced: Array<[string, number]> = [];
  let first = true;
  const q: WorkQueue = new WorkQueue(clock, {
    name: 'test',
    sync: (key) => {
      synced.push([key, clock.now() - 1_000_000]);
      if (first && during) {
        first = false;
        during(q, key);
      }
    },
    batchWindowMs: () => windowMs,
  });
  return { clock, q, synced };
}

describe('WorkQueue batch window', () => {
  it('syncs a new key at once and a recently synced one at the end of its window', () => {
    const { clock, q, synced } = setup(50);
    q.add('a');
    clock.advanceMs(0);
    clock.advanceMs(10);
    q.add('a');
    q.add('a');
    clock.advanceMs(100);
    expect(synced).toEqual([
      ['a', 0],
      ['a', 50],
    ]);
  });

  it('syncs a key added during its own sync again, after the window', () => {
    const { clock, q, synced } = setup(30, (queue, key) => queue.add(key));
    q.add('a');
    clock.advanceMs(100);
    expect(synced).toEqual([
      ['a', 0],
      ['a', 30],
    ]);
  });

  it('queues a key once however often it is added before its sync', () => {
    const { clock, q, synced } = setup(0);
    q.add('a');
    q.add('b');
    q.add('a');
    clock.advanceMs(1);
    expect(synced).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
  });
});
