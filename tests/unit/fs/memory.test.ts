import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../../../sandbox/fs/memory';
import { FsError } from '../../../sandbox/fs/types';
import { normalize } from '../../../sandbox/fs/path';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return undefined;
}

describe('MemoryFs', () => {
  it('resolves paths with ~, . and ..', () => {
    const fs = new MemoryFs();
    expect(fs.resolve('/home/learner', 'a/../b/./c')).toBe('/home/learner/b/c');
    expect(fs.resolve('/tmp', '~/x')).toBe('/home/learner/x');
    expect(fs.resolve('/tmp', '~')).toBe('/home/learner');
    expect(fs.resolve('/', '../..')).toBe('/');
    expect(normalize('//a//b/')).toBe('/a/b');
  });

  it('files and directories, with errors as FsError', () => {
    const fs = new MemoryFs();
    fs.writeFile('/home/learner/a.txt', 'x');
    fs.appendFile('/home/learner/a.txt', 'y');
    expect(fs.readFile('/home/learner/a.txt')).toBe('xy');
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/home'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/no/dir/f', ''))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/home/learner/a.txt/x', ''))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/home/learner'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/x/y'))).toBe('ENOENT');
    fs.mkdir('/x/y/z', true);
    expect(fs.readdir('/x')).toEqual(['y']);
    expect(code(() => fs.remove('/x'))).toBe('ENOTEMPTY');
    fs.remove('/x', true);
    expect(fs.exists('/x/y/z')).toBe(false);
    expect(fs.readdir('/home/learner')).toEqual(['a.txt']);
  });

  it('caps file size (EFBIG)', () => {
    const fs = new MemoryFs({ maxFileSize: 10 });
    fs.writeFile('/home/learner/f', '0123456789');
    expect(code(() => fs.appendFile('/home/learner/f', 'x'))).toBe('EFBIG');
    expect(code(() => fs.writeFile('/tmp/g', 'x'.repeat(11)))).toBe('EFBIG');
    expect(new FsError('EFBIG', '/tmp/g').message).toBe('EFBIG: /tmp/g');
  });

  it('mounts lesson files relative to home', () => {
    const fs = new MemoryFs({
      files: { 'kubia-rc-v1.yaml': 'kind: ReplicationController\n', 'v2/deploy.yaml': 'x' },
    });
    expect(fs.readFile('/home/learner/kubia-rc-v1.yaml')).toContain('ReplicationController');
    expect(fs.readdir('/home/learner')).toEqual(['kubia-rc-v1.yaml', 'v2']);
    fs.mount({ '/etc/motd': 'hi' });
    expect(fs.readFile('/etc/motd')).toBe('hi');
  });
});
