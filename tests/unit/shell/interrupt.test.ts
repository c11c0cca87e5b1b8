import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../../sandbox/shell/types';
import { makeShell, nextTurn } from './helpers';

/** A program that catches SIGINT (as kubectl's watches do): it ends with 1 when told. */
const catcher = async (_argv: readonly string[], io: CommandIO): Promise<number> => {
  io.trapInterrupt?.();
  await new Promise<void>((resolve) => io.interrupt.onInterrupt(resolve));
  io.stdout.write('cleaned up\n');
  return 1;
};

async function interruptWhile(line: string): Promise<{ code: number; out: string }> {
  const { shell } = makeShell();
  shell.register('catcher', catcher);
  let out = '';
  const sink = { write: (t: string) => void (out += t) };
  const run = shell.run(line, { stdout: sink, stderr: sink });
  for (let i = 0; i < 5; i++) await nextTurn();
  shell.interrupt();
  const code = await run;
  return { code, out };
}

// bash: Ctrl+C goes to the foreground processes; when none died of it, the line goes on.
describe('Ctrl+C', () => {
  it('a command that catches it ends with its own status, and the line goes on', async () => {
    const r = await interruptWhile('catcher; echo rc=$?');
    expect(r).toEqual({ code: 0, out: 'cleaned up\nrc=1\n' });
  });

  it('a command that does not catch it stops the whole line with 130', async () => {
    const r = await interruptWhile('sleep 100; echo after');
    expect(r).toEqual({ code: 130, out: '' });
  });

  it('in a pipeline with a command that does not catch it, the line stops', async () => {
    const r = await interruptWhile('catcher | sleep 100; echo after');
    expect(r.code).toBe(130);
    expect(r.out).not.toContain('after');
  });
});
