import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../sandbox/index';
import { MemoryFs } from '../../../sandbox/fs/memory';
import { createSession } from '../../../sandbox/shell/session';
import { complete } from '../../../sandbox/shell/complete';
import { nextTurn } from './helpers';

function session() {
  const sandbox = createSandbox({ seed: 1, cluster: false });
  const fs = new MemoryFs({ files: { 'kubia.yaml': 'kind: Pod\n' } });
  const s = createSession({ sandbox, fs, yieldToHost: nextTurn, isTTY: false });
  let out = '';
  const sinks = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (out += t) },
  };
  return { s, sandbox, sinks, out: () => out };
}

describe('session', () => {
  it('continuation prompt for open constructs, then runs the whole input', async () => {
    const { s, sinks, out } = session();
    expect(s.prompt()).toBe('$ ');
    expect(s.feed('for i in 1 2; do')).toEqual({ kind: 'continue' });
    expect(s.prompt()).toBe('> ');
    expect(s.feed('  echo "n $i"')).toEqual({ kind: 'continue' });
    const r = s.feed('done');
    expect(r).toEqual({ kind: 'run', source: 'for i in 1 2; do\n  echo "n $i"\ndone\n' });
    if (r.kind === 'run') await s.runDriven(r.source, sinks, { yieldToHost: nextTurn });
    expect(out()).toBe('n 1\nn 2\n');
    expect(s.feed('')).toEqual({ kind: 'empty' });
  });

  it('end of input inside a quote gives bash’s error; Ctrl+C drops a partial construct', () => {
    const { s } = session();
    s.feed("echo 'abc");
    expect(s.endOfInput()).toBe("bash: unexpected EOF while looking for matching `''\n");
    expect(s.prompt()).toBe('$ ');
    s.feed('while true; do');
    s.cancelInput();
    expect(s.prompt()).toBe('$ ');
  });

  it('kubectl is a registered program; sleep takes virtual time only when driven', async () => {
    const { s, sandbox, sinks, out } = session();
    const t0 = sandbox.clock.now();
    await s.runDriven('sleep 30; kubectl version --client >/dev/null; echo $?', sinks, {
      yieldToHost: nextTurn,
    });
    expect(sandbox.clock.now() - t0).toBe(30_000);
    expect(out()).toMatch(/^\d+\n$/);
    expect(s.shell.commandNames()).toContain('kubectl');
  });

  it('tab completion: commands first, then files', () => {
    const { s } = session();
    expect(complete(s.shell, 'kub').candidates).toEqual(['kubectl']);
    expect(complete(s.shell, 'kubectl apply -f ku')).toEqual({ word: 'ku', candidates: ['kubia.yaml'] });
    expect(complete(s.shell, 'echo x | gr').candidates).toEqual(['grep']);
  });

  it('curl goes through the cluster network and takes its virtual time', async () => {
    const { s, sandbox, sinks, out } = session();
    const t0 = sandbox.clock.now();
    await s.runDriven('curl -m 2 http://34.64.140.187; echo "exit $?"', sinks, { yieldToHost: nextTurn });
    expect(out()).toMatch(
      /^curl: \(28\) Failed to connect to 34\.64\.140\.187 port 80 after 200\d ms: Timeout was reached\nexit 28\n$/,
    );
    expect(sandbox.clock.now() - t0).toBeGreaterThanOrEqual(2000);
  });
});
