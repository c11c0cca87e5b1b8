/** A resized terminal: commands started after `setColumns` lay out for the new width. */
import { expect, it } from 'vitest';
import { createSandbox, createSession, MemoryFs } from '../../../sandbox/index';

it('gives later commands the new terminal width', async () => {
  const session = createSession({
    sandbox: createSandbox({ cluster: false }),
    fs: new MemoryFs(),
    columns: 80,
  });
  const seen: Array<number | undefined> = [];
  session.shell.register('width', async (_argv, io) => {
    seen.push(io.columns);
    return 0;
  });
  const sink = { write: () => {} };
  await session.run('width\n', { stdout: sink, stderr: sink });
  session.setColumns(40);
  await session.run('width\n', { stdout: sink, stderr: sink });
  expect(seen).toEqual([80, 40]);
});
