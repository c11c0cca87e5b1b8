import { describe, expect, it } from 'vitest';
import { commonPrefix, formatColumns, tabOutcome } from '../../../src/workbench/terminal/completion-view';

describe('tab outcome', () => {
  it.each([
    ['no candidates ring the bell', 'x', [], false, { kind: 'bell' }],
    ['one candidate completes with a space', 'kub', ['kubectl'], false, { kind: 'insert', text: 'kubectl ' }],
    [
      'a directory completes without a space',
      'man',
      ['manifests/'],
      false,
      { kind: 'insert', text: 'manifests/' },
    ],
    [
      'a flag waiting for a value has no space',
      '--sel',
      ['--selector='],
      false,
      { kind: 'insert', text: '--selector=' },
    ],
    [
      'several: their common prefix',
      'ku',
      ['kubia-v2.yaml', 'kubia.yaml'],
      false,
      { kind: 'insert', text: 'kubia' },
    ],
    [
      'nothing to add: bell on the first Tab',
      'kubia',
      ['kubia-v2.yaml', 'kubia.yaml'],
      false,
      { kind: 'bell' },
    ],
    [
      '…and a list on the second',
      'kubia',
      ['kubia-v2.yaml', 'kubia.yaml'],
      true,
      { kind: 'list', items: ['kubia-v2.yaml', 'kubia.yaml'] },
    ],
    [
      'lists drop the directory typed',
      'manifests/',
      ['manifests/a.yaml', 'manifests/b.yaml'],
      true,
      { kind: 'list', items: ['a.yaml', 'b.yaml'] },
    ],
  ])('%s', (_name, word, candidates, again, outcome) => {
    expect(tabOutcome(word, candidates, again)).toEqual(outcome);
  });

  it('common prefix by characters', () => {
    expect(commonPrefix(['가나다', '가나라'])).toBe('가나');
    expect(commonPrefix([])).toBe('');
  });
});

describe('listing in columns (readline order: down the columns)', () => {
  it('fills columns top to bottom, each as wide as the longest item plus two', () => {
    const items = ['annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale'];
    expect(formatColumns(items, 40)).toEqual([
      'annotate       attach',
      'api-resources  auth',
      'api-versions   autoscale',
      'apply',
    ]);
  });

  it('one item per row on a narrow screen', () => {
    expect(formatColumns(['deployments', 'replicasets'], 12)).toEqual(['deployments', 'replicasets']);
  });
});
