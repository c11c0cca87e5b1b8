/**
 * A terminal pane's shell as the page sees it: lines go to the worker, output chunks and the
 * outcome come back. The prompt and the history are mirrored here, so the line editor reads them
 * without asking the worker.
 */
import type { Completion } from '../../sandbox/index';
import type { FromWorker, LineResult, ToWorker } from './protocol';

/** What a terminal controller needs of its shell. */
export interface ShellSession {
  /** The prompt for the next line: `$ `, or `> ` inside an open construct. */
  prompt(): string;
  /** The commands run so far (for Up/Down and Ctrl+R). */
  readonly history: readonly string[];
  /** A typed line (without its newline); output streams to `out` while the command runs. */
  line(text: string, out: (data: string) => void): Promise<LineResult>;
  /** Ctrl+C while a command runs. */
  interrupt(): void;
  /** Ctrl+C at a `> ` prompt: drop the open construct. */
  cancelInput(): void;
  /** Ctrl+D at a `> ` prompt: bash's end-of-file error, if any. */
  endOfInput(): Promise<string | undefined>;
  complete(line: string): Promise<Completion>;
  setColumns(columns: number): void;
  /** Output of a background job (`cmd &`) after the line that started it has finished. */
  onBackground(handler: (data: string) => void): void;
}

type SessionMessage = Extract<FromWorker, { session: number }>;

interface Run {
  out: (data: string) => void;
  resolve: (result: LineResult) => void;
}

export class RemoteSession implements ShellSession {
  history: readonly string[] = [];
  private continuing = false;
  private readonly runs = new Map<number, Run>();
  private readonly questions = new Map<number, (message: SessionMessage) => void>();
  private nextId = 0;
  /** Lines that ended normally: what they still print comes from their background jobs. */
  private readonly ended = new Set<number>();
  private backgroundOut: ((data: string) => void) | undefined;

  constructor(
    readonly id: number,
    private readonly send: (message: ToWorker) => void,
    columns: number,
  ) {
    send({ type: 'session-open', session: id, columns });
  }

  prompt(): string {
    return this.continuing ? '> ' : '$ ';
  }

  line(text: string, out: (data: string) => void): Promise<LineResult> {
    const run = ++this.nextId;
    return new Promise((resolve) => {
      this.runs.set(run, { out, resolve });
      this.send({ type: 'line', session: this.id, run, text });
    });
  }

  interrupt(): void {
    this.send({ type: 'interrupt', session: this.id });
  }

  cancelInput(): void {
    this.continuing = false;
    this.send({ type: 'cancel-input', session: this.id });
  }

  endOfInput(): Promise<string | undefined> {
    this.continuing = false;
    return this.ask(
      (id) => ({ type: 'end-input', session: this.id, id }),
      (m) => (m.type === 'end-of-input' ? m.message : undefined),
    );
  }

  complete(line: string): Promise<Completion> {
    return this.ask(
      (id) => ({ type: 'complete', session: this.id, id, line }),
      (m) => (m.type === 'completion' ? m.completion : { word: '', candidates: [] }),
    );
  }

  setColumns(columns: number): void {
    this.send({ type: 'columns', session: this.id, columns });
  }

  onBackground(handler: (data: string) => void): void {
    this.backgroundOut = handler;
  }

  /** The pane closed: the worker drops the shell; commands still waiting end as interrupted. */
  close(): void {
    this.send({ type: 'session-close', session: this.id });
    this.dropRuns();
  }

  /** The lesson was reset: the worker stopped the running command; its shell starts on a fresh line. */
  reset(): void {
    this.continuing = false;
    this.dropRuns();
  }

  /** Commands still waiting end as interrupted; what the worker still says about them is ignored. */
  private dropRuns(): void {
    for (const run of this.runs.values()) run.resolve({ kind: 'ran', code: 130, exited: false });
    this.runs.clear();
    this.ended.clear();
  }

  /** A message from the worker about this session. */
  receive(m: SessionMessage): void {
    switch (m.type) {
      case 'output': {
        const run = this.runs.get(m.run);
        if (run) run.out(m.data);
        else if (this.ended.has(m.run)) this.backgroundOut?.(m.data);
        return;
      }
      case 'line-result': {
        const run = this.runs.get(m.run);
        if (!run) return;
        this.runs.delete(m.run);
        this.ended.add(m.run);
        this.history = m.history;
        this.continuing = m.result.kind === 'continue';
        run.resolve(m.result);
        return;
      }
      case 'end-of-input':
      case 'completion': {
        const answer = this.questions.get(m.id);
        this.questions.delete(m.id);
        answer?.(m);
        return;
      }
    }
  }

  private ask<T>(question: (id: number) => ToWorker, read: (m: SessionMessage) => T): Promise<T> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.questions.set(id, (m) => resolve(read(m)));
      this.send(question(id));
    });
  }
}
