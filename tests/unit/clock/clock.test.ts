import { describe, expect, it } from 'vitest';
import { VirtualClock, RunawayWorkError } from '../../../sandbox/clock/clock';
import { SeededRandom, NAME_SUFFIX_ALPHABET } from '../../../sandbox/clock/random';

describe('VirtualClock', () => {
  it('runs queued work at an instant before moving time to the next timer', () => {
    const clock = new VirtualClock({ start: 1_000_000 });
    const seen: string[] = [];
    clock.setTimer(2000, () => seen.push(`t2 @${clock.now()}`));
    clock.setTimer(1000, () => {
      seen.push(`t1 @${clock.now()}`);
      clock.defer(() => seen.push(`deferred @${clock.now()}`));
    });
    clock.defer(() => seen.push(`now @${clock.now()}`));
    clock.advance(5);
    expect(seen).toEqual(['now @1000000', 't1 @1001000', 'deferred @1001000', 't2 @1002000']);
    expect(clock.now()).toBe(1_005_000);
  });

  it('fires only the timers due within the span, in order, ties by insertion', () => {
    const clock = new VirtualClock({ start: 0 });
    const seen: number[] = [];
    for (const [i, d] of [
      [1, 3000],
      [2, 1000],
      [3, 1000],
      [4, 10000],
    ] as const)
      clock.setTimer(d, () => seen.push(i));
    clock.advance(3);
    expect(seen).toEqual([2, 3, 1]);
    clock.advance(6.999);
    expect(seen).toEqual([2, 3, 1]);
    clock.advance(0.001);
    expect(seen).toEqual([2, 3, 1, 4]);
  });

  it('cancelled timers never fire', () => {
    const clock = new VirtualClock({ start: 0 });
    let fired = false;
    const id = clock.setTimer(10, () => (fired = true));
    clock.clearTimer(id);
    clock.advance(1);
    expect(fired).toBe(false);
    expect(clock.nextTimerIn()).toBeUndefined();
  });

  it('stops a runaway instant with a clear error instead of freezing', () => {
    const clock = new VirtualClock({ start: 0, maxTasksPerInstant: 1000 });
    const loop = (): void => clock.defer(loop);
    clock.defer(loop);
    expect(() => clock.advance(0)).toThrow(RunawayWorkError);
    clock.advance(1);
    expect(clock.now()).toBe(1000);
  });

  it('sleep resolves when virtual time reaches it', async () => {
    const clock = new VirtualClock({ start: 0 });
    let done = false;
    const p = clock.sleep(30_000).then(() => (done = true));
    clock.advance(29);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await p;
    expect(done).toBe(true);
  });
});

describe('SeededRandom', () => {
  it('is reproducible per seed and differs between seeds', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('makes name suffixes from the Kubernetes alphabet and v4 UUIDs', () => {
    const r = new SeededRandom(1);
    for (let i = 0; i < 200; i++) {
      const s = r.nameSuffix();
      expect(s).toHaveLength(5);
      for (const ch of s) expect(NAME_SUFFIX_ALPHABET).toContain(ch);
    }
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
