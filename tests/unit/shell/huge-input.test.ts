/** Bad input never throws out of the shell and never hangs: 1 MB pastes, endless output. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, createSession, MemoryFs, preloadLazyCommands } from '../../../sandbox/index';

function session() {
  const sandbox = createSandbox({ cluster: false });
  return createSession({ sandbox, fs: new MemoryFs(), isTTY: false });
}

async function run(line: string): Promise<{ out: string; code: number; ms: number }> {
  const s = session();
  let out = '';
  const sink = { write: (t: string) => void (out += t) };
  const started = performance.now();
  const fed = s.feed(line);
  const code = fed.kind === 'run' ? await s.runDriven(fed.source, { stdout: sink, stderr: sink }) : -1;
  return { out, code, ms: performance.now() - started };
}

// The driver here yields microtasks only: kubectl's lazy parts must be loaded before.
beforeAll(() => preloadLazyCommands());

describe('huge input', () => {
  it('echoes a 1 MB word', async () => {
    const word = 'x'.repeat(1024 * 1024);
    const r = await run(`echo ${word} | wc -c`);
    expect(r.out).toBe(`${1024 * 1024 + 1}\n`);
  });

  it('takes a 1 MB quoted heredoc-free paste of many words', async () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `w${i}`).join(' ');
    const r = await run(`echo "${words}" | wc -w`);
    expect(r.out).toBe('100000\n');
  });

  it('stops a command that prints without end at the output cap', async () => {
    const r = await run('while true; do echo yes; done');
    expect(r.out).toContain('yes\n');
    expect(r.out.length).toBeLessThan(5 * 1024 * 1024);
    expect(r.code).not.toBe(0);
  });

  it('reports a kubectl apply of a 1 MB garbage file as a parse error', async () => {
    const s = session();
    const fs = s.shell.fs;
    fs.writeFile('/home/learner/junk.yaml', `: ${'{'.repeat(200_000)}\n`);
    let out = '';
    const sink = { write: (t: string) => void (out += t) };
    const fed = s.feed('kubectl apply -f junk.yaml');
    const code = fed.kind === 'run' ? await s.runDriven(fed.source, { stdout: sink, stderr: sink }) : -1;
    expect(code).toBe(1);
    expect(out).toMatch(/^error: error parsing junk.yaml: error converting YAML to JSON: yaml: /);
  });
});
