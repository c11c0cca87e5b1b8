import { describe, expect, it } from 'vitest';
import { VirtualClock, RunawayWorkError, type TaskBatch } from '../../../sandbox/clock/clock';
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

  it('runs a batch as separate tasks: in order, each counted, the rest kept first after a throw', () => {
    const clock = new VirtualClock({ start: 0 });
    const seen: string[] = [];
    const batch: TaskBatch = {
      size: 3,
      started: 0,
      run(i) {
        seen.push(`b${i}`);
        if (i === 0) clock.defer(() => seen.push('deferred by b0'));
        if (i === 1 && seen.filter((s) => s === 'b1').length === 1) throw new Error('b1 failed');
      },
    };
    clock.deferBatch(batch);
    clock.defer(() => seen.push('queued after the batch'));
    expect(() => clock.advance(0)).toThrow('b1 failed');
    expect(seen).toEqual(['b0', 'b1']);
    clock.advance(0);
    expect(seen).toEqual(['b0', 'b1', 'b2', 'queued after the batch', 'deferred by b0']);
    const limited = new VirtualClock({ start: 0, maxTasksPerInstant: 4 });
    let ran = 0;
    limited.deferBatch({ size: 10, started: 0, run: () => ran++ });
    expect(() => limited.advance(0)).toThrow(RunawayWorkError);
    expect(ran).toBe(4);
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

describe('VirtualClock timers at scale', () => {
  it('fires thousands of timers, some cancelled, by due time then insertion order', () => {
    const clock = new VirtualClock({ start: 0 });
    const random = new SeededRandom(5);
    const fired: number[] = [];
    const want: Array<{ i: number; due: number }> = [];
    const ids: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const due = random.int(50) * 100;
      ids.push(clock.setTimer(due, () => fired.push(i)));
      want.push({ i, due });
    }
    const cancelled = new Set<number>();
    for (let i = 0; i < 3000; i += 7) {
      clock.clearTimer(ids[i]);
      cancelled.add(i);
    }
    clock.advance(10);
    const expected = want
      .filter((w) => !cancelled.has(w.i))
      .sort((a, b) => a.due - b.due || a.i - b.i)
      .map((w) => w.i);
    expect(fired).toEqual(expected);
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

  it('makes a UUID of the hex of four draws, version and variant nibbles set (names depend on it)', () => {
    const r = new SeededRandom(7);
    const twin = new SeededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const h = Array.from({ length: 4 }, () => twin.uint32().toString(16).padStart(8, '0')).join('');
      const variant = ((parseInt(h[16], 16) & 3) | 8).toString(16);
      const want = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
      expect(r.uuid()).toBe(want);
    }
    expect(r.uint32()).toBe(twin.uint32());
  });
});
