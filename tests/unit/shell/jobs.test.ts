import { describe, expect, it } from 'vitest';
import { makeShell, sh } from './helpers';

// Texts checked against bash 5.2 (interactive: `script -qc "bash -i"`; non-interactive: `bash -c`).
describe('background jobs (cmd &)', () => {
  it('interactive: [n] pid, jobs, and the notice before the next prompt', async () => {
    const { shell, clock } = makeShell({ isTTY: true });
    expect((await sh(shell, clock, 'sleep 2 &')).err).toBe('[1] 4301\n');
    expect((await sh(shell, clock, 'jobs')).out).toBe('[1]+  Running                 sleep 2 &\n');
    const later = await sh(shell, clock, 'sleep 3');
    expect(later.err).toBe('[1]+  Done                    sleep 2\n');
    expect((await sh(shell, clock, 'jobs')).out).toBe('');
    await sh(shell, clock, '(exit 3) &');
    expect((await sh(shell, clock, 'sleep 1')).err).toBe('[1]+  Exit 3                  ( exit 3 )\n');
  });

  it('interactive: kill, markers, wait reporting each job as it ends', async () => {
    const { shell, clock } = makeShell({ isTTY: true });
    await sh(shell, clock, 'sleep 30 &');
    expect((await sh(shell, clock, 'kill %1')).err).toBe('[1]+  Terminated              sleep 30\n');
    expect((await sh(shell, clock, 'sleep 1 & sleep 2 &')).err).toBe('[1] 4304\n[2] 4307\n');
    expect((await sh(shell, clock, 'jobs -l')).out).toBe(
      '[1]- 4304 Running                 sleep 1 &\n[2]+ 4307 Running                 sleep 2 &\n',
    );
    const w = await sh(shell, clock, 'wait; echo rc=$?');
    expect(w.all).toBe(
      '[1]-  Done                    sleep 1\n[2]+  Done                    sleep 2\nrc=0\n',
    );
    await sh(shell, clock, 'sleep 60 &');
    expect((await sh(shell, clock, 'kill -9 %1; sleep 1')).err).toBe(
      '[1]+  Killed                  sleep 60\n',
    );
  });

  it('a background loop writes while the foreground goes on, until killed', async () => {
    const { shell, clock } = makeShell();
    await sh(shell, clock, 'while true; do echo tick; sleep 1; done > log.txt &');
    await sh(shell, clock, 'sleep 3');
    expect((await sh(shell, clock, 'cat log.txt | wc -l')).out).toBe('4\n');
    expect((await sh(shell, clock, 'kill %1; echo $?')).out).toBe('0\n');
    await sh(shell, clock, 'sleep 5');
    expect((await sh(shell, clock, 'cat log.txt | wc -l')).out).toBe('4\n');
  });

  it('runs in a subshell: its variables and directory stay its own', async () => {
    const { shell, clock } = makeShell();
    const r = await sh(shell, clock, 'x=1; (x=2; cd /tmp; echo in=$x) & sleep 1; echo x=$x; pwd');
    expect(r.out).toBe('in=2\nx=1\n/home/learner\n');
  });

  it('non-interactive: finished jobs leave at once; wait $pid still has the status', async () => {
    const { shell, clock } = makeShell();
    expect((await sh(shell, clock, 'sleep 1 & sleep 2; kill %1; echo rc=$?')).all).toBe(
      'bash: kill: %1: no such job\nrc=1\n',
    );
    expect((await sh(shell, clock, '(exit 4) & p=$!; sleep 1; wait $p; echo rc=$?')).out).toBe('rc=4\n');
    expect((await sh(shell, clock, 'wait %1; echo rc=$?')).all).toBe('bash: wait: %1: no such job\nrc=127\n');
  });

  it('fg brings a job back; Ctrl+C then stops it', async () => {
    const { shell, clock } = makeShell({ isTTY: true });
    await sh(shell, clock, 'sleep 5 &');
    const r = await sh(shell, clock, 'fg; echo rc=$?');
    expect(r.out).toBe('sleep 5\nrc=0\n');
    expect((await sh(shell, clock, 'fg')).err).toBe('bash: fg: current: no such job\n');
    await sh(shell, clock, 'sleep 50 &');
    let out = '';
    const run = shell.run('fg', { stdout: { write: (t) => void (out += t) }, stderr: { write: () => {} } });
    await new Promise((resolve) => setImmediate(resolve));
    shell.interrupt();
    expect(await run).toBe(130);
    expect(out).toBe('sleep 50\n');
  });

  it('kill errors and kill -l', async () => {
    const { shell, clock } = makeShell();
    expect((await sh(shell, clock, 'kill')).err).toBe(
      'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
    );
    expect((await sh(shell, clock, 'kill foo')).err).toBe(
      'bash: kill: foo: arguments must be process or job IDs\n',
    );
    expect((await sh(shell, clock, 'kill -s FOO %1')).err).toBe(
      'bash: kill: FOO: invalid signal specification\n',
    );
    expect((await sh(shell, clock, 'kill 999999')).err).toBe('bash: kill: (999999) - No such process\n');
    expect((await sh(shell, clock, 'kill -l 15; kill -l TERM')).out).toBe('TERM\n15\n');
    const list = (await sh(shell, clock, 'kill -l')).out.split('\n');
    expect(list[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(list[12]).toBe('63) SIGRTMAX-1\t64) SIGRTMAX\t');
  });
});
