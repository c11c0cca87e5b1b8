import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../sandbox/index';
import { MemoryFs } from '../../../sandbox/fs/memory';
import { LocalShell, type ShellEnv } from '../../../src/workbench/engine/local-shell';
import { TerminalController } from '../../../src/workbench/terminal/controller';
import { inProcess } from './in-process';
import { Vt } from './vt';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
async function settle(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await turn();
}

function setup(cols = 60) {
  const sandbox = createSandbox({ seed: 1, cluster: false });
  const fs = new MemoryFs({ files: { 'kubia.yaml': 'kind: Pod\n', 'kubia-v2.yaml': 'kind: Pod\n' } });
  const env = (): ShellEnv => ({ sandbox, fs, yieldToHost: turn });
  const shell = new LocalShell(env(), cols);
  const vt = new Vt(cols);
  let ready = 0;
  const c = new TerminalController({
    screen: vt,
    session: inProcess(shell),
    exitNotice: '[new shell]',
    onReady: () => ready++,
  });
  c.start();
  return { c, vt, sandbox, shell, env, ready: () => ready };
}

describe('terminal controller', () => {
  it('shows a prompt, echoes typing, runs the line and prints the next prompt', async () => {
    const { c, vt, ready } = setup();
    expect(ready()).toBe(1);
    expect(vt.text()).toEqual(['$']);
    c.input('echo hello');
    expect(vt.text()).toEqual(['$ echo hello']);
    c.input('\r');
    await settle();
    expect(vt.text()).toEqual(['$ echo hello', 'hello', '$']);
    expect([vt.x, vt.y]).toEqual([2, 2]);
  });

  it('output without a final newline: the prompt follows it, as in bash', async () => {
    const { c, vt } = setup();
    c.input('printf abc\r');
    await settle();
    c.input('x');
    expect(vt.text()).toEqual(['$ printf abc', 'abc$ x']);
  });

  it('run() types each line, waits for it, and resolves with the exit status', async () => {
    const { c, vt } = setup();
    c.input('draft');
    const code = c.run('echo one\nfalse\n');
    await settle();
    expect(await code).toBe(1);
    expect(vt.text()).toEqual(['$ echo one', 'one', '$ false', '$']);
    expect(await c.run('for i in 1 2; do\n  echo "n $i"\ndone')).toBe(0);
    expect(vt.text().slice(3)).toEqual([
      '$ for i in 1 2; do',
      '>   echo "n $i"',
      '> done',
      'n 1',
      'n 2',
      '$',
    ]);
  });

  it('keys typed while a command runs wait for the prompt (type-ahead)', async () => {
    const { c, vt, sandbox } = setup();
    c.input('sleep 5\r');
    await settle();
    c.input('echo after\r');
    await settle();
    expect(vt.text()).toEqual(['$ sleep 5']);
    sandbox.clock.advance(5);
    await settle();
    expect(vt.text()).toEqual(['$ sleep 5', '$ echo after', 'after', '$']);
  });

  it('Ctrl+C stops the running command, prints ^C and drops the type-ahead', async () => {
    const { c, vt } = setup();
    const running = c.run('while true; do sleep 1; done');
    await settle();
    c.input('echo never\r');
    c.input('\x03');
    expect(await running).toBe(130);
    await settle();
    expect(vt.text()).toEqual(['$ while true; do sleep 1; done', '^C', '$']);
    c.input('echo $?\r');
    await settle();
    expect(vt.text().slice(-2)).toEqual(['130', '$']);
  });

  it('Ctrl+C at a prompt drops the line and an open construct', async () => {
    const { c, vt } = setup();
    c.input('for i in 1; do\r');
    await settle();
    c.input('echo x\x01\x03');
    expect(vt.text()).toEqual(['$ for i in 1; do', '> echo x^C', '$']);
    c.input('echo ok\r');
    await settle();
    expect(vt.text().slice(-2)).toEqual(['ok', '$']);
  });

  it('Ctrl+C typed before the shell answered a line drops the construct the line opened', async () => {
    const { c, vt } = setup();
    c.input('for i in 1; do\r');
    c.input('\x03');
    await settle();
    expect(vt.text()).toEqual(['$ for i in 1; do', '^C', '$']);
    c.input('echo ok\r');
    await settle();
    expect(vt.text().slice(-2)).toEqual(['ok', '$']);
  });

  it('Ctrl+D on an empty continuation line gives bash’s end-of-file error', async () => {
    const { c, vt } = setup();
    c.input("echo 'abc\r\x04");
    await settle();
    expect(vt.text()).toEqual([
      "$ echo 'abc",
      '>',
      "bash: unexpected EOF while looking for matching `''",
      '$',
    ]);
  });

  it('a multi-line paste runs line by line; the last line without a newline stays for editing', async () => {
    const { c, vt } = setup();
    c.input('\x1b[200~echo 1\recho 2\recho 3\x1b[201~');
    await settle();
    expect(vt.text()).toEqual(['$ echo 1', '1', '$ echo 2', '2', '$ echo 3']);
  });

  it('history: Up recalls the previous commands of this pane, multi-line ones joined', async () => {
    const { c, vt } = setup();
    await c.run('echo a');
    await c.run('for i in 1; do\necho $i\ndone');
    c.input('\x1b[A');
    expect(vt.text().at(-1)).toBe('$ for i in 1; do echo $i; done');
    c.input('\x1b[A');
    expect(vt.text().at(-1)).toBe('$ echo a');
    c.input('\x12fo');
    expect(vt.text().at(-1)).toBe("(reverse-i-search)`fo': for i in 1; do echo $i; done");
  });

  it('Tab: one candidate completes, several complete their prefix, a second Tab lists them', async () => {
    const { c, vt } = setup();
    c.input('kubectl get po\t');
    await settle();
    expect(vt.text().at(-1)).toBe('$ kubectl get pods');
    expect(vt.x).toBe('$ kubectl get pods '.length);
    c.input('\x15cat ku\t');
    await settle();
    expect(vt.text().at(-1)).toBe('$ cat kubia');
    c.input('\t');
    await settle();
    expect(vt.bells).toBe(0);
    c.input('\t');
    await settle();
    expect(vt.text().slice(-2)).toEqual(['kubia-v2.yaml  kubia.yaml', '$ cat kubia']);
  });

  it('Ctrl+L clears the screen and keeps the line', async () => {
    const { c, vt } = setup();
    await c.run('echo 1');
    c.input('echo 2\x0c');
    expect(vt.text()).toEqual(['$ echo 2']);
  });

  it('a reset prints a notice, starts a new session and keeps the history', async () => {
    const { c, vt, shell, env } = setup();
    await c.run('FOO=bar');
    const running = c.run('sleep 100');
    await settle();
    shell.rebind(env());
    await c.reset('[reset]');
    expect(await running).toBe(130);
    await settle();
    expect(vt.text().slice(-2)).toEqual(['[reset]', '$']);
    await c.run('echo "foo=$FOO"');
    expect(vt.text().slice(-2)).toEqual(['foo=', '$']);
    c.input('\x1b[A\x1b[A');
    expect(vt.text().at(-1)).toBe('$ sleep 100');
  });

  it('exit starts a new shell with a notice', async () => {
    const { c, vt } = setup();
    await c.run('exit');
    await settle();
    expect(vt.text().slice(-2)).toEqual(['[new shell]', '$']);
  });

  it('a background job prints while the reader types: the typed line is drawn again below', async () => {
    const { c, vt, sandbox } = setup(80);
    c.input('while true; do echo tick; sleep 1; done &\r');
    await settle();
    // The job's first line comes just after the prompt: that empty prompt stays, a new one follows.
    expect(vt.text()).toEqual(['$ while true; do echo tick; sleep 1; done &', '[1] 4301', '$', 'tick', '$']);
    c.input('echo he');
    sandbox.clock.advance(1);
    await settle();
    expect(vt.text().slice(4)).toEqual(['$ echo he', 'tick', '$ echo he']);
    c.input('llo\r');
    await settle();
    expect(vt.text().slice(-3)).toEqual(['$ echo hello', 'hello', '$']);
    c.input('kill %1\r');
    await settle();
    expect(vt.text().slice(-3)).toEqual([
      '$ kill %1',
      '[1]+  Terminated              while true; do echo tick; sleep 1; done',
      '$',
    ]);
    c.input('\r');
    await settle();
    sandbox.clock.advance(3);
    await settle();
    expect(vt.text().slice(-2)).toEqual(['$', '$']);
  });

  it('a blank line reports the background jobs that ended', async () => {
    const { c, vt, sandbox } = setup();
    c.input('sleep 2 &\r');
    await settle();
    sandbox.clock.advance(3);
    await settle();
    c.input('\r');
    await settle();
    expect(vt.text()).toEqual(['$ sleep 2 &', '[1] 4301', '$', '[1]+  Done                    sleep 2', '$']);
  });

  it('long output arrives whole', async () => {
    const { c, vt } = setup();
    let out = '';
    const write = vt.write.bind(vt);
    vt.write = (d: string) => {
      out += d;
      write(d);
    };
    await c.run('seq 1 3000');
    await settle();
    expect(out.split('\r\n').filter((l) => /^\d+$/.test(l))).toHaveLength(3000);
  });
});
