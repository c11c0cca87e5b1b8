/** The protobuf wire reader: varints up to 64 bits, fixed widths, lengths, skipping, bad input. */
import { describe, expect, it } from 'vitest';
import { ProtobufError, WireReader } from '../../../../sandbox/server/protobuf/reader';
import { int, key, ld, varint } from './encode';

const reader = (bytes: number[]) => new WireReader(Uint8Array.from(bytes));

/** The error a read throws, as text (so a RangeError or a hang would fail the test). */
function failure(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(ProtobufError);
    return (e as Error).message;
  }
  throw new Error('the read did not fail');
}

describe('varints', () => {
  it('reads one-byte, multi-byte and full 64-bit values', () => {
    expect(reader([0x00]).varint()).toBe(0n);
    expect(reader([0x96, 0x01]).varint()).toBe(150n);
    expect(reader(varint(8080)).varint()).toBe(8080n);
    expect(reader(varint(2n ** 64n - 1n)).varint()).toBe(2n ** 64n - 1n);
    // A negative int32 travels sign-extended in ten bytes.
    const minusOne = varint(-1);
    expect(minusOne).toHaveLength(10);
    expect(BigInt.asIntN(32, reader(minusOne).varint())).toBe(-1n);
  });

  it('refuses more than ten bytes and a varint cut short', () => {
    expect(failure(() => reader(Array<number>(11).fill(0xff)).varint())).toBe('proto: integer overflow');
    expect(failure(() => reader([0x96]).varint())).toBe('unexpected EOF');
    expect(failure(() => reader([]).varint())).toBe('unexpected EOF');
  });
});

describe('fixed widths and lengths', () => {
  it('reads little-endian fixed32 and fixed64', () => {
    expect(reader([0x78, 0x56, 0x34, 0x12]).fixed32()).toBe(0x12345678);
    expect(reader([0xff, 0xff, 0xff, 0xff]).fixed32()).toBe(0xffffffff);
    expect(reader([1, 0, 0, 0, 0, 0, 0, 0x80]).fixed64()).toBe(2n ** 63n + 1n);
    expect(failure(() => reader([1, 2, 3]).fixed32())).toBe('unexpected EOF');
    expect(failure(() => reader([1, 2, 3, 4, 5, 6, 7]).fixed64())).toBe('unexpected EOF');
  });

  it('reads a length-delimited payload and refuses lengths past the end or negative', () => {
    const r = reader([3, 0x61, 0x62, 0x63, 0x7f]);
    expect([...r.bytes()]).toEqual([0x61, 0x62, 0x63]);
    expect(r.done).toBe(false);
    expect(failure(() => reader([5, 1, 2]).bytes())).toBe('unexpected EOF');
    expect(failure(() => reader(varint(-1)).bytes())).toBe(
      'proto: negative length found during unmarshaling',
    );
    // A huge length must not allocate or loop: it is just past the end.
    expect(failure(() => reader(varint(2n ** 62n)).bytes())).toBe('unexpected EOF');
  });

  it('stays inside its range', () => {
    const buf = Uint8Array.from([0x08, 0x01, 0x08, 0x02]);
    const r = new WireReader(buf, 0, 2);
    expect(r.key('M')).toEqual({ field: 1, wire: 0 });
    expect(r.varint()).toBe(1n);
    expect(r.done).toBe(true);
    const split = Uint8Array.from([0x96, 0x01]);
    expect(failure(() => new WireReader(split, 0, 1).varint())).toBe('unexpected EOF');
  });
});

describe('keys and skipping', () => {
  it('splits a key into field number and wire type', () => {
    expect(reader(key(8, 2)).key('M')).toEqual({ field: 8, wire: 2 });
    expect(reader(key(536870911, 5)).key('M')).toEqual({ field: 536870911, wire: 5 });
  });

  it('refuses tag 0 and a stray end-group, naming the message', () => {
    expect(failure(() => reader([0x02]).key('ObjectMeta'))).toBe(
      'proto: ObjectMeta: illegal tag 0 (wire type 2)',
    );
    expect(failure(() => reader(key(3, 4)).key('Namespace'))).toBe(
      'proto: Namespace: wiretype end group for non-group',
    );
  });

  it('skips every wire type, groups included', () => {
    const bytes = [
      ...int(1, 300),
      ...key(2, 1),
      ...[1, 2, 3, 4, 5, 6, 7, 8],
      ...ld(3, 'skipped'),
      ...key(4, 3),
      ...int(1, 7),
      ...key(5, 3),
      ...ld(2, 'x'),
      ...key(5, 4),
      ...key(4, 4),
      ...key(6, 5),
      ...[1, 2, 3, 4],
      ...int(7, 42),
    ];
    const r = reader(bytes);
    const fields: number[] = [];
    while (!r.done) {
      const { field, wire } = r.key('M');
      fields.push(field);
      if (field === 7) expect(r.varint()).toBe(42n);
      else r.skip(wire, field);
    }
    expect(fields).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('refuses illegal wire types, unterminated or mismatched groups and truncated skips', () => {
    expect(failure(() => reader([]).skip(6, 1))).toBe('proto: illegal wireType 6');
    expect(failure(() => reader([]).skip(7, 1))).toBe('proto: illegal wireType 7');
    expect(failure(() => reader(int(1, 1)).skip(3, 9))).toBe('unexpected EOF');
    expect(failure(() => reader(key(8, 4)).skip(3, 9))).toBe('proto: unexpected end of group');
    expect(failure(() => reader([0x01]).skip(5, 1))).toBe('unexpected EOF');
    expect(failure(() => reader([0x01]).skip(1, 1))).toBe('unexpected EOF');
  });

  it('refuses groups nested without end instead of recursing away', () => {
    const deep = Array.from({ length: 10000 }, () => key(1, 3)).flat();
    expect(failure(() => reader(deep).skip(3, 1))).toBe('proto: group nested too deeply');
  });
});
