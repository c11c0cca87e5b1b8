import { describe, expect, it } from 'vitest';
import { makeShell, sh } from './helpers';

describe('interpreter', () => {
  it('pipes, &&, || and exit statuses', async () => {
    const { shell, clock } = makeShell();
    expect((await sh(shell, clock, 'echo a; echo b | grep b')).out).toBe('a\nb\n');
    expect((await sh(shell, clock, 'false && echo no || echo yes')).out).toBe('yes\n');
    expect((await sh(shell, clock, 'true && echo one && false; echo $?')).out).toBe('one\n1\n');
    expect((await sh(shell, clock, '! true; echo $?')).out).toBe('1\n');
    const r = await sh(shell, clock, 'echo x | grep nothing');
    expect(r.code).toBe(1);
  });

  it('unknown command: 127 and bash text', async () => {
    const { shell, clock } = makeShell();
    const r = await sh(shell, clock, 'foo --bar');
    expect(r).toMatchObject({ code: 127, err: 'bash: foo: command not found\n' });
    expect((await sh(shell, clock, 'echo $?')).out).toBe('127\n');
    expect((await sh(shell, clock, './run.sh')).err).toBe('bash: ./run.sh: No such file or directory\n');
  });

  it('variables, export, expansion and splitting', async () => {
    const { shell, clock } = makeShell();
    expect((await sh(shell, clock, 'A="x  y"; echo $A; echo "$A"; echo ${#A} ${B:-dflt}')).out).toBe(
      'x y\nx  y\n4 dflt\n',
    );
    expect((await sh(shell, clock, 'X=1 env | grep ^X=; echo "[$X]"')).out).toBe('X=1\n[]\n');
    expect((await sh(shell, clock, 'export Y=2; env | grep ^Y=')).out).toBe('Y=2\n');
    expect((await sh(shell, clock, 'echo $(echo a; echo b) "$(echo c)"')).out).toBe('a b c\n');
    expect((await sh(shell, clock, 'i=1; i=$((i + 2 * 3)); echo $i ~ ~/x "~"')).out).toBe(
      '7 /home/learner /home/learner/x ~\n',
    );
  });

  it('redirections into the file system', async () => {
    const { shell, clock, fs } = makeShell();
    await sh(shell, clock, 'echo one > f.txt; echo two >> f.txt; ls nope 2> err.txt');
    expect(fs.readFile('/home/learner/f.txt')).toBe('one\ntwo\n');
    expect(fs.readFile('/home/learner/err.txt')).toBe(
      "ls: cannot access 'nope': No such file or directory\n",
    );
    const r = await sh(shell, clock, 'cat < f.txt; ls nope > all.txt 2>&1; cat all.txt');
    expect(r.out).toBe("one\ntwo\nls: cannot access 'nope': No such file or directory\n");
    expect((await sh(shell, clock, 'echo x > missing/dir/f')).err).toBe(
      'bash: missing/dir/f: No such file or directory\n',
    );
    expect((await sh(shell, clock, 'cat < nofile')).err).toBe('bash: nofile: No such file or directory\n');
    expect((await sh(shell, clock, 'echo hidden > /dev/null; echo shown')).out).toBe('shown\n');
  });

  it('heredocs feed stdin, expanded unless the delimiter is quoted', async () => {
    const { shell, clock } = makeShell();
    const src = "N=web\ncat <<EOF\nname: $N\nEOF\ncat <<'EOF'\nname: $N\nEOF\n";
    expect((await sh(shell, clock, src)).out).toBe('name: web\nname: $N\n');
  });

  it('for and while loops with a counter and sleep on the virtual clock', async () => {
    const { shell, clock } = makeShell();
    expect((await sh(shell, clock, 'for x in a b c; do echo -n $x; done; echo')).out).toBe('abc\n');
    const t0 = clock.now();
    const r = await sh(shell, clock, 'i=0; while [ $i -lt 3 ]; do sleep 10; i=$((i+1)); echo $i; done');
    expect(r.out).toBe('1\n2\n3\n');
    expect(clock.now() - t0).toBe(30_000);
    expect(
      (await sh(shell, clock, 'for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done')).out,
    ).toBe('1\n2\n');
  });

  it('Ctrl+C stops an endless loop that never sleeps, within bounded time', async () => {
    const { shell } = makeShell();
    const started = performance.now();
    const run = shell.run('while true; do :; done', {
      stdout: { write: () => {} },
      stderr: { write: () => {} },
    });
    setTimeout(() => shell.interrupt(), 50);
    expect(await run).toBe(130);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(shell.status).toBe(130);
  });

  it('Ctrl+C stops a curl loop waiting on sleep', async () => {
    const { shell, clock } = makeShell();
    let out = '';
    const run = shell.run('while true; do sleep 1; echo tick; done', {
      stdout: { write: (t) => (out += t) },
      stderr: { write: () => {} },
    });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      clock.advance(1);
    }
    await new Promise((r) => setImmediate(r));
    shell.interrupt();
    expect(await run).toBe(130);
    expect(out).toBe('tick\ntick\ntick\n');
  });

  it('caps the output of one command line', async () => {
    const { shell, clock } = makeShell({ maxOutput: 1000 });
    const r = await sh(shell, clock, 'while true; do echo 0123456789; done');
    expect(r.code).toBe(130);
    expect(r.out.length).toBe(1000);
    expect(r.err).toContain('output limit');
  });

  it('a 1 MB paste does not throw', async () => {
    const { shell, clock, fs } = makeShell();
    const big = 'x'.repeat(1024 * 1024);
    const r = await sh(shell, clock, `echo ${big} | wc -c; echo '${big}' > big.txt`);
    expect(r.out).toBe(`${1024 * 1024 + 1}\n`);
    expect(fs.readFile('/home/learner/big.txt').length).toBe(1024 * 1024 + 1);
  });

  it('syntax errors and open quotes at end of input', async () => {
    const { shell, clock } = makeShell();
    expect(await sh(shell, clock, 'done')).toMatchObject({
      code: 2,
      err: "bash: syntax error near unexpected token `done'\n",
    });
    expect(shell.check("echo 'abc\n").kind).toBe('incomplete');
    expect((await sh(shell, clock, "echo 'abc\n")).err).toBe(
      "bash: unexpected EOF while looking for matching `''\n",
    );
  });

  it('cd, pwd, history, exit', async () => {
    const { shell, clock } = makeShell();
    expect((await sh(shell, clock, 'mkdir -p a/b && cd a/b && pwd; cd /nope')).all).toBe(
      '/home/learner/a/b\nbash: cd: /nope: No such file or directory\n',
    );
    expect((await sh(shell, clock, 'history')).out).toBe(
      '    1  mkdir -p a/b && cd a/b && pwd; cd /nope\n    2  history\n',
    );
    await sh(shell, clock, 'exit 3');
    expect(shell.exitCode).toBe(3);
  });

  it('timeout stops a command after its duration (exit 124)', async () => {
    const { shell, clock } = makeShell();
    const t0 = clock.now();
    const r = await sh(shell, clock, 'timeout 5 sleep 100; echo $?');
    expect(r.out).toBe('124\n');
    expect(clock.now() - t0).toBe(5000);
    expect((await sh(shell, clock, 'timeout 5 nosuch')).err).toBe(
      'timeout: failed to run command ‘nosuch’: No such file or directory\n',
    );
  });

  it('watch repeats with a header until interrupted', async () => {
    const { shell, clock } = makeShell({ hostname: 'cloudshell' });
    const r = await sh(shell, clock, 'timeout 5 watch -n 2 echo hi');
    const frame = (t: string): string =>
      '\x1b[H\x1b[2JEvery 2.0s: echo hi' +
      ' '.repeat(80 - 19 - 36) +
      `cloudshell: Fri Nov 27 02:03:${t} 2026\n\nhi\n`;
    expect(r.out).toBe(frame('12') + frame('14') + frame('16'));
    const piped = await sh(shell, clock, 'timeout 3 watch -t echo hi | cat');
    expect(piped.out).toBe('hi\n\nhi\n');
  });

  it('editors go through the editor host', async () => {
    const { shell, clock, fs } = makeShell({
      editor: { edit: async (name, content) => `${content}edited ${name}\n` },
    });
    fs.writeFile('/home/learner/d.yaml', 'a: 1\n');
    await sh(shell, clock, 'vi d.yaml');
    expect(fs.readFile('/home/learner/d.yaml')).toBe('a: 1\nedited d.yaml\n');
    const bare = makeShell();
    expect(await sh(bare.shell, bare.clock, 'nano x')).toMatchObject({
      code: 1,
      err: 'nano: no editor is available in this terminal\n',
    });
  });

  it('date and clear', async () => {
    const { shell, clock } = makeShell();
    expect((await sh(shell, clock, 'date')).out).toBe('Fri Nov 27 02:03:12 UTC 2026\n');
    expect((await sh(shell, clock, 'clear')).out).toBe('\x1b[H\x1b[2J');
  });

  it('pipes stream: grep sees lines as they come, head stops its writer', async () => {
    const { shell, clock } = makeShell();
    const t0 = clock.now();
    const r = await sh(shell, clock, 'while true; do sleep 1; echo tick; done | head -n 3; echo done');
    expect(r.out).toBe('tick\ntick\ntick\ndone\n');
    expect(clock.now() - t0).toBe(3000);
    let out = '';
    const run = shell.run('while true; do sleep 1; echo tick $(date +%S); done | grep tick', {
      stdout: { write: (t) => (out += t) },
      stderr: { write: () => {} },
    });
    for (let i = 0; i < 2; i++) {
      await new Promise((res) => setImmediate(res));
      clock.advance(1);
    }
    await new Promise((res) => setImmediate(res));
    expect(out).toBe('tick 16\ntick 17\n');
    shell.interrupt();
    expect(await run).toBe(130);
  });

  it('expansion errors abort the line like bash; substitution status; tilde after =', async () => {
    const { shell, clock } = makeShell();
    const r = await sh(shell, clock, 'echo $(( 5 / 0 )); echo "not run"');
    expect(r).toMatchObject({ code: 1, out: '', err: 'bash: 5 / 0 : division by 0 (error token is "0 ")\n' });
    expect((await sh(shell, clock, 'b=$(false); echo $?; F=~/x; echo $F')).out).toBe('1\n/home/learner/x\n');
    expect((await sh(shell, clock, 'touch t.txt && ls')).out).toBe('t.txt\n');
  });
});
