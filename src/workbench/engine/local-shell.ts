/**
 * One terminal pane's shell, worker side: a sandbox session that outlives `exit` (a fresh shell
 * with the same history takes over, as a terminal app opens a new one) and a lesson reset (the
 * running command stops; the shell continues on the new cluster).
 */
import {
  complete,
  createSession,
  type Completion,
  type EditorHost,
  type MemoryFs,
  type Sandbox,
  type Session,
} from '../../../sandbox/index';
import type { LineResult } from '../protocol';

export interface ShellEnv {
  sandbox: Sandbox;
  fs: MemoryFs;
  editor?: EditorHost;
  /** Let the host breathe between steps of a loop (the time driver waits for these turns). */
  yieldToHost?: () => Promise<void>;
}

export class LocalShell {
  private session: Session;

  constructor(
    private env: ShellEnv,
    private columns: number,
  ) {
    this.session = this.create([]);
  }

  private create(history: readonly string[]): Session {
    const session = createSession({
      sandbox: this.env.sandbox,
      fs: this.env.fs,
      isTTY: true,
      columns: this.columns,
      ...(this.env.editor ? { editor: this.env.editor } : {}),
      ...(this.env.yieldToHost ? { yieldToHost: this.env.yieldToHost } : {}),
    });
    session.shell.history.push(...history);
    return session;
  }

  get history(): readonly string[] {
    return this.session.shell.history;
  }

  /** A line typed at the prompt: run it when it completes a command, streaming to `out`. */
  async line(text: string, out: (data: string) => void): Promise<LineResult> {
    const fed = this.session.feed(text);
    // A blank line still brings bash's reports of background jobs that ended.
    if (fed.kind === 'empty') out(this.session.shell.jobs.notices());
    if (fed.kind !== 'run') return { kind: fed.kind };
    const session = this.session;
    const sink = { write: out };
    const code = await session.run(fed.source, { stdout: sink, stderr: sink }).catch(() => 1);
    const exited = session.shell.exitCode !== undefined;
    if (exited && session === this.session) {
      session.shell.hangUp();
      this.session = this.create(session.shell.history);
    }
    return { kind: 'ran', code, exited };
  }

  interrupt(): void {
    this.session.interrupt();
  }

  cancelInput(): void {
    this.session.cancelInput();
  }

  /** Ctrl+D at a `> ` prompt: bash's end-of-file error (the open construct is dropped). */
  endOfInput(): string | undefined {
    return this.session.endOfInput();
  }

  complete(line: string): Completion {
    try {
      return complete(this.session.shell, line, { api: this.env.sandbox.api });
    } catch {
      return { word: '', candidates: [] };
    }
  }

  setColumns(columns: number): void {
    this.columns = columns;
    this.session.setColumns(columns);
  }

  /** The lesson was reset: stop what runs; the shell goes on in the new cluster, history kept. */
  rebind(env: ShellEnv): void {
    this.session.interrupt();
    this.session.shell.hangUp();
    this.env = env;
    this.session = this.create(this.session.shell.history);
  }
}
