import { describe, expect, it } from 'vitest';
import {
  parseSelector,
  matches,
  fromLabelSelector,
  fromMap,
  selectorString,
  SelectorParseError,
} from '../../../../sandbox/api/selectors/labels';

const pod = { app: 'kubia', env: 'prod', tier: 'web', rel: '3' };

describe('label selector strings', () => {
  it.each([
    ['', true],
    ['app=kubia', true],
    ['app==kubia', true],
    ['app=other', false],
    ['app!=other', true],
    ['app!=kubia', false],
    ['missing!=x', true],
    ['app in (kubia,other)', true],
    ['app in (x, y)', false],
    ['app notin (x,y)', true],
    ['app notin (kubia)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=kubia,env=prod', true],
    ['app=kubia, env=dev', false],
    ['app=kubia,!canary,tier in (web)', true],
    ['rel>2', true],
    ['rel<2', false],
    ['app=', false],
    ['blank=', false],
  ])('%j matches the kubia pod: %s', (sel, expected) => {
    expect(matches(parseSelector(sel), pod)).toBe(expected);
  });

  it('matches an empty value against a label that is present and empty', () => {
    expect(matches(parseSelector('blank='), { blank: '' })).toBe(true);
  });

  it.each([
    ['=kubia', "found '=', expected: !, identifier, or 'end of string'"],
    ['app in kubia', "unable to parse requirement: found 'kubia' expected: '('"],
    ['app=kubia,', "found '', expected: identifier after ','"],
    ['app=kubia extra', "found 'extra', expected: ',' or 'end of string'"],
    [
      'rel>x',
      `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    ['app = = x', "unable to parse requirement: found '=', expected: identifier"],
  ])('rejects %j with %j', (sel, message) => {
    expect(() => parseSelector(sel)).toThrow(SelectorParseError);
    expect(() => parseSelector(sel)).toThrow(message);
  });

  it('rejects invalid keys and values with the validation message', () => {
    expect(() => parseSelector('a b=c')).toThrow(
      "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
    );
    expect(() => parseSelector('-a=c')).toThrow(
      'unable to parse requirement: : Invalid value: "-a": name part must consist of',
    );
    expect(() => parseSelector('app=-bad-')).toThrow(/a valid label must be an empty string/);
  });
});

describe('LabelSelector objects and map selectors', () => {
  it('nil matches nothing, {} matches everything', () => {
    expect(matches(fromLabelSelector(undefined), pod)).toBe(false);
    expect(matches(fromLabelSelector({}), pod)).toBe(true);
  });

  it('combines matchLabels and matchExpressions', () => {
    const sel = fromLabelSelector({
      matchLabels: { app: 'kubia' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'staging'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'tier', operator: 'Exists' },
        { key: 'rel', operator: 'NotIn', values: ['1'] },
      ],
    });
    expect(matches(sel, pod)).toBe(true);
    expect(matches(sel, { ...pod, canary: 'yes' })).toBe(false);
    expect(selectorString(sel)).toBe('app=kubia,env in (prod,staging),!canary,tier,rel notin (1)');
  });

  it('a map selector requires every pair', () => {
    expect(matches(fromMap({ app: 'kubia', env: 'prod' }), pod)).toBe(true);
    expect(matches(fromMap({ app: 'kubia', env: 'dev' }), pod)).toBe(false);
    expect(selectorString(fromMap({ env: 'prod', app: 'kubia' }))).toBe('app=kubia,env=prod');
  });

  it('compiles a stored (frozen) selector once, and a selector that can still change every time', () => {
    const stored = Object.freeze({
      matchLabels: Object.freeze({ app: 'kubia' }),
      matchExpressions: Object.freeze([
        Object.freeze({ key: 'env', operator: 'In', values: Object.freeze(['prod']) }),
      ]),
    }) as never;
    const first = fromLabelSelector(stored);
    expect(fromLabelSelector(stored)).toBe(first);
    expect(selectorString(first)).toBe('app=kubia,env in (prod)');
    const labels: Record<string, string> = { app: 'kubia' };
    const open = Object.freeze({ matchLabels: labels });
    expect(matches(fromLabelSelector(open), { app: 'kubia' })).toBe(true);
    labels.app = 'other';
    expect(matches(fromLabelSelector(open), { app: 'kubia' })).toBe(false);
    const bad = Object.freeze({
      matchExpressions: Object.freeze([Object.freeze({ key: 'a', operator: 'Near' })]),
    });
    expect(() => fromLabelSelector(bad as never)).toThrow(SelectorParseError);
    expect(() => fromLabelSelector(bad as never)).toThrow(SelectorParseError);
  });
});
