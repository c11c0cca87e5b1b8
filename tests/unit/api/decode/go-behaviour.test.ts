/**
 * The Go library behaviours the decoder reproduces. Expected texts were checked against a Go
 * toolchain (time.Parse, base64, fmt, strconv) or read from the upstream sources (quantity).
 */
import { describe, expect, it } from 'vitest';
import { base64Error } from '../../../../sandbox/api/decode/base64';
import { goFloat, goQuote, goSprint } from '../../../../sandbox/api/decode/go-format';
import {
  QUANTITY_FORMAT_WRONG,
  QUANTITY_SUFFIX,
  quantityError,
} from '../../../../sandbox/api/decode/quantity';
import { RFC3339, RFC3339_MICRO, timeParseError } from '../../../../sandbox/api/decode/time';

describe('time.Parse errors (RFC 3339)', () => {
  const L = '"2006-01-02T15:04:05Z07:00"';
  it.each([
    ['2020-01-01T00:00:00Z', undefined],
    ['2020-01-01T00:00:00.123Z', undefined],
    ['2020-01-01T00:00:00+01:00', undefined],
    ['2020-01-01T1:00:00Z', undefined],
    ['2020-02-29T00:00:00Z', undefined],
    ['2020-01-01T00:00:00.1234567890Z', undefined],
    ['yesterday', `parsing time "yesterday" as ${L}: cannot parse "yesterday" as "2006"`],
    ['2020-13-01T00:00:00Z', 'parsing time "2020-13-01T00:00:00Z": month out of range'],
    ['2020-02-30T00:00:00Z', 'parsing time "2020-02-30T00:00:00Z": day out of range'],
    ['2021-02-29T00:00:00Z', 'parsing time "2021-02-29T00:00:00Z": day out of range'],
    ['2020-01-01T00:00:00', `parsing time "2020-01-01T00:00:00" as ${L}: cannot parse "" as "Z07:00"`],
    ['2020-01-01T00:00:00Zjunk', 'parsing time "2020-01-01T00:00:00Zjunk": extra text: "junk"'],
    ['2020-01-01 00:00:00Z', `parsing time "2020-01-01 00:00:00Z" as ${L}: cannot parse " 00:00:00Z" as "T"`],
    ['2020-01-01T25:00:00Z', 'parsing time "2020-01-01T25:00:00Z": hour out of range'],
    ['2020-01-01T00:60:00Z', 'parsing time "2020-01-01T00:60:00Z": minute out of range'],
    [
      '2020-01-01T00:00:00+0100',
      `parsing time "2020-01-01T00:00:00+0100" as ${L}: cannot parse "+0100" as "Z07:00"`,
    ],
    [
      '2020-1-01T00:00:00Z',
      `parsing time "2020-1-01T00:00:00Z" as ${L}: cannot parse "1-01T00:00:00Z" as "01"`,
    ],
    // Since Go 1.20 the failing element is reported from where it started (`hold`).
    [
      '20-01-01T00:00:00Z',
      `parsing time "20-01-01T00:00:00Z" as ${L}: cannot parse "20-01-01T00:00:00Z" as "2006"`,
    ],
    [
      '2020-01-01T00:00:00*01:00',
      `parsing time "2020-01-01T00:00:00*01:00" as ${L}: cannot parse "*01:00" as "Z07:00"`,
    ],
    [
      '2020-01-01T00:00:00+25:00',
      'parsing time "2020-01-01T00:00:00+25:00": time zone offset hour out of range',
    ],
    ['héllo', `parsing time "h\\xc3\\xa9llo" as ${L}: cannot parse "h\\xc3\\xa9llo" as "2006"`],
  ])('%s', (value, expected) => {
    expect(timeParseError(RFC3339, value)).toBe(expected);
  });

  it.each([
    ['2020-01-01T00:00:00.123456Z', undefined],
    ['2020-01-01T00:00:00Z', 'cannot parse "Z" as ".000000"'],
    ['2020-01-01T00:00:00.123Z', 'cannot parse ".123Z" as ".000000"'],
    ['2020-01-01T00:00:00.1234567Z', 'cannot parse "7Z" as "Z07:00"'],
  ])('MicroTime %s', (value, expected) => {
    const err = timeParseError(RFC3339_MICRO, value);
    if (expected === undefined) expect(err).toBeUndefined();
    else expect(err).toBe(`parsing time "${value}" as "2006-01-02T15:04:05.000000Z07:00": ${expected}`);
  });
});

describe('base64 errors', () => {
  it.each([
    ['', undefined],
    ['QU==', undefined],
    ['QUI=', undefined],
    ['QUJD\nRA==', undefined],
    ['QUJDRA=\n=', undefined],
    ['QUJD\n', undefined],
    ['abc', 0],
    ['ab=c', 2],
    ['QUJDRA=', 7],
    ['QUJDRA', 4],
    ['QUJDRA==x', 8],
    ['Q', 0],
    ['QUJ$', 3],
    ['Q===', 1],
  ])('%j', (src, offset) => {
    expect(base64Error(src)).toBe(
      offset === undefined ? undefined : `illegal base64 data at input byte ${offset}`,
    );
  });
});

describe('quantities', () => {
  it.each([
    ['0', undefined],
    ['100m', undefined],
    ['1.5Gi', undefined],
    ['+1', undefined],
    ['-', undefined],
    ['1e3', undefined],
    ['1E', undefined],
    ['12Ki', undefined],
    ['1.', undefined],
    ['', QUANTITY_FORMAT_WRONG],
    ['abc', QUANTITY_FORMAT_WRONG],
    ['1.5.5', QUANTITY_FORMAT_WRONG],
    ['1 Gi', QUANTITY_FORMAT_WRONG],
    ['1K', QUANTITY_SUFFIX],
    ['1e', QUANTITY_SUFFIX],
    ['1mi', QUANTITY_SUFFIX],
  ])('%j', (text, expected) => {
    expect(quantityError(text)).toBe(expected);
  });
});

describe('fmt and strconv', () => {
  it("prints a decoded map like Go's %+v", () => {
    const value = {
      b: [1, 'x', { c: true }],
      a: 1.5,
      z: null,
      f: 1234567.5,
      g: 0.00001,
      h: 123456.5,
      i: 1e21,
      j: 'q"t',
    };
    expect(goSprint(value)).toBe(
      'map[a:1.5 b:[1 x map[c:true]] f:1.2345675e+06 g:1e-05 h:123456.5 i:1e+21 j:q"t z:<nil>]',
    );
  });

  it.each([
    [0.5, '0.5'],
    [1e-7, '1e-07'],
    [123456.5, '123456.5'],
    [-2.5e10, '-2.5e+10'],
  ])('float %d', (n, text) => {
    expect(goFloat(n)).toBe(text);
  });

  it('quotes like strconv.Quote', () => {
    expect(goQuote('map[a:"x\\y" b:\n\t é \x01]')).toBe('"map[a:\\"x\\\\y\\" b:\\n\\t é \\x01]"');
  });
});
