import { it, expect } from 'vitest';
import { md5Hex } from '../../../sandbox/kubectl/rollout/md5';
import { createHash } from 'node:crypto';
it('md5', () => {
  for (const s of ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'x'.repeat(1000), 'ünï€😀'])
    expect(md5Hex(s)).toBe(createHash('md5').update(s).digest('hex'));
});
