/**
 * The page and its sandbox worker, without a Worker: the worker side (`WorkbenchEngine`) and the
 * page side (`Workbench`) joined by an in-memory channel that clones every message (as postMessage
 * does) and delivers it in a later turn. What the islands see must be what a reader would see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchEngine } from '../../../src/workbench/engine/engine';
import { PUSH_MS } from '../../../src/workbench/engine/cluster-feed';
import { lessonFrontmatter } from '../../../src/lessons/schema';
import type { Endpoint, FromWorker, ToWorker, WorkbenchConfig } from '../../../src/workbench/protocol';
import { Workbench, type ClusterUpdate } from '../../../src/workbench/runtime';
import type { RemoteSession } from '../../../src/workbench/remote-session';
import { FakeHost } from './fake-host';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Both ends of a channel; `sent` records what the worker said, in order. */
function channel(): {
  page: Endpoint<FromWorker, ToWorker>;
  worker: Endpoint<ToWorker, FromWorker>;
  sent: FromWorker[];
} {
  const toPage: ((m: FromWorker) => void)[] = [];
  const toWorker: ((m: ToWorker) => void)[] = [];
  const sent: FromWorker[] = [];
  return {
    sent,
    page: {
      post: (m) => {
        const copy = structuredClone(m);
        setImmediate(() => toWorker.forEach((h) => h(copy)));
      },
      listen: (h) => void toPage.push(h),
    },
    worker: {
      post: (m) => {
        const copy = structuredClone(m);
        sent.push(copy);
        setImmediate(() => toPage.forEach((h) => h(copy)));
      },
      listen: (h) => void toWorker.push(h),
    },
  };
}

const fm = lessonFrontmatter.parse({
  title: 't',
  summary: 's',
  order: 1,
  cluster: { apply: ['kubia-rc-and-service-v1.yaml'], wait: 60 },
  files: ['kubia-deployment-v1.yaml'],
  tasks: [
    {
      id: 'make-deployment',
      title: 'Create the kubia Deployment',
      check: { resource: 'deployments', name: 'kubia' },
    },
  ],
});
const config: WorkbenchConfig = { lesson: 'test', setup: fm, tasks: fm.tasks };

const engines: WorkbenchEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.stop();
});

async function start(): Promise<{
  wb: Workbench;
  engine: WorkbenchEngine;
  host: FakeHost;
  sent: FromWorker[];
}> {
  const host = new FakeHost();
  const { page, worker, sent } = channel();
  const engine = new WorkbenchEngine(worker, host);
  engines.push(engine);
  const wb = await Workbench.create(config, page);
  return { wb, engine, host, sent };
}

/** Type a line in a session and collect what it printed. */
async function type(session: RemoteSession, line: string): Promise<{ out: string; result: unknown }> {
  let out = '';
  const result = await session.line(line, (d) => (out += d));
  return { out, result };
}

describe('workbench over the worker protocol', () => {
  it('starts the lesson in the worker and answers typed lines with output and an outcome', async () => {
    const { wb } = await start();
    expect(wb.taskState.get('make-deployment')).toBe(false);
    expect(wb.time.speed).toBe(1);
    const sh = wb.newSession({ columns: 80 });
    const { out, result } = await type(sh, 'kubectl get rc');
    expect(out).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nkubia-v1\s+3\s+3\s+3\s+60s\n$/);
    expect(result).toEqual({ kind: 'ran', code: 0, exited: false });
    expect(sh.history).toEqual(['kubectl get rc']);
    expect(await type(sh, 'kubectl get nosuch')).toMatchObject({ result: { kind: 'ran', code: 1 } });
  });

  it('mirrors the prompt of an open construct, completes and reports end of input', async () => {
    const { wb } = await start();
    const sh = wb.newSession({ columns: 80 });
    expect(await type(sh, 'for i in 1 2; do')).toEqual({ out: '', result: { kind: 'continue' } });
    expect(sh.prompt()).toBe('> ');
    expect(await sh.endOfInput()).toBe('bash: syntax error: unexpected end of file\n');
    expect(sh.prompt()).toBe('$ ');
    expect(await type(sh, '')).toEqual({ out: '', result: { kind: 'empty' } });
    expect(await sh.complete('kubectl get replicationc')).toEqual({
      word: 'replicationc',
      candidates: ['replicationcontrollers'],
    });
    expect(await sh.complete('cat kubia-dep')).toEqual({
      word: 'kubia-dep',
      candidates: ['kubia-deployment-v1.yaml'],
    });
  });

  it('stops a running command on Ctrl+C, and `exit` hands over to a fresh shell with the history', async () => {
    const { wb } = await start();
    const sh = wb.newSession({ columns: 80 });
    const running = type(sh, 'sleep 1000');
    await turn();
    await turn();
    sh.interrupt();
    expect((await running).result).toEqual({ kind: 'ran', code: 130, exited: false });
    expect((await type(sh, 'exit 3')).result).toEqual({ kind: 'ran', code: 3, exited: true });
    expect((await type(sh, 'history')).out).toContain('2  exit 3');
  });

  it('opens the page’s editor for `kubectl edit` and saves what the page answers', async () => {
    const { wb } = await start();
    const asked: string[] = [];
    wb.setEditorLoader(async () => ({
      edit: async (fileName, content) => {
        asked.push(fileName);
        return content.replace('replicas: 3', 'replicas: 5');
      },
    }));
    const sh = wb.newSession({ columns: 80 });
    const { out } = await type(sh, 'kubectl edit rc kubia-v1');
    expect(out).toBe('replicationcontroller/kubia-v1 edited\n');
    expect(asked).toHaveLength(1);
    expect((await type(sh, "kubectl get rc kubia-v1 -o jsonpath='{.spec.replicas}'")).out).toBe('5');
    // Closed without saving: vi leaves the file as it was.
    wb.setEditorLoader(async () => ({ edit: async () => null }));
    const other = wb.newSession({ columns: 80 });
    await type(other, 'vi kubia-deployment-v1.yaml');
    expect((await type(other, 'grep -c replicas kubia-deployment-v1.yaml')).out).toBe('1\n');
  });

  it('reports task states, skips time, and pushes cluster snapshots at most every PUSH_MS', async () => {
    const { wb, host, sent } = await start();
    const states: boolean[] = [];
    wb.taskStates.on((s) => states.push(s.get('make-deployment') ?? false));
    const updates: ClusterUpdate[] = [];
    wb.clusterUpdates.on((u) => updates.push(u));
    const sh = wb.newSession({ columns: 80 });
    await type(sh, 'kubectl apply -f kubia-deployment-v1.yaml');
    const t0 = wb.time.now();
    await wb.time.skip(30);
    expect(wb.time.now() - t0).toBeGreaterThanOrEqual(30_000);
    await host.advance(1000);
    for (let i = 0; i < 20; i++) await turn();
    expect(states.at(-1)).toBe(true);
    const last = updates.at(-1)!.snapshot;
    expect(last.deployments.map((d) => [d.name, d.ready])).toEqual([['kubia', 3]]);
    expect(last.services.map((s) => s.name)).toEqual(['kubia']);
    // Plain data, and never two pushes within PUSH_MS of real time.
    const pushes = sent.filter((m) => m.type === 'cluster');
    expect(pushes.length).toBeGreaterThan(1);
    expect(pushes.length).toBeLessThanOrEqual(1 + Math.ceil(host.now() / PUSH_MS));
  });

  it('lights the pod that answered a curl', async () => {
    const { wb, host } = await start();
    const lit: string[] = [];
    wb.requests.on((pod) => lit.push(pod));
    const sh = wb.newSession({ columns: 80 });
    // A request takes a few virtual milliseconds: real time must pass for the clock to move.
    const curl = type(sh, 'curl -s http://34.64.140.187');
    await host.advance(500);
    const { out } = await curl;
    const pod = /pod (kubia-v1-\w+)/.exec(out)?.[1];
    for (let i = 0; i < 5; i++) await turn();
    expect(lit).toEqual([pod]);
  });

  it('runs a code block in the terminal built after the click (a phone builds it when scrolled to)', async () => {
    const { wb } = await start();
    const ran: string[] = [];
    const clicked = wb.runInTerminal('kubectl get po');
    await turn();
    wb.registerTerminal({ run: async (command) => (ran.push(command), 0), focus: () => {} });
    expect(await clicked).toBe(0);
    expect(ran).toEqual(['kubectl get po']);
  });

  it('starts the lesson over: a fresh cluster, shells kept with their history', async () => {
    const { wb } = await start();
    const sh = wb.newSession({ columns: 80 });
    await type(sh, 'kubectl delete rc kubia-v1');
    let resets = 0;
    wb.resets.on(() => resets++);
    await wb.reset();
    expect(resets).toBe(1);
    expect((await type(sh, 'kubectl get rc -o name')).out).toBe('replicationcontroller/kubia-v1\n');
    expect(sh.history).toEqual(['kubectl delete rc kubia-v1', 'kubectl get rc -o name']);
  });
});
