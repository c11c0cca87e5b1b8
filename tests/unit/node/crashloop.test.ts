import { describe, expect, it } from 'vitest';
import { harness, podManifest } from './harness';

function crashing(restartPolicy = 'Always', script = 'echo starting; sleep 2; exit 1') {
  const h = harness();
  h.ctx.api.create(
    podManifest('crash', 'busybox', {
      restartPolicy,
      container: { name: 'app', command: ['sh', '-c', script] },
    }),
  );
  return h;
}

describe('restarts and CrashLoopBackOff', () => {
  it('cycles Running → Error → CrashLoopBackOff with back-off 10s, 20s, 40s', () => {
    const h = crashing();
    const seen: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const [ready, status, restarts] = h.row('crash');
      const r = `${ready} ${status} ${restarts.split(' ')[0]}`;
      if (seen[seen.length - 1] !== r) seen.push(r);
      h.ctx.clock.advanceMs(100);
    }
    expect(seen.slice(0, 9)).toEqual([
      '0/1 Pending 0',
      '0/1 ContainerCreating 0',
      '1/1 Running 0',
      '0/1 Error 0',
      '1/1 Running 1',
      '0/1 Error 1',
      '0/1 CrashLoopBackOff 1',
      '1/1 Running 2',
      '0/1 Error 2',
    ]);
    const msgs = h.events('crash');
    expect(msgs).toContain(
      `BackOff: Back-off restarting failed container app in pod crash_default(${h.pod('crash').metadata.uid})`,
    );
    const cs = (h.pod('crash').status as { containerStatuses: Array<Record<string, unknown>> })
      .containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(4);
    expect((cs.lastState as { terminated: { exitCode: number; reason: string } }).terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
    });
  });

  it('shows the back-off in the waiting message and RESTARTS as "N (Xs ago)"', () => {
    const h = crashing('Always', 'exit 1');
    h.advance(40);
    const cs = (
      h.pod('crash').status as { containerStatuses: Array<{ state: { waiting?: { message: string } } }> }
    ).containerStatuses[0];
    expect(cs.state.waiting?.message).toMatch(
      /^back-off (10|20|40)s restarting failed container=app pod=crash_default\([0-9a-f-]{36}\)$/,
    );
    expect(h.row('crash')[2]).toMatch(/^\d \(\d+s ago\)$/);
    expect((h.pod('crash').status as { phase: string }).phase).toBe('Running');
  });

  it('completes with restartPolicy Never (Completed, Succeeded) and fails on a non-zero exit', () => {
    const ok = crashing('Never', 'echo done');
    ok.advance(10);
    expect(ok.row('crash')).toEqual(['0/1', 'Completed', '0']);
    expect((ok.pod('crash').status as { phase: string }).phase).toBe('Succeeded');
    expect(ok.ctx.containers.logs('default', 'crash')).toEqual(['done']);
    const conds = (
      ok.pod('crash').status as { conditions: Array<{ type: string; status: string; reason?: string }> }
    ).conditions;
    expect(conds.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
    expect(conds.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });

    const bad = crashing('Never', 'exit 3');
    bad.advance(10);
    expect(bad.row('crash')).toEqual(['0/1', 'Error', '0']);
    expect((bad.pod('crash').status as { phase: string }).phase).toBe('Failed');
  });

  it('restarts on failure only with OnFailure', () => {
    const h = crashing('OnFailure', 'exit 0');
    h.advance(30);
    expect(h.row('crash')).toEqual(['0/1', 'Completed', '0']);
  });

  it('keeps the previous instance log for kubectl logs -p', () => {
    const h = crashing('Always', 'echo hello; sleep 5; exit 1');
    h.advance(12);
    expect(h.ctx.containers.logs('default', 'crash', 'app', true)).toEqual(['hello']);
  });
});
