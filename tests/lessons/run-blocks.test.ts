import { describe, expect, it } from 'vitest';
import { prepareLesson } from '../../src/lessons/setup';
import { BROKEN_COMMAND, PANE2, runBlocks, scriptedEditor } from './run-blocks';

const setup = { cluster: { apply: ['kubia-rc-and-service-v1.yaml'], commands: [], wait: 60 }, files: [] };

describe('running a lesson’s sh blocks', () => {
  it('shows commands that do not work verbatim', async () => {
    const { sandbox, fs } = await prepareLesson(setup);
    const run = await runBlocks(
      sandbox,
      fs,
      ['kubectl rollout-update kubia-v1', 'kubectl get po --wide', 'kubctl get po'],
      scriptedEditor([]),
    );
    const broken = run.transcript.split('\n').filter((l) => BROKEN_COMMAND.test(l));
    expect(broken).toHaveLength(3);
  });

  it('runs the curl loop in a second pane while the other commands run', async () => {
    const { sandbox, fs } = await prepareLesson(setup);
    const run = await runBlocks(
      sandbox,
      fs,
      [
        'while true; do curl -s http://34.64.140.187; sleep 1; done',
        'kubectl scale rc kubia-v1 --replicas=1\nsleep 10',
      ],
      scriptedEditor([]),
    );
    const pane2 = run.transcript.split('\n').filter((l) => l.startsWith(`${PANE2}This is v1`));
    // About one answer a second during the 10 s sleep and the reading pauses, all from the one pod left at the end.
    expect(pane2.length).toBeGreaterThanOrEqual(10);
    expect(new Set(pane2.slice(-3)).size).toBe(1);
    expect(run.transcript).toContain(`${PANE2}^C`);
    expect(run.hung).toEqual([]);
  });

  it('makes the edits the prose asks for in the editor', async () => {
    const { sandbox, fs } = await prepareLesson(setup);
    const run = await runBlocks(
      sandbox,
      fs,
      ['kubectl edit rc kubia-v1\nkubectl get rc kubia-v1 -o wide'],
      scriptedEditor([['image: luksa/kubia:v1', 'image: luksa/kubia:v2']]),
    );
    expect(run.transcript).toContain('replicationcontroller/kubia-v1 edited');
    expect(run.transcript).toMatch(/kubia-v1 +3 +3 +3 .* luksa\/kubia:v2/);
  });

  it('interrupts a command the prose says to stop with Ctrl+C', async () => {
    const { sandbox, fs } = await prepareLesson(setup);
    const cmd = 'kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2';
    const run = await runBlocks(sandbox, fs, [`${cmd}\nkubectl get rc`], scriptedEditor([]), {
      [cmd]: 100_000,
    });
    expect(run.transcript).toContain('Scaling kubia-v2 up to 2\n^C\n');
    expect(run.transcript).toMatch(/kubia-v1 +2 +2 +2/);
  });
});
