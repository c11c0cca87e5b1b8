import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../../../sandbox/api/patch/equal';
import { formatGoFloat, formatS, formatV, goTypeName } from '../../../../sandbox/api/patch/go-format';
import type { JsonValue } from '../../../../sandbox/api/types';

describe('deepEqual', () => {
  it.each<[string, JsonValue | undefined, JsonValue | undefined, boolean]>([
    ['same scalars', 1, 1, true],
    ['different scalars', 1, '1', false],
    ['null and null', null, null, true],
    ['null and an object', null, {}, false],
    ['key order does not matter', { a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    ['list order matters', [1, 2], [2, 1], false],
    ['list and object', [], {}, false],
    ['a missing key is not null', { a: null }, {}, false],
    ['a key holding undefined is absent', { a: 1, b: undefined } as unknown as JsonValue, { a: 1 }, true],
    ['nested difference', { a: { b: { c: 1 } } }, { a: { b: { c: 2 } } }, false],
    ['different lengths', [1], [1, 1], false],
  ])('%s', (_name, a, b, want) => {
    expect(deepEqual(a, b)).toBe(want);
    expect(deepEqual(b, a)).toBe(want);
  });
});

describe("Go's fmt, as upstream error messages print values", () => {
  it.each<[JsonValue, string]>([
    [
      { name: 'x', image: 'nginx', ports: [{ containerPort: 80 }] },
      'map[image:nginx name:x ports:[map[containerPort:80]]]',
    ],
    [{ $patch: 'delete', a: null }, 'map[$patch:delete a:<nil>]'],
    [[1, 'a', true, 1.5], '[1 a true 1.5]'],
    [{}, 'map[]'],
  ])('%%v of %j', (v, want) => {
    expect(formatV(v)).toBe(want);
  });

  it.each<[number, string]>([
    [1.5, '1.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123456.5, '123456.5'],
    [1234567.5, '1.2345675e+06'],
  ])('%%v of the float %s', (f, want) => {
    expect(formatGoFloat(f)).toBe(want);
  });

  it('%s and type names', () => {
    expect(formatS('merge')).toBe('merge');
    expect(formatS(5)).toBe('%!s(int64=5)');
    expect(formatS(null)).toBe('%!s(<nil>)');
    expect(goTypeName('x')).toBe('string');
    expect(goTypeName(2.5)).toBe('float64');
    expect(goTypeName({})).toBe('map[string]interface {}');
    expect(goTypeName(null)).toBe('%!s(<nil>)');
  });
});
