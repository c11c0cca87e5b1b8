import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../sandbox/index';
import { MemoryFs } from '../../../sandbox/fs/memory';
import { createSession } from '../../../sandbox/shell/session';
import { preloadLazyCommands } from '../../../sandbox/kubectl/cmd/wired';
import { nextTurn } from '../shell/helpers';

/**
 * kubectl v1.32 ends on Ctrl+C with status 1 and says nothing (measured with the real binary:
 * `timeout -s INT` on get -w, events -w, rollout status, wait, logs -f, delete), and bash goes on
 * with the rest of the line, since kubectl did not die of the signal.
 */
async function ctrlC(line: string, shown: string): Promise<string> {
  // rollout, logs and friends load on first use; a plain run would not wait for them here.
  await preloadLazyCommands();
  const sandbox = createSandbox({ seed: 5 });
  const s = createSession({ sandbox, fs: new MemoryFs(), yieldToHost: nextTurn, isTTY: true });
  let out = '';
  const sinks = {
    stdout: { write: (t: string) => void (out += t) },
    stderr: { write: (t: string) => void (out += t) },
  };
  await s.runDriven(
    'kubectl create deployment kubia --image=luksa/kubia:v1 >/dev/null; kubectl create deployment bad --image=luksa/kubia:nope >/dev/null; sleep 20\n',
    sinks,
    { yieldToHost: nextTurn },
  );
  const pod = sandbox.api.list('pods', 'default', { labelSelector: 'app=kubia' }).items[0].metadata.name!;
  out = '';
  const running = s.run(line.replace('POD', pod) + '\n', sinks);
  // Until the command has printed what it prints first (its module may load lazily), then a bit.
  for (let i = 0, settled = 0; i < 2000 && settled < 20; i++) {
    sandbox.clock.advance(0.1);
    await nextTurn();
    if (out.split(pod).join('POD').startsWith(shown) && out.length >= shown.length) settled++;
  }
  s.interrupt();
  await running;
  return out.split(pod).join('POD');
}

describe('Ctrl+C in kubectl', () => {
  it.each([
    ['kubectl get pods -w --no-headers -o name -l app=kubia', 'pod/POD\n'],
    [
      'kubectl rollout status deploy/bad',
      'Waiting for deployment "bad" rollout to finish: 0 of 1 updated replicas are available...\n',
    ],
    ['kubectl wait --for=condition=available deploy/bad', ''],
    ['kubectl logs -f POD', 'Kubia server starting...\n'],
    ['kubectl delete pod POD', 'pod "POD" deleted\n'],
  ])('%s ends with 1, and the line goes on', async (cmd, shown) => {
    const out = await ctrlC(`${cmd}; echo rc=$?`, shown);
    expect(out).toBe(`${shown}rc=1\n`);
  });

  it('a command kubectl is running inside a pipeline with one that dies of it stops the line', async () => {
    const out = await ctrlC('kubectl get pods -w | sleep 100; echo after', '');
    expect(out).not.toContain('after');
  });
});
