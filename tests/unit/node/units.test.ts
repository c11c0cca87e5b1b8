import { describe, expect, it } from 'vitest';
import { goDuration } from '../../../sandbox/node/format';
import { Backoff } from '../../../sandbox/node/backoff';
import { PodIPAllocator } from '../../../sandbox/node/ipam';
import { STAGES } from '../../../sandbox/node/stages';

describe('goDuration', () => {
  it.each([
    [0, '0s'],
    [850, '850ms'],
    [2345, '2.345s'],
    [10_000, '10s'],
    [63_500, '1m3.5s'],
    [80_000, '1m20s'],
    [300_000, '5m0s'],
    [3_723_000, '1h2m3s'],
  ])('%i ms → %s', (ms, text) => expect(goDuration(ms)).toBe(text));
});

describe('Backoff', () => {
  it('doubles from 10 s to the 5 min cap and starts over after 10 quiet minutes', () => {
    const b = new Backoff(10_000, 300_000);
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 7; i++) {
      b.next('k', t, t);
      delays.push(b.delay('k'));
      t += 1000;
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(b.inBackOffSince('k', t, t + 299_000)).toBe(true);
    expect(b.inBackOffSince('k', t, t + 300_000)).toBe(false);
    b.next('k', t + 601_000, t + 601_000);
    expect(b.delay('k')).toBe(10_000);
  });
});

describe('PodIPAllocator', () => {
  it('hands out .2, .3, ... and reuses released addresses only after wrapping', () => {
    const a = new PodIPAllocator('10.244.1.0/24');
    expect(a.gateway).toBe('10.244.1.1');
    expect([a.allocate(), a.allocate(), a.allocate()]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    a.release('10.244.1.2');
    expect(a.allocate()).toBe('10.244.1.5');
    for (let i = 6; i <= 254; i++) a.allocate();
    expect(a.allocate()).toBe('10.244.1.2');
    expect(() => a.allocate()).toThrow(/no IP addresses available/);
  });
});

describe('stages', () => {
  it('keeps every range ordered', () => {
    for (const [name, r] of Object.entries(STAGES)) expect(r.min, name).toBeLessThanOrEqual(r.max);
  });
});
