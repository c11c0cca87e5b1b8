import { describe, expect, it } from 'vitest';
import { tabwrite, GET_TABS, DESCRIBE_TABS } from '../../../sandbox/kubectl/printers/tabwriter';

describe('tabwriter (§3.1)', () => {
  it.each([
    ['one-char column is 6 wide', 'X\tY', 'X     Y'],
    ['widest cell plus 3', 'NAME\tAGE\nkubia-manual\t5s', 'NAME           AGE\nkubia-manual   5s'],
    ['empty trailing cell keeps padding', 'NAME\tAPP\t\nkubia\t\t', 'NAME    APP   \nkubia         '],
    [
      'a line without tab ends the block',
      'a\tb\nlonger-cell\tc\nplain\nx\ty',
      'a             b\nlonger-cell   c\nplain\nx     y',
    ],
  ])('%s', (_n, input, want) => {
    expect(tabwrite(input, GET_TABS)).toBe(want);
  });

  it('describe uses minwidth 0 padding 2', () => {
    expect(tabwrite('Name:\tkubia\nNamespace:\tdefault', DESCRIBE_TABS)).toBe(
      'Name:       kubia\nNamespace:  default',
    );
  });

  it('remembered widths never shrink', () => {
    const w: number[] = [];
    expect(tabwrite('kubia-long-name\t1/1', GET_TABS, w)).toBe('kubia-long-name   1/1');
    expect(tabwrite('k\t0/1', GET_TABS, w)).toBe('k                 0/1');
  });
});
