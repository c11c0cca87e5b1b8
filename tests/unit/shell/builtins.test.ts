import { describe, expect, it } from 'vitest';
import { makeShell, sh } from './helpers';

async function run(
  src: string,
  files: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const { shell, clock, fs } = makeShell();
  fs.mount(files);
  return sh(shell, clock, src);
}

const pods = 'kubia-1 Running\nkubia-2 Pending\nweb-1 Running\n';

describe('builtins', () => {
  it.each([
    ['echo -n a; echo b', 'ab\n'],
    ['echo -e "a\\tb\\nc"', 'a\tb\nc\n'],
    ['echo "a\\tb"', 'a\\tb\n'],
    ['echo -e "x\\c" y; echo', 'x\n'],
  ])('echo: %s', async (src, out) => {
    expect((await run(src)).out).toBe(out);
  });

  it.each([
    ['grep Running p.txt', 'kubia-1 Running\nweb-1 Running\n', 0],
    ['grep -i running p.txt -c', '2\n', 0],
    ['grep -v Running p.txt', 'kubia-2 Pending\n', 0],
    ['grep -n kubia p.txt', '1:kubia-1 Running\n2:kubia-2 Pending\n', 0],
    ['grep -E "kubia-(1|2) P" p.txt', 'kubia-2 Pending\n', 0],
    ['grep "kubia-\\(1\\|2\\) P" p.txt', 'kubia-2 Pending\n', 0],
    ['cat p.txt | grep web', 'web-1 Running\n', 0],
    ['grep nothing p.txt', '', 1],
    ['grep x nofile', '', 2],
    ['grep -o "kubia-[0-9]" p.txt', 'kubia-1\nkubia-2\n', 0],
    ['grep -c web p.txt p.txt', 'p.txt:1\np.txt:1\n', 0],
  ])('grep: %s', async (src, out, code) => {
    const r = await run(src, { 'p.txt': pods });
    expect(r.out).toBe(out);
    expect(r.code).toBe(code);
  });

  it('grep error text', async () => {
    expect((await run('grep x nofile')).err).toBe('grep: nofile: No such file or directory\n');
  });

  it.each([
    ["sed 's/Running/Up/' p.txt", 'kubia-1 Up\nkubia-2 Pending\nweb-1 Up\n'],
    ["sed -n '/Pending/p' p.txt", 'kubia-2 Pending\n'],
    ["sed -e 's/-[0-9]//' -e 's/ .*//' p.txt", 'kubia\nkubia\nweb\n'],
    ["echo aaa | sed 's/a/b/g'", 'bbb\n'],
    ["echo aaa | sed 's/a/b/'", 'baa\n'],
    ["echo 'image: v1' | sed -E 's/(image): v([0-9])/\\1 => v\\2 [&]/'", 'image => v1 [image: v1]\n'],
    ["sed '2d' p.txt", 'kubia-1 Running\nweb-1 Running\n'],
    ["echo a/b | sed 's|/|:|'", 'a:b\n'],
  ])('sed: %s', async (src, out) => {
    expect((await run(src, { 'p.txt': pods })).out).toBe(out);
  });

  it('sed -i edits a file in place', async () => {
    const { shell, clock, fs } = makeShell();
    fs.mount({ 'd.yaml': 'image: luksa/kubia:v1\nreplicas: 3\n' });
    await sh(shell, clock, "sed -i 's/kubia:v1/kubia:v2/' d.yaml");
    expect(fs.readFile('/home/learner/d.yaml')).toBe('image: luksa/kubia:v2\nreplicas: 3\n');
    expect((await sh(shell, clock, 'sed s/a/b/ nofile')).err).toBe(
      "sed: can't read nofile: No such file or directory\n",
    );
  });

  it.each([
    ['head -n 2 p.txt', 'kubia-1 Running\nkubia-2 Pending\n'],
    ['head -1 p.txt', 'kubia-1 Running\n'],
    ['tail -n 1 p.txt', 'web-1 Running\n'],
    ['tail -n +2 p.txt', 'kubia-2 Pending\nweb-1 Running\n'],
    ['cat p.txt | tail -2', 'kubia-2 Pending\nweb-1 Running\n'],
    ['head -n 1 p.txt p.txt', '==> p.txt <==\nkubia-1 Running\n\n==> p.txt <==\nkubia-1 Running\n'],
    ['head -c 5 p.txt', 'kubia'],
    ['head -c5 p.txt', 'kubia'],
    ['head --bytes=-40 p.txt', 'kubia-'],
    ['tail -c 8 p.txt', 'Running\n'],
    ['tail -c +41 p.txt', 'nning\n'],
    ['head --lines=1 p.txt', 'kubia-1 Running\n'],
    ['echo 한국 | head -c 4', '한\ufffd'],
  ])('head/tail: %s', async (src, out) => {
    expect((await run(src, { 'p.txt': pods })).out).toBe(out);
  });

  it('head/tail error texts', async () => {
    expect((await run('head nofile')).err).toBe(
      "head: cannot open 'nofile' for reading: No such file or directory\n",
    );
    expect((await run('head -n x p.txt')).err).toBe('head: invalid number of lines: ‘x’\n');
    expect((await run('tail -c x p.txt')).err).toBe('tail: invalid number of bytes: ‘x’\n');
  });

  it.each([
    ['wc -l p.txt', '3 p.txt\n'],
    ['cat p.txt | wc -l', '3\n'],
    ['cat p.txt | wc', '      3       6      46\n'],
    ['wc p.txt', ' 3  6 46 p.txt\n'],
    ['wc -w -l p.txt p.txt', ' 3  6 p.txt\n 3  6 p.txt\n 6 12 total\n'],
    ['echo héllo | wc -c', '7\n'],
  ])('wc: %s', async (src, out) => {
    expect((await run(src, { 'p.txt': pods })).out).toBe(out);
  });

  it('sleep: fractions, units, errors', async () => {
    const { shell, clock } = makeShell();
    const t0 = clock.now();
    await sh(shell, clock, 'sleep 0.5; sleep 1m; sleep 1s 2');
    expect(clock.now() - t0).toBe(63_500);
    expect((await sh(shell, clock, 'sleep abc')).err).toBe(
      "sleep: invalid time interval ‘abc’\nTry 'sleep --help' for more information.\n",
    );
    expect((await sh(shell, clock, 'sleep')).err).toBe(
      "sleep: missing operand\nTry 'sleep --help' for more information.\n",
    );
  });

  it('files: ls, cp, mv, rm, mkdir, cat', async () => {
    const { shell, clock, fs } = makeShell();
    fs.mount({ 'a.yaml': 'a\n', 'b.yaml': 'b\n' });
    expect((await sh(shell, clock, 'ls')).out).toBe('a.yaml  b.yaml\n');
    expect((await sh(shell, clock, 'ls | cat')).out).toBe('a.yaml\nb.yaml\n');
    expect((await sh(shell, clock, 'cp a.yaml c.yaml && mv b.yaml d.yaml && ls *.yaml')).out).toBe(
      'a.yaml  c.yaml  d.yaml\n',
    );
    expect((await sh(shell, clock, 'rm c.yaml nofile')).err).toBe(
      "rm: cannot remove 'nofile': No such file or directory\n",
    );
    expect((await sh(shell, clock, 'rm -f nofile; echo $?')).out).toBe('0\n');
    expect((await sh(shell, clock, 'mkdir dir; mkdir dir')).err).toBe(
      'mkdir: cannot create directory ‘dir’: File exists\n',
    );
    expect((await sh(shell, clock, 'rm dir')).err).toBe("rm: cannot remove 'dir': Is a directory\n");
    expect((await sh(shell, clock, 'cat nofile dir')).err).toBe(
      'cat: nofile: No such file or directory\ncat: dir: Is a directory\n',
    );
    expect((await sh(shell, clock, 'cp nofile x')).err).toBe(
      "cp: cannot stat 'nofile': No such file or directory\n",
    );
    expect((await sh(shell, clock, 'ls nofile; echo $?')).all).toBe(
      "ls: cannot access 'nofile': No such file or directory\n2\n",
    );
  });

  it('test / [', async () => {
    expect((await run('[ 1 -lt 2 ] && [ -n x ] && [ ! -f nofile ] && test a = a && echo ok')).out).toBe(
      'ok\n',
    );
    expect((await run('[ a -lt 2 ]')).err).toBe('bash: [: a: integer expression expected\n');
  });

  it('help lists the commands, including kubectl when registered', async () => {
    const { shell, clock } = makeShell({ programs: { kubectl: async () => 0 } });
    const r = await sh(shell, clock, 'help');
    expect(r.out).toContain('kubectl');
    expect(r.out).toContain('curl');
  });

  it.each([
    ['for i in $(seq 1 6); do echo v$((i % 2 + 1)); done | sort | uniq -c', '      3 v1\n      3 v2\n'],
    ['seq 3 -1 1', '3\n2\n1\n'],
    ["printf '10\\n9\\n100\\n' | sort -n -r", '100\n10\n9\n'],
    ['echo a:b:c | cut -d: -f2,3', 'b:c\n'],
    ["seq 2 4 | tr '\\n' ' '", '2 3 4 '],
    ['echo Hello | tr a-z A-Z', 'HELLO\n'],
    ["printf '%-5s|%03d|%.2f\\n' ab 7 1.5", 'ab   |007|1.50\n'],
  ])('text tools: %s', async (src, out) => {
    expect((await run(src)).out).toBe(out);
  });
});
