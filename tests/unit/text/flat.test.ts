import { describe, expect, it } from 'vitest';
import { flat, lastParsed } from '../../../sandbox/text/flat';
import { SeededRandom } from '../../../sandbox/clock/random';

describe('flat', () => {
  it('gives back the same text, short or long, built by concatenation or not', () => {
    const parts = ['kubia-5bff7585c-', 'x2b9', 'q', '.', '18a0f1c2b3d4e5f6'];
    let built = '';
    for (const p of parts) built += p;
    expect(flat(built)).toBe('kubia-5bff7585c-x2b9q.18a0f1c2b3d4e5f6');
    expect(flat('short')).toBe('short');
    expect(flat('')).toBe('');
    expect(flat(`spec.containers{${'nodejs'}}`)).toBe('spec.containers{nodejs}');
  });

  it('reads the text as a number only to flatten it: the text of a number stays text', () => {
    expect(flat('12345678901234')).toBe('12345678901234');
    expect(lastParsed()).toBe(12345678901234);
    expect(flat('Created container nodejs')).toBe('Created container nodejs');
    expect(lastParsed()).toBeNaN();
  });
});

describe('SeededRandom.uuid (built from character codes)', () => {
  it('is a version-4 UUID: 36 characters, dashes in place, version 4 and variant 8-b', () => {
    const r = new SeededRandom(7);
    for (let i = 0; i < 200; i++) {
      const u = r.uuid();
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('spells the four draws in hex, as the seed has always given them', () => {
    const a = new SeededRandom(11);
    const b = new SeededRandom(11);
    const u = a.uuid();
    const w = [b.uint32(), b.uint32(), b.uint32(), b.uint32()].map((x) => x.toString(16).padStart(8, '0'));
    const hex = w.join('');
    const expected =
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-` +
      `${(8 | (parseInt(hex[16], 16) & 3)).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    expect(u).toBe(expected);
  });
});
