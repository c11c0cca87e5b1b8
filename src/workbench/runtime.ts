/**
 * The workbench of one lesson page: the sandbox the lesson starts from, the reader's file system,
 * terminal sessions on that one cluster, the time driver, the editor bridge and the task checks.
 * Islands (terminal, editor, cluster view, tasks, code blocks) get it from `workbench()` and talk
 * to the sandbox only through what this object hands out.
 */
import {
  createSession,
  type EditorHost,
  type RequestEvent,
  type Sandbox,
  type Session,
} from '../../sandbox/index';
import type { MemoryFs } from '../../sandbox/index';
import { evaluateCheck } from '../lessons/check';
import type { LessonFrontmatter, Task } from '../lessons/schema';
import { prepareLesson } from '../lessons/setup';
import { browserHost, TimeDriver, type Host } from './time';

export interface WorkbenchConfig {
  /** The lesson page's key (locale-independent slug), for progress and the sandbox seed. */
  lesson: string;
  setup: Pick<LessonFrontmatter, 'cluster' | 'files'>;
  tasks: Task[];
  seed?: number;
}

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
export interface EditorImpl extends EditorHost {
  /** Open a file of the reader's home directory for editing (the editor saves into the fs). */
  open?(path: string): Promise<void>;
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

export class Workbench {
  sandbox!: Sandbox;
  fs!: MemoryFs;
  readonly time: TimeDriver;
  /** Fired after the sandbox was (re)built: sessions must be re-created. */
  readonly resets = new Emitter<Sandbox>();
  /** Every request the cluster network served (curl), for the cluster view to light pods. */
  readonly requests = new Emitter<RequestEvent>();
  /** Task states after a check run: task id → pass. */
  readonly taskStates = new Emitter<ReadonlyMap<string, boolean>>();
  private terminals: TerminalPane[] = [];
  private active: TerminalPane | undefined;
  private editorImpl: EditorImpl | undefined;
  private editorLoader: (() => Promise<EditorImpl>) | undefined;
  private unhookNetwork: (() => void) | undefined;
  private lastChecked = -1;
  private states = new Map<string, boolean>();

  private constructor(
    readonly config: WorkbenchConfig,
    readonly host: Host,
  ) {
    this.time = new TimeDriver(undefined as never, host);
  }

  static async create(config: WorkbenchConfig, host: Host = browserHost()): Promise<Workbench> {
    const wb = new Workbench(config, host);
    await wb.build();
    wb.time.onChange(() => wb.checkTasks());
    wb.time.start();
    return wb;
  }

  private async build(): Promise<void> {
    this.unhookNetwork?.();
    this.sandbox?.stop();
    const { sandbox, fs } = await prepareLesson(this.config.setup, {
      seed: this.config.seed ?? 1,
      yieldToHost: () => this.host.yield(),
    });
    this.sandbox = sandbox;
    this.fs = fs;
    this.unhookNetwork = sandbox.network.onRequest((e) => this.requests.emit(e));
    this.time.attach(sandbox.clock);
    this.lastChecked = -1;
    this.checkTasks();
    this.resets.emit(sandbox);
  }

  /** Start the lesson over: a fresh cluster and files; terminals re-create their sessions. */
  async reset(): Promise<void> {
    await this.build();
  }

  /** A new shell session on this cluster (one per terminal pane). */
  newSession(opts: { columns?: number } = {}): Session {
    return createSession({
      sandbox: this.sandbox,
      fs: this.fs,
      editor: this.editor,
      isTTY: true,
      yieldToHost: () => this.host.yield(),
      ...(opts.columns !== undefined ? { columns: opts.columns } : {}),
    });
  }

  // ---- terminals --------------------------------------------------------------------------

  registerTerminal(pane: TerminalPane): () => void {
    this.terminals.push(pane);
    this.active ??= pane;
    return () => {
      this.terminals = this.terminals.filter((p) => p !== pane);
      if (this.active === pane) this.active = this.terminals[0];
    };
  }

  setActiveTerminal(pane: TerminalPane): void {
    this.active = pane;
  }

  /** Run a command in the terminal the reader used last (code blocks, "show me"). */
  async runInTerminal(command: string): Promise<number | undefined> {
    const pane = this.active;
    if (!pane) return undefined;
    pane.focus();
    return pane.run(command);
  }

  // ---- editor -----------------------------------------------------------------------------

  /** The editor module registers a loader; Monaco itself loads on the first edit. */
  setEditorLoader(load: () => Promise<EditorImpl>): void {
    this.editorLoader = load;
  }

  private async editorNow(): Promise<EditorImpl | undefined> {
    if (!this.editorImpl && this.editorLoader) this.editorImpl = await this.editorLoader();
    return this.editorImpl;
  }

  /** What `kubectl edit` and `vi`/`nano`/`code` call. */
  readonly editor: EditorHost = {
    edit: async (fileName, content) => {
      const impl = await this.editorNow();
      if (!impl) throw new Error('no editor is available on this page');
      return impl.edit(fileName, content);
    },
  };

  async openFile(path: string): Promise<void> {
    const impl = await this.editorNow();
    await impl?.open?.(path);
  }

  // ---- tasks ------------------------------------------------------------------------------

  /** Re-evaluate the task checks when the cluster changed since the last run. */
  checkTasks(): void {
    const rv = this.sandbox.api.cache.resourceVersion();
    if (rv === this.lastChecked) return;
    this.lastChecked = rv;
    const next = new Map<string, boolean>();
    for (const task of this.config.tasks) next.set(task.id, evaluateCheck(this.sandbox.api, task.check).pass);
    this.states = next;
    this.taskStates.emit(next);
  }

  get taskState(): ReadonlyMap<string, boolean> {
    return this.states;
  }
}

let current: Promise<Workbench> | undefined;

/** The page's workbench, created once by the workbench island; other islands wait for it. */
export function createWorkbench(config: WorkbenchConfig): Promise<Workbench> {
  if (!current) {
    current = Workbench.create(config);
    for (const w of waiting.splice(0)) w(current);
  }
  return current;
}

const waiting: ((wb: Promise<Workbench>) => void)[] = [];

export function workbench(): Promise<Workbench> {
  if (current) return current;
  return new Promise((resolve) => waiting.push((p) => resolve(p)));
}
