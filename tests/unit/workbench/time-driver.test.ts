import { describe, expect, it } from 'vitest';
import { createSession, type Sandbox, type Session } from '../../../sandbox/index';
import { prepareLesson } from '../../../src/lessons/setup';
import { lessonFrontmatter } from '../../../src/lessons/schema';
import { TimeDriver } from '../../../src/workbench/time';
import { FakeHost } from './fake-host';
import { preloadLazyCommands } from '../../../sandbox/kubectl/cmd/wired';

const LB = '34.64.140.187';
const LOOP = `while true; do curl -s http://${LB}; sleep 1; done`;

async function lab(): Promise<{ sandbox: Sandbox; host: FakeHost; time: TimeDriver; shell: () => Shell }> {
  const fm = lessonFrontmatter.parse({
    title: 't',
    summary: 's',
    order: 1,
    cluster: { apply: ['kubia-deployment-v1.yaml'], wait: 60 },
  });
  // kubectl loads its help texts (which declare its flags) on first use: a real import, which the
  // fake host's turns do not wait for; a command typed right away would otherwise not run in time.
  await preloadLazyCommands();
  const host = new FakeHost();
  const { sandbox, fs } = await prepareLesson(fm, { yieldToHost: () => host.yield() });
  const time = new TimeDriver(sandbox.clock, host);
  time.start();
  const shell = (): Shell => {
    const session = createSession({ sandbox, fs, isTTY: true, yieldToHost: () => host.yield() });
    return new Shell(session);
  };
  return { sandbox, host, time, shell };
}

/** A terminal pane as the driver sees it: a session running commands, its output collected. */
class Shell {
  out = '';
  private running: Promise<number> | undefined;
  constructor(private readonly session: Session) {}
  start(line: string): void {
    const sink = { write: (s: string) => void (this.out += s) };
    this.running = this.session.run(line + '\n', { stdout: sink, stderr: sink });
  }
  async stop(): Promise<number | undefined> {
    this.session.interrupt();
    return this.running;
  }
  count(text: string): number {
    return this.out.split(text).length - 1;
  }
}

describe('TimeDriver', () => {
  it('follows real time at 1x without losing the fractions of a millisecond', async () => {
    const { sandbox, host, time } = await lab();
    host.costPerNow = 0.37; // every reading of the real clock lands between whole milliseconds
    const v0 = sandbox.clock.now();
    const r0 = host.now();
    await host.advance(20_000);
    const real = host.now() - r0;
    const virtual = sandbox.clock.now() - v0;
    time.stop();
    // At most one tick (50 ms) behind, never ahead.
    expect(virtual).toBeLessThanOrEqual(real);
    expect(real - virtual).toBeLessThan(60);
  });

  it('runs 10 virtual seconds per real second at 10x', async () => {
    const { sandbox, host, time } = await lab();
    time.setSpeed(10);
    const v0 = sandbox.clock.now();
    await host.advance(2_000);
    time.stop();
    expect(sandbox.clock.now() - v0).toBeGreaterThan(19_400);
    expect(sandbox.clock.now() - v0).toBeLessThanOrEqual(20_000);
  });

  it('keeps a curl loop on its one-second rhythm at 1x', async () => {
    const { host, time, shell } = await lab();
    const sh = shell();
    sh.start(LOOP);
    await host.advance(20_000);
    await sh.stop();
    time.stop();
    // One answer at t=0, then one per virtual second plus the few ms each curl takes.
    expect(sh.count('This is v1 running')).toBeGreaterThanOrEqual(20);
    expect(sh.count('This is v1 running')).toBeLessThanOrEqual(21);
  });

  it('lets a curl loop run about 60 times in a one-minute skip', async () => {
    const { sandbox, host, time, shell } = await lab();
    time.setSpeed(0);
    const sh = shell();
    sh.start(LOOP);
    await host.advance(100);
    const v0 = sandbox.clock.now();
    await time.skip(60);
    expect(sandbox.clock.now() - v0).toBe(60_000);
    await sh.stop();
    time.stop();
    // Each turn is a one-second sleep plus the few virtual milliseconds a curl takes.
    expect(sh.count('This is v1 running')).toBeGreaterThanOrEqual(57);
    expect(sh.count('This is v1 running')).toBeLessThanOrEqual(61);
    // The skip was asked for while paused: it stays paused.
    expect(time.speed).toBe(0);
  });

  it('freezes controllers, kubelets and sleeping loops while paused', async () => {
    const { sandbox, host, time, shell } = await lab();
    time.setSpeed(0);
    const v0 = sandbox.clock.now();
    const loop = shell();
    loop.start(LOOP);
    const admin = shell();
    admin.start('kubectl set image deployment kubia nodejs=luksa/kubia:v2');
    await host.advance(30_000);
    expect(sandbox.clock.now()).toBe(v0);
    expect(admin.out).toContain('deployment.apps/kubia image updated');
    // The controller has not reacted: still one ReplicaSet, the loop's first curl still waits for its answer.
    expect(sandbox.api.cache.list('replicasets', 'default')).toHaveLength(1);
    expect(loop.count('running in pod')).toBe(0);

    time.setSpeed(5);
    await host.advance(12_000);
    expect(sandbox.api.cache.list('replicasets', 'default')).toHaveLength(2);
    expect(loop.count('This is v2 running')).toBeGreaterThan(0);
    await loop.stop();
    time.stop();
  });

  it('gives the tab a turn at least every few tens of milliseconds during a long skip', async () => {
    const { host, time, shell } = await lab();
    const sh = shell();
    sh.start('kubectl scale deployment kubia --replicas=40');
    await host.advance(100);
    host.costPerNow = 1; // a slow machine: every reading of the clock costs a real millisecond
    const gaps: number[] = [];
    let last = host.now();
    const origYield = host.yield.bind(host);
    host.yield = () => {
      const now = host.now();
      gaps.push(now - last);
      last = now;
      return origYield();
    };
    await time.skip(60);
    time.stop();
    expect(gaps.length).toBeGreaterThan(3);
    expect(Math.max(...gaps)).toBeLessThan(60);
  });

  it('drops a skip still running on a clock it no longer follows (lesson reset)', async () => {
    const a = await lab();
    const b = await lab();
    a.time.stop();
    const v0 = a.sandbox.clock.now();
    const skipping = a.time.skip(600);
    a.time.attach(b.sandbox.clock);
    await skipping;
    expect(a.sandbox.clock.now() - v0).toBeLessThan(600_000);
    expect(a.time.now()).toBe(b.sandbox.clock.now());
    b.time.stop();
  });
});
