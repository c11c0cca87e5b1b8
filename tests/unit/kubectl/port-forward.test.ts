import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../sandbox/index';
import { MemoryFs } from '../../../sandbox/fs/memory';
import { createSession } from '../../../sandbox/shell/session';
import { nextTurn } from '../shell/helpers';

/** Two terminal panes on one laptop: separate shells over one cluster. */
function twoPanes() {
  const sandbox = createSandbox({ seed: 3 });
  const pane = () => {
    const s = createSession({ sandbox, fs: new MemoryFs(), yieldToHost: nextTurn, isTTY: true });
    let out = '';
    const sinks = {
      stdout: { write: (t: string) => void (out += t) },
      stderr: { write: (t: string) => void (out += t) },
    };
    const run = (src: string) => s.runDriven(src + '\n', sinks, { yieldToHost: nextTurn });
    return { s, sinks, run, out: () => out, clear: () => void (out = '') };
  };
  return { sandbox, a: pane(), b: pane() };
}

describe('kubectl port-forward', () => {
  it('listens for every pane of the page until Ctrl+C, which it catches (exit 0)', async () => {
    const { sandbox, a, b } = twoPanes();
    await a.run('kubectl create deployment kubia --image=luksa/kubia:v1 && sleep 20');
    a.clear();
    // Pane A forwards in the foreground; pane B curls through it.
    const forwarding = a.s.run('kubectl port-forward deploy/kubia 8080:8080\n', a.sinks);
    // Nobody drives the clock for a plain run: move it as the page's time driver would.
    for (let i = 0; i < 200 && !a.out().includes('[::1]'); i++) {
      sandbox.clock.advance(0.1);
      await nextTurn();
    }
    expect(a.out()).toBe('Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from [::1]:8080 -> 8080\n');
    const t0 = sandbox.clock.now();
    await b.run('curl -s localhost:8080');
    expect(b.out()).toMatch(/^This is v1 running in pod kubia-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(sandbox.clock.now()).toBeGreaterThan(t0);
    expect(a.out()).toContain('Handling connection for 8080\n');
    // kubectl catches SIGINT: it closes its listeners and exits 0.
    a.s.interrupt();
    expect(await forwarding).toBe(0);
    b.clear();
    await b.run('curl -sS localhost:8080; echo rc=$?');
    expect(b.out()).toBe(
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\nrc=7\n",
    );
  });

  it('a port one pane forwards is taken for the other', async () => {
    const { a, b } = twoPanes();
    await a.run('kubectl create deployment kubia --image=luksa/kubia:v1 && sleep 20');
    await a.run('kubectl port-forward deploy/kubia 8080 >/dev/null &');
    await b.run('kubectl port-forward deploy/kubia 8080; echo rc=$?');
    expect(b.out()).toContain('bind: address already in use');
    expect(b.out()).toContain('error: unable to listen on any of the requested ports: [{8080 8080}]\nrc=1\n');
    // A random local port (`:8080`) avoids it.
    b.clear();
    await b.run('kubectl port-forward deploy/kubia :8080 & sleep 1; kill %1');
    expect(b.out()).toMatch(
      /Forwarding from 127\.0\.0\.1:(\d+) -> 8080\nForwarding from \[::1\]:\1 -> 8080\n/,
    );
  });

  it('waits for a workload’s first pod, up to --pod-running-timeout', async () => {
    const { a } = twoPanes();
    await a.run(
      'kubectl create deployment none --image=luksa/kubia:v1 --replicas=0; kubectl port-forward deploy/none 8080 --pod-running-timeout=5s; echo rc=$?',
    );
    expect(a.out()).toBe('deployment.apps/none created\nerror: timed out waiting for the condition\nrc=1\n');
  });
});
