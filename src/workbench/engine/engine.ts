/**
 * The worker side of the workbench: the lesson's sandbox (built by `src/lessons/setup.ts`), the
 * reader's files, the time driver, one shell per terminal pane, the task checks and the cluster
 * view's data. It answers the page's messages (`protocol.ts`) and tells the page what changed.
 * It knows nothing of Worker globals: the worker entry hands it an endpoint, tests an in-memory one.
 */
import { kubernetesJsonSchema, type EditorHost, type MemoryFs, type Sandbox } from '../../../sandbox/index';
import { prepareLesson } from '../../lessons/setup';
import type { Endpoint, FromWorker, TimeState, ToWorker, WorkbenchConfig } from '../protocol';
import { TimeDriver, type Host } from '../time';
import { ClusterFeed } from './cluster-feed';
import { LocalShell, type ShellEnv } from './local-shell';
import { TaskChecks } from './task-checks';

/** Real milliseconds between two looks at the cluster when time stands still (kubectl while paused). */
const POLL_MS = 250;

interface Lesson {
  sandbox: Sandbox;
  fs: MemoryFs;
}

interface PendingEdit {
  resolve: (text: string | null) => void;
  reject: (err: Error) => void;
}

export class WorkbenchEngine {
  private config: WorkbenchConfig | undefined;
  private lesson: Lesson | undefined;
  /** Settles when the current (re)build is done; session messages wait for it. */
  private built: Promise<void> = new Promise(() => {});
  private time: TimeDriver | undefined;
  private checks: TaskChecks | undefined;
  private readonly feed: ClusterFeed;
  private readonly shells = new Map<number, LocalShell>();
  private readonly edits = new Map<number, PendingEdit>();
  private nextEdit = 0;
  private unhookNetwork: (() => void) | undefined;
  private poll: unknown;

  constructor(
    private readonly endpoint: Endpoint<ToWorker, FromWorker>,
    private readonly host: Host,
  ) {
    this.feed = new ClusterFeed((m) => this.post(m), host);
    endpoint.listen((m) => this.handle(m));
  }

  /** The lesson's sandbox (tests reach into it; the page never does). */
  get sandbox(): Sandbox | undefined {
    return this.lesson?.sandbox;
  }

  private post(message: FromWorker): void {
    this.endpoint.post(message);
  }

  /** What `kubectl edit` and `vi`/`nano`/`code` call: the page opens its editor and answers. */
  private readonly editor: EditorHost = {
    edit: (fileName, content) =>
      new Promise((resolve, reject) => {
        const id = ++this.nextEdit;
        this.edits.set(id, { resolve, reject });
        this.post({ type: 'edit', id, fileName, content });
      }),
  };

  private env(): ShellEnv {
    const { sandbox, fs } = this.lesson!;
    return { sandbox, fs, editor: this.editor, yieldToHost: () => this.host.yield() };
  }

  private timeState(): TimeState {
    const time = this.time!;
    return { now: time.now(), speed: time.speed, skipping: time.isSkipping };
  }

  handle(m: ToWorker): void {
    switch (m.type) {
      case 'start':
        this.config = m.config;
        this.built = this.start();
        return;
      case 'reset':
        this.built = this.built
          .then(() => this.reset())
          .catch((err: unknown) => console.error('workbench: the lesson could not restart', err));
        return;
      case 'speed':
        this.time?.setSpeed(m.speed);
        return;
      case 'skip':
        void this.built
          .then(() => this.time?.skip(m.seconds))
          .finally(() => this.post({ type: 'skipped', id: m.id }));
        return;
      case 'edit-result':
        this.edits.get(m.id)?.resolve(m.text);
        this.edits.delete(m.id);
        return;
      case 'edit-failed':
        this.edits.get(m.id)?.reject(new Error(m.message));
        this.edits.delete(m.id);
        return;
      case 'json-schema':
        this.post({ type: 'json-schema', id: m.id, schema: kubernetesJsonSchema() });
        return;
      default:
        // Session messages wait for the cluster; they keep their order (one promise, FIFO).
        void this.built.then(() => this.session(m));
    }
  }

  private session(m: Extract<ToWorker, { session: number }>): void {
    if (!this.lesson) return;
    if (m.type === 'session-open') {
      this.shells.set(m.session, new LocalShell(this.env(), m.columns));
      return;
    }
    const shell = this.shells.get(m.session);
    if (!shell) return;
    switch (m.type) {
      case 'session-close':
        shell.interrupt();
        this.shells.delete(m.session);
        return;
      case 'line':
        void this.line(shell, m.session, m.run, m.text);
        return;
      case 'interrupt':
        shell.interrupt();
        return;
      case 'cancel-input':
        shell.cancelInput();
        return;
      case 'end-input':
        this.post({ type: 'end-of-input', session: m.session, id: m.id, message: shell.endOfInput() });
        return;
      case 'complete':
        this.post({ type: 'completion', session: m.session, id: m.id, completion: shell.complete(m.line) });
        return;
      case 'columns':
        shell.setColumns(m.columns);
        return;
    }
  }

  /**
   * Run a typed line. Output is batched per turn: a command's writes within one step of the shell
   * become one message, so a chatty command costs the page a task per step, not per write.
   */
  private async line(shell: LocalShell, session: number, run: number, text: string): Promise<void> {
    let buffered = '';
    const flush = (): void => {
      if (!buffered) return;
      this.post({ type: 'output', session, run, data: buffered });
      buffered = '';
    };
    const result = await shell.line(text, (data) => {
      if (!buffered) queueMicrotask(flush);
      buffered += data;
    });
    flush();
    this.post({ type: 'line-result', session, run, result, history: [...shell.history] });
    this.look();
  }

  // ---- the lesson -------------------------------------------------------------------------

  private async build(): Promise<void> {
    this.unhookNetwork?.();
    this.lesson?.sandbox.stop();
    const config = this.config!;
    const lesson = await prepareLesson(config.setup, {
      seed: config.seed ?? 1,
      yieldToHost: () => this.host.yield(),
    });
    this.lesson = lesson;
    this.unhookNetwork = lesson.sandbox.network.onRequest((e) => {
      if (e.pod) this.post({ type: 'request', pod: e.pod.name });
    });
  }

  private async start(): Promise<void> {
    const config = this.config!;
    try {
      await this.build();
    } catch (err) {
      console.error('workbench: the lesson could not start', err);
      this.post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    const sandbox = this.lesson!.sandbox;
    this.checks = new TaskChecks(config.tasks);
    this.checks.check(sandbox.api);
    const time = new TimeDriver(sandbox.clock, this.host);
    this.time = time;
    time.onChange(() => {
      this.post({ type: 'time', time: this.timeState() });
      this.look();
    });
    this.post({ type: 'ready', time: this.timeState(), tasks: this.checks.current });
    this.feed.update(sandbox.api, time.now());
    time.start();
    this.schedulePoll();
  }

  private async reset(): Promise<void> {
    if (!this.lesson) return;
    await this.build();
    const sandbox = this.lesson!.sandbox;
    const env = this.env();
    for (const shell of this.shells.values()) shell.rebind(env);
    this.time!.attach(sandbox.clock);
    this.checks!.reset();
    this.checks!.check(sandbox.api);
    this.post({ type: 'reset', time: this.timeState(), tasks: this.checks!.current });
    this.feed.reset(sandbox.api, this.time!.now());
  }

  /** The cluster may have changed: re-run the checks and feed the cluster view. */
  private look(): void {
    const sandbox = this.lesson?.sandbox;
    if (!sandbox || !this.checks || !this.time) return;
    const tasks = this.checks.check(sandbox.api);
    if (tasks) this.post({ type: 'tasks', tasks });
    this.feed.update(sandbox.api, this.time.now());
  }

  private schedulePoll(): void {
    this.poll = this.host.setTimeout(() => {
      this.look();
      this.schedulePoll();
    }, POLL_MS);
  }

  /** Stop the clock and the poll (tests; a worker simply ends with its page). */
  stop(): void {
    this.time?.stop();
    if (this.poll !== undefined) this.host.clearTimeout(this.poll);
    this.poll = undefined;
  }
}
