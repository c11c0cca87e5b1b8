/**
 * Watch delivery on the clock: each change reaches its watchers as if every (change, watcher) pair were
 * a task of its own queued at the write, whatever the callbacks do meanwhile (defer work, write, stop
 * a watch, start one, throw). The sequences below are the ones one task per watcher produces.
 */
import { describe, expect, it } from 'vitest';
import { ObjectStore, type StoreWatchEvent } from '../../../sandbox/store/store';
import { RunawayWorkError, VirtualClock } from '../../../sandbox/clock/clock';
import { parseSelector } from '../../../sandbox/api/selectors/labels';
import type { KubeObject } from '../../../sandbox/api/types';

function setup(maxTasksPerInstant?: number): { clock: VirtualClock; store: ObjectStore } {
  const clock = new VirtualClock({ start: 0, maxTasksPerInstant });
  return { clock, store: new ObjectStore({ queue: clock }) };
}

function pod(name: string, labels: Record<string, string> = {}, nodeName?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    ...(nodeName ? { spec: { nodeName } } : {}),
  };
}

const show = (who: string, e: StoreWatchEvent): string => `${who} ${e.type} ${e.object.metadata.name}`;

describe('watch delivery order', () => {
  it('keeps every callback in place among deferred work, writes, stops and new watches', () => {
    const { clock, store } = setup();
    const log: string[] = [];
    const stops: Record<string, () => void> = {};
    stops.A = store.watch('pods', {}, undefined, (e) => {
      log.push(show('A', e));
      if (e.type !== 'ADDED' || e.object.metadata.name !== 'p1') return;
      clock.defer(() => log.push('task deferred by A'));
      store.put('pods', pod('p2'));
    });
    stops.K = store.watch(
      'pods',
      { fields: [{ field: 'spec.nodeName', op: '=', value: 'n1' }] },
      undefined,
      (e) => log.push(show('K', e)),
    );
    stops.B = store.watch('pods', {}, undefined, (e) => {
      log.push(show('B', e));
      if (e.type !== 'ADDED' || e.object.metadata.name !== 'p1') return;
      stops.C();
      store.watch('pods', {}, undefined, (d) => log.push(show('D', d)));
    });
    stops.C = store.watch('pods', {}, undefined, (e) => log.push(show('C', e)));
    stops.L = store.watch('pods', { labels: parseSelector('app=x') }, undefined, (e) =>
      log.push(show('L', e)),
    );
    store.put('pods', pod('p1', { app: 'x' }, 'n1'));
    clock.advance(0);
    expect(log).toEqual([
      'A ADDED p1',
      'K ADDED p1',
      'B ADDED p1',
      'L ADDED p1',
      'task deferred by A',
      'A ADDED p2',
      'B ADDED p2',
      'D ADDED p1',
      'D ADDED p2',
    ]);
    log.length = 0;
    // Leaving a filter is a DELETED for that watcher alone; the others see the change as it is.
    store.put('pods', pod('p1', { app: 'y' }));
    clock.advance(0);
    expect(log).toEqual(['A MODIFIED p1', 'K DELETED p1', 'B MODIFIED p1', 'L DELETED p1', 'D MODIFIED p1']);
  });

  it('leaves the rest of a change queued first when a callback throws', () => {
    const { clock, store } = setup();
    const log: string[] = [];
    store.watch('pods', {}, undefined, (e) => log.push(show('A', e)));
    store.watch('pods', {}, undefined, (e) => {
      log.push(show('B', e));
      if (e.object.metadata.name === 'p1') throw new Error('boom');
    });
    store.watch('pods', {}, undefined, (e) => log.push(show('C', e)));
    store.put('pods', pod('p1'));
    clock.defer(() => log.push('task queued after p1'));
    expect(() => clock.advance(0)).toThrow('boom');
    expect(log).toEqual(['A ADDED p1', 'B ADDED p1']);
    store.put('pods', pod('p2'));
    clock.advance(0);
    expect(log).toEqual([
      'A ADDED p1',
      'B ADDED p1',
      'C ADDED p1',
      'task queued after p1',
      'A ADDED p2',
      'B ADDED p2',
      'C ADDED p2',
    ]);
  });

  it('counts every delivery toward the runaway limit, as a task of its own', () => {
    const { clock, store } = setup(50);
    let calls = 0;
    let n = 0;
    for (let i = 0; i < 3; i++) store.watch('pods', {}, undefined, () => calls++);
    // A controller that answers every change with a write never lets the instant end.
    store.watch('pods', {}, undefined, () => {
      calls++;
      store.put('pods', pod(`p${++n}`));
    });
    store.put('pods', pod('p0'));
    expect(() => clock.advance(0)).toThrow(RunawayWorkError);
    expect(calls).toBe(50);
    // The queue was dropped with the error: nothing more arrives.
    clock.advance(1);
    expect(calls).toBe(50);
  });
});
