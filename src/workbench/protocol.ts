/**
 * The messages between a lesson page (main thread) and its sandbox worker. The sandbox, the time
 * driver, the shell sessions, the task checks and the cluster snapshots live in the worker so that
 * simulating the cluster never blocks the page; the page keeps xterm, line editing, Monaco and the
 * cluster view's DOM. Every message is plain data (structured-cloneable), and each direction is one
 * discriminated union on `type`.
 *
 * Ids: the page numbers its sessions (`session`), the commands it submits (`run`) and its
 * questions (`id`); the worker numbers its editor requests (`id` of `edit`). Replies carry the id.
 */
import type { Completion, kubernetesJsonSchema } from '../../sandbox/index';
import type { ClusterSnapshot } from './cluster/snapshot';
import type { ChartData } from './cluster/rollout-history';
import type { LessonFrontmatter, Task } from '../lessons/schema';
import type { Speed } from './time';

export interface WorkbenchConfig {
  /** The lesson page's key (locale-independent slug), for progress and the sandbox seed. */
  lesson: string;
  setup: Pick<LessonFrontmatter, 'cluster' | 'files'>;
  tasks: Task[];
  seed?: number;
}

/** The JSON schema the editor validates manifests with. */
export type KubernetesSchema = ReturnType<typeof kubernetesJsonSchema>;

/** The virtual clock as the time controls show it. */
export interface TimeState {
  /** Virtual time (epoch ms). */
  now: number;
  speed: Speed;
  skipping: boolean;
}

/** What became of a line typed at a prompt. */
export type LineResult =
  /** The line opened a construct (`for …; do`): the next prompt is `> `. */
  | { kind: 'continue' }
  /** Nothing to run (a blank line). */
  | { kind: 'empty' }
  /** The command ran; `exited`: it was `exit`, and a fresh shell (same history) took over. */
  | { kind: 'ran'; code: number; exited: boolean };

/** Task id → pass, in the lesson's task order. */
export type TaskStates = [id: string, pass: boolean][];

/** Page → worker. */
export type ToWorker =
  | { type: 'start'; config: WorkbenchConfig }
  /** Start the lesson over (answered by `reset`). */
  | { type: 'reset' }
  | { type: 'speed'; speed: Speed }
  /** Jump ahead (answered by `skipped`). */
  | { type: 'skip'; id: number; seconds: number }
  | { type: 'session-open'; session: number; columns: number }
  | { type: 'session-close'; session: number }
  /** A typed line (answered by `line-result`, with `output` before it). */
  | { type: 'line'; session: number; run: number; text: string }
  /** Ctrl+C while a command runs. */
  | { type: 'interrupt'; session: number }
  /** Ctrl+C at a `> ` prompt: drop the open construct. */
  | { type: 'cancel-input'; session: number }
  /** Ctrl+D at a `> ` prompt (answered by `end-of-input`). */
  | { type: 'end-input'; session: number; id: number }
  /** Tab (answered by `completion`). */
  | { type: 'complete'; session: number; id: number; line: string }
  | { type: 'columns'; session: number; columns: number }
  /** The page's answer to `edit`: the saved text, or null when closed without saving. */
  | { type: 'edit-result'; id: number; text: string | null }
  | { type: 'edit-failed'; id: number; message: string }
  /** The editor is loading: the schema of the manifests it validates (answered by `json-schema`). */
  | { type: 'json-schema'; id: number };

/** Worker → page. */
export type FromWorker =
  /** The lesson's cluster is up (after `start`). */
  | { type: 'ready'; time: TimeState; tasks: TaskStates }
  | { type: 'failed'; message: string }
  /** The lesson was started over: sessions run on the new cluster (their histories kept). */
  | { type: 'reset'; time: TimeState; tasks: TaskStates }
  | { type: 'time'; time: TimeState }
  | { type: 'skipped'; id: number }
  | { type: 'tasks'; tasks: TaskStates }
  /** A pod answered a request (a curl): the cluster view lights it. */
  | { type: 'request'; pod: string }
  | { type: 'output'; session: number; run: number; data: string }
  | { type: 'line-result'; session: number; run: number; result: LineResult; history: string[] }
  | { type: 'end-of-input'; session: number; id: number; message: string | undefined }
  | { type: 'completion'; session: number; id: number; completion: Completion }
  /** `kubectl edit`, `vi`, `nano`: open the editor and answer with `edit-result`. */
  | { type: 'edit'; id: number; fileName: string; content: string }
  /** Made from the API server's own OpenAPI documents, so the editor needs no sandbox code. */
  | { type: 'json-schema'; id: number; schema: KubernetesSchema }
  /** The cluster changed (at most a few times a second): what the cluster view and chart draw. */
  | { type: 'cluster'; snapshot: ClusterSnapshot; chart: ChartData };

/** One end of the channel: a Worker, the worker's global scope, or an in-memory pair in tests. */
export interface Endpoint<In, Out> {
  post(message: Out): void;
  listen(handler: (message: In) => void): void;
}
