/** Go value rendering of field errors (%q, %#v, dereferenced pointers). */
import { describe, expect, it } from 'vitest';
import {
  goBadValue,
  goInt,
  goIntOrString,
  goLabelSelector,
  goNil,
  goPtr,
  goQuote,
  goSharpV,
  goString,
  goStringMap,
  goStringSlice,
} from '../../../../sandbox/api/validation/gofmt';

describe('Go formatting', () => {
  it.each([
    ['plain', 'abc', '"abc"'],
    ['quotes and backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['control characters', 'a\nb\tc\u0001', '"a\\nb\\tc\\x01"'],
    ['printable unicode is kept', 'ünï ✓', '"ünï ✓"'],
    ['non-printable unicode is escaped', 'a\u00a0b\u200bc', '"a\\u00a0b\\u200bc"'],
  ])('%%q: %s', (_n, input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });

  it('%#v of maps (sorted), slices, nil values', () => {
    expect(goSharpV(goStringMap({ b: '2', a: '1' }))).toBe('map[string]string{"a":"1", "b":"2"}');
    expect(goSharpV(goStringMap(undefined))).toBe('map[string]string(nil)');
    expect(goSharpV(goStringMap({}))).toBe('map[string]string{}');
    expect(goSharpV(goStringSlice(['a', 'b']))).toBe('[]string{"a", "b"}');
    expect(goSharpV(goNil('*int32'))).toBe('(*int32)(nil)');
  });

  it('label selectors and int-or-strings', () => {
    expect(goBadValue(goLabelSelector({ matchLabels: { app: 'x' } }))).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
    expect(goBadValue(goIntOrString('25%'))).toBe('intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}');
    expect(goBadValue(goIntOrString(3))).toBe('intstr.IntOrString{Type:0, IntVal:3, StrVal:""}');
  });

  it('bad values: ints plain, strings quoted, pointers dereferenced, nil as "null"', () => {
    expect(goBadValue(goInt(-1))).toBe('-1');
    expect(goBadValue(goString('x'))).toBe('"x"');
    expect(goBadValue(goPtr('*int32', goInt(10)))).toBe('10');
    expect(goBadValue(goNil('*v1.LabelSelector'))).toBe('"null"');
    expect(goBadValue(goLabelSelector(null))).toBe('"null"');
  });
});
