import { describe, expect, it } from 'vitest';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import {
  formatLabelSelector,
  formatLabels,
  labelSelectorString,
} from '../../../../sandbox/api/tables/selectors';

describe('formatLabels (map selectors)', () => {
  it.each<[Record<string, string> | undefined, string]>([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ env: 'prod', app: 'kubia' }, 'app=kubia,env=prod'],
    // Sorted as whole `k=v` strings, like labels.Set.String: '-' sorts before '='.
    [{ a: '1', 'a-b': '2' }, 'a-b=2,a=1'],
  ])('%j → %s', (m, want) => {
    expect(formatLabels(m)).toBe(want);
  });
});

describe('label selectors', () => {
  it.each<[LabelSelector | undefined, string, string]>([
    [undefined, '', '<none>'],
    [{}, '', '<none>'],
    [{ matchLabels: { app: 'kubia' } }, 'app=kubia', 'app=kubia'],
    [
      {
        matchLabels: { tier: 'web', app: 'kubia' },
        matchExpressions: [
          { key: 'env', operator: 'NotIn', values: ['qa', 'dev'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'release', operator: 'Exists' },
          { key: 'app', operator: 'In', values: ['kubia'] },
        ],
      },
      'app=kubia,app in (kubia),!canary,env notin (dev,qa),release,tier=web',
      'app=kubia,app in (kubia),!canary,env notin (dev,qa),release,tier=web',
    ],
  ])('%j', (ls, asString, formatted) => {
    expect(labelSelectorString(ls)).toBe(asString);
    expect(formatLabelSelector(ls)).toBe(formatted);
  });

  it.each<[string, LabelSelector]>([
    ['unknown operator', { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }],
    ['In without values', { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }],
    ['Exists with values', { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }],
    ['bad key', { matchLabels: { 'bad key': 'x' } }],
    ['bad value', { matchLabels: { app: 'not/valid' } }],
  ])('invalid: %s', (_name, ls) => {
    expect(labelSelectorString(ls)).toBeUndefined();
    expect(formatLabelSelector(ls)).toBe('<error>');
  });
});
