/**
 * The workbench of one lesson page, as the islands see it. The lesson's sandbox, its clock, the
 * shells and the task checks run in a worker (`engine/engine.ts`); this object is the page's side
 * of that conversation (`protocol.ts`): terminal sessions, the clock and its controls, task
 * states, pods lit by requests, cluster snapshots, the editor bridge and the lesson reset.
 * Islands (terminal, editor, cluster view, tasks, code blocks) get it from `workbench()`.
 */
import type { EditorHost } from '../../sandbox/index';
import type { ClusterSnapshot } from './cluster/snapshot';
import type { ChartData } from './cluster/rollout-history';
import type {
  Endpoint,
  FromWorker,
  KubernetesSchema,
  TaskStates,
  TimeState,
  ToWorker,
  WorkbenchConfig,
} from './protocol';
import { RemoteSession } from './remote-session';
import type { Speed } from './time';
import { startSandboxWorker } from './worker-endpoint';

export type { WorkbenchConfig } from './protocol';

/** A terminal pane as the rest of the page sees it (the terminal island implements it). */
export interface TerminalPane {
  /**
   * Type a command (one or more lines) as if the reader had typed it and pressed Enter; resolves
   * with the exit code when it has finished (Ctrl+C included).
   */
  run(command: string): Promise<number>;
  focus(): void;
}

/** The editor as the shell and kubectl see it; the editor island registers the real one. */
export type EditorImpl = EditorHost;

/** The cluster as the cluster view draws it. */
export interface ClusterUpdate {
  snapshot: ClusterSnapshot;
  chart: ChartData;
}

type Listener<T> = (value: T) => void;

class Emitter<T> {
  private readonly set = new Set<Listener<T>>();
  on(fn: Listener<T>): () => void {
    this.set.add(fn);
    return () => this.set.delete(fn);
  }
  emit(value: T): void {
    for (const fn of this.set) fn(value);
  }
}

/** The worker's clock, mirrored: the time controls read it and ask for changes. */
export class TimeView {
  private state: TimeState = { now: 0, speed: 1, skipping: false };
  private readonly changes = new Emitter<void>();
  private readonly skips = new Map<number, () => void>();
  private nextSkip = 0;

  constructor(private readonly send: (message: ToWorker) => void) {}

  /** Virtual time now (epoch ms), as of the worker's last report. */
  now(): number {
    return this.state.now;
  }

  get speed(): Speed {
    return this.state.speed;
  }

  get isSkipping(): boolean {
    return this.state.skipping;
  }

  /** Called after virtual time moved, the speed changed or a skip started/ended. */
  onChange(fn: () => void): () => void {
    return this.changes.on(fn);
  }

  setSpeed(speed: Speed): void {
    // Shown at once; the worker confirms with its next report.
    this.update({ ...this.state, speed });
    this.send({ type: 'speed', speed });
  }

  /** Jump ahead; resolves when the worker has done everything due in that span. */
  skip(seconds: number): Promise<void> {
    const id = ++this.nextSkip;
    return new Promise((resolve) => {
      this.skips.set(id, resolve);
      this.send({ type: 'skip', id, seconds });
    });
  }

  update(state: TimeState): void {
    this.state = state;
    this.changes.emit();
  }

  skipped(id: number): void {
    this.skips.get(id)?.();
    this.skips.delete(id);
  }
}

export class Workbench {
  readonly time: TimeView;
  /** Fired after the lesson was started over (sessions go on in the new cluster). */
  readonly resets = new Emitter<void>();
  /** The pod that answered each request the cluster network served (a curl), to light it. */
  readonly requests = new Emitter<string>();
  /** Task states after the cluster changed: task id → pass. */
  readonly taskStates = new Emitter<ReadonlyMap<string, boolean>>();
  /** The cluster changed (a few times a second at most). */
  readonly clusterUpdates = new Emitter<ClusterUpdate>();
  private clusterNow: ClusterUpdate | undefined;
  private states: ReadonlyMap<string, boolean> = new Map();
  private readonly sessions = new Map<number, RemoteSession>();
  private nextSession = 0;
  private terminals: TerminalPane[] = [];
  private active: TerminalPane | undefined;
  /** `runInTerminal` calls that came before the first pane was built. */
  private awaitingPane: ((pane: TerminalPane) => void)[] = [];
  private editorImpl: EditorImpl | undefined;
  private editorLoader: (() => Promise<EditorImpl>) | undefined;
  private started: { resolve: () => void; reject: (err: Error) => void } | undefined;
  private resetting: (() => void)[] = [];
  private readonly schemas = new Map<number, (schema: KubernetesSchema) => void>();
  private nextSchema = 0;

  private constructor(private readonly endpoint: Endpoint<FromWorker, ToWorker>) {
    this.time = new TimeView((m) => this.send(m));
    endpoint.listen((m) => this.receive(m));
  }

  /** Start the lesson in the worker behind `endpoint`; resolves once its cluster is up. */
  static create(config: WorkbenchConfig, endpoint: Endpoint<FromWorker, ToWorker>): Promise<Workbench> {
    const wb = new Workbench(endpoint);
    return new Promise((resolve, reject) => {
      wb.started = { resolve: () => resolve(wb), reject };
      wb.send({ type: 'start', config });
    });
  }

  private send(message: ToWorker): void {
    this.endpoint.post(message);
  }

  private receive(m: FromWorker): void {
    if ('session' in m) {
      this.sessions.get(m.session)?.receive(m);
      return;
    }
    switch (m.type) {
      case 'ready':
        this.time.update(m.time);
        this.setTasks(m.tasks);
        this.started?.resolve();
        this.started = undefined;
        return;
      case 'failed':
        this.started?.reject(new Error(m.message));
        this.started = undefined;
        return;
      case 'reset':
        for (const s of this.sessions.values()) s.reset();
        this.time.update(m.time);
        this.setTasks(m.tasks);
        this.resets.emit();
        for (const done of this.resetting.splice(0)) done();
        return;
      case 'time':
        this.time.update(m.time);
        return;
      case 'skipped':
        this.time.skipped(m.id);
        return;
      case 'tasks':
        this.setTasks(m.tasks);
        return;
      case 'request':
        this.requests.emit(m.pod);
        return;
      case 'edit':
        void this.edit(m.id, m.fileName, m.content);
        return;
      case 'cluster':
        this.clusterNow = { snapshot: m.snapshot, chart: m.chart };
        this.clusterUpdates.emit(this.clusterNow);
        return;
      case 'json-schema':
        this.schemas.get(m.id)?.(m.schema);
        this.schemas.delete(m.id);
        return;
    }
  }

  /** Start the lesson over: a fresh cluster and files; terminals keep their history. */
  reset(): Promise<void> {
    return new Promise((resolve) => {
      this.resetting.push(resolve);
      this.send({ type: 'reset' });
    });
  }

  /** A new shell on this cluster (one per terminal pane). */
  newSession(opts: { columns: number }): RemoteSession {
    const session = new RemoteSession(++this.nextSession, (m) => this.send(m), opts.columns);
    this.sessions.set(session.id, session);
    return session;
  }

  closeSession(session: RemoteSession): void {
    session.close();
    this.sessions.delete(session.id);
  }

  /** The latest cluster picture (the cluster view may mount after the first one arrived). */
  get cluster(): ClusterUpdate | undefined {
    return this.clusterNow;
  }

  // ---- terminals --------------------------------------------------------------------------

  registerTerminal(pane: TerminalPane): () => void {
    this.terminals.push(pane);
    this.active ??= pane;
    for (const resume of this.awaitingPane.splice(0)) resume(this.active);
    return () => {
      this.terminals = this.terminals.filter((p) => p !== pane);
      if (this.active === pane) this.active = this.terminals[0];
    };
  }

  setActiveTerminal(pane: TerminalPane): void {
    this.active = pane;
  }

  /** Run a command in the terminal the reader used last (code blocks, "show me"). */
  async runInTerminal(command: string): Promise<number> {
    const pane = this.active ?? (await new Promise<TerminalPane>((resume) => this.awaitingPane.push(resume)));
    pane.focus();
    return pane.run(command);
  }

  // ---- editor -----------------------------------------------------------------------------

  /** The editor module registers a loader; Monaco itself loads on the first edit. */
  setEditorLoader(load: () => Promise<EditorImpl>): void {
    this.editorLoader = load;
  }

  /** The JSON schema of the manifests the editor validates (the worker makes it from the API server). */
  jsonSchema(): Promise<KubernetesSchema> {
    const id = ++this.nextSchema;
    return new Promise((resolve) => {
      this.schemas.set(id, resolve);
      this.send({ type: 'json-schema', id });
    });
  }

  /** `kubectl edit`, `vi`, `nano` in the worker: open the editor, answer with the saved text. */
  private async edit(id: number, fileName: string, content: string): Promise<void> {
    try {
      if (!this.editorImpl && this.editorLoader) this.editorImpl = await this.editorLoader();
      if (!this.editorImpl) throw new Error('no editor is available on this page');
      const text = await this.editorImpl.edit(fileName, content);
      this.send({ type: 'edit-result', id, text });
    } catch (err) {
      this.send({ type: 'edit-failed', id, message: err instanceof Error ? err.message : String(err) });
    }
  }

  // ---- tasks ------------------------------------------------------------------------------

  private setTasks(tasks: TaskStates): void {
    this.states = new Map(tasks);
    this.taskStates.emit(this.states);
  }

  get taskState(): ReadonlyMap<string, boolean> {
    return this.states;
  }
}

let current: Promise<Workbench> | undefined;
const waiting: ((wb: Promise<Workbench>) => void)[] = [];

/** The page's workbench, created once by the workbench island; other islands wait for it. */
export function createWorkbench(
  config: WorkbenchConfig,
  endpoint: () => Endpoint<FromWorker, ToWorker> = startSandboxWorker,
): Promise<Workbench> {
  if (!current) {
    current = Workbench.create(config, endpoint());
    for (const w of waiting.splice(0)) w(current);
  }
  return current;
}

export function workbench(): Promise<Workbench> {
  if (current) return current;
  return new Promise((resolve) => waiting.push((p) => resolve(p)));
}
