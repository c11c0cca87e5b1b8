/**
 * One terminal pane's behaviour without the DOM: keys in, screen output out. It owns the shell
 * session, the line editor and the input queue. While a command runs, keys wait in the queue
 * (type-ahead) except Ctrl+C, which interrupts at once and throws the queue away, as a terminal's
 * line discipline does. Pastes and `run()` go through the same queue, so a multi-line paste runs
 * its lines one after another, each after the previous command has finished.
 */
import type { Completion, Session } from '../../../sandbox/index';
import { decodeKeys, type Key } from './keys';
import { LineRenderer } from './layout';
import { LineEditor } from './line-editor';
import { recallable } from './history';
import { formatColumns, tabOutcome } from './completion-view';

/** The screen as the controller needs it; the xterm pane implements it. */
export interface Screen {
  write(data: string): void;
  /** Resolves when everything written has reached the screen. */
  drain(): Promise<void>;
  /** xterm's cursor column (meaningful after `drain`). */
  cursorX(): number;
  columns(): number;
  bell?(): void;
  /** Drop output not yet shown (Ctrl+C flushes the output queue, as a terminal's line discipline does). */
  discardPending?(): void;
}

export interface ControllerOptions {
  screen: Screen;
  session: Session;
  complete(session: Session, line: string): Completion;
  /** Called once the first prompt is on the screen. */
  onReady?(): void;
  /** Text of the notice after `exit` (a new session starts). */
  exitNotice?: string;
  /** A fresh session when the old one exited. */
  newSession?(): Session;
}

type Item =
  | { kind: 'key'; key: Key }
  /** A line typed by `run()`: inserted literally, then Enter. */
  | { kind: 'line'; text: string }
  /** `run()` starts on a clean line. */
  | { kind: 'clear-line' }
  /** Resolves a `run()` once everything before it has run. */
  | { kind: 'mark'; resolve: (code: number) => void };

const DIM = '\x1b[2m';
const PLAIN = '\x1b[0m';

export class TerminalController {
  private session: Session;
  private readonly editor: LineEditor;
  private readonly renderer: LineRenderer;
  private state: 'starting' | 'prompt' | 'running' = 'starting';
  private queue: Item[] = [];
  private pumping = false;
  private lastWasTab = false;
  private interrupted = false;
  /** Bumped by a reset: output and completion of older runs are ignored. */
  private generation = 0;
  private lastCode = 0;

  constructor(private readonly opts: ControllerOptions) {
    this.session = opts.session;
    this.editor = new LineEditor(() => recallable(this.session.shell.history));
    this.renderer = new LineRenderer(opts.screen.columns());
  }

  get running(): boolean {
    return this.state === 'running';
  }

  get currentSession(): Session {
    return this.session;
  }

  /** Show the first prompt. */
  start(): void {
    this.state = 'prompt';
    this.showPrompt(this.opts.screen.cursorX());
    this.opts.onReady?.();
    this.pump();
  }

  /** Raw input from the terminal (typed keys, pastes). */
  input(data: string): void {
    for (const key of decodeKeys(data)) {
      if (key.kind === 'key' && key.name === 'C-c' && this.state === 'running') {
        this.interruptRun();
        continue;
      }
      if (key.kind === 'paste') {
        this.queuePaste(key.text);
        continue;
      }
      this.queue.push({ kind: 'key', key });
    }
    this.pump();
  }

  /** Type `command` (one or more lines) and run it; resolves with the last exit status. */
  run(command: string): Promise<number> {
    return new Promise((resolve) => {
      const lines = command.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
      this.queue.push({ kind: 'clear-line' });
      for (const text of lines) this.queue.push({ kind: 'line', text });
      this.queue.push({ kind: 'mark', resolve });
      this.pump();
    });
  }

  /** The lesson was reset: a new session on the new cluster, history kept. */
  async reset(session: Session, notice: string): Promise<void> {
    this.generation++;
    if (this.state === 'running') this.session.interrupt();
    session.shell.history.push(...this.session.shell.history);
    this.session = session;
    this.flushQueue(130);
    const wasShown = this.renderer.isShown;
    this.state = 'starting';
    let out = wasShown ? this.renderer.finish() : '';
    if (!wasShown) {
      await this.opts.screen.drain();
      if (this.opts.screen.cursorX() > 0) out += '\r\n';
    }
    this.opts.screen.write(`${out}${DIM}${notice}${PLAIN}\r\n`);
    this.editor.reset();
    this.state = 'prompt';
    this.showPrompt(0);
    this.pump();
  }

  /** The screen changed width: redraw the line being edited. */
  resize(columns: number): void {
    this.renderer.resize(columns);
    this.session.setColumns(columns);
    if (this.state === 'prompt' && this.renderer.isShown) this.redraw();
  }

  // ---- the queue --------------------------------------------------------------------------

  private queuePaste(text: string): void {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    lines.forEach((line, i) => {
      if (i < lines.length - 1) this.queue.push({ kind: 'line', text: line });
      else if (line) this.queue.push({ kind: 'key', key: { kind: 'paste', text: line } });
    });
  }

  private flushQueue(code: number): void {
    for (const item of this.queue.splice(0)) if (item.kind === 'mark') item.resolve(code);
  }

  private pump(): void {
    if (this.state !== 'prompt' || this.pumping) return;
    this.pumping = true;
    let dirty = false;
    try {
      while (this.state === 'prompt' && this.queue.length > 0) {
        const item = this.queue.shift()!;
        dirty = this.handle(item) || (dirty && this.state === 'prompt');
      }
      if (dirty && this.state === 'prompt') this.redraw();
    } finally {
      this.pumping = false;
    }
  }

  /** Handle one queued item at a prompt; true when the line must be redrawn. */
  private handle(item: Item): boolean {
    switch (item.kind) {
      case 'mark':
        item.resolve(this.lastCode);
        return false;
      case 'clear-line':
        if (this.session.prompt() !== '$ ') {
          this.cancelLine();
          return false;
        }
        if (this.editor.text || this.editor.searching) this.editor.reset();
        return true;
      case 'line':
        this.editor.insert(item.text);
        this.submit(this.editor.text);
        return false;
      case 'key':
        return this.key(item.key);
    }
  }

  private key(key: Key): boolean {
    const wasTab = this.lastWasTab;
    this.lastWasTab = false;
    const action = this.editor.handle(key);
    switch (action.kind) {
      case 'none':
        return true;
      case 'bell':
        this.opts.screen.bell?.();
        return true;
      case 'submit':
        this.submit(action.line);
        return false;
      case 'interrupt':
        this.cancelLine();
        return false;
      case 'eof': {
        if (this.session.prompt() === '$ ') return false;
        this.redraw();
        const msg = this.session.endOfInput() ?? '';
        this.opts.screen.write(this.renderer.finish() + msg.replace(/\n/g, '\r\n'));
        this.editor.reset();
        this.showPrompt(0);
        return false;
      }
      case 'clear':
        this.opts.screen.write('\x1b[H\x1b[2J');
        this.renderer.cleared();
        return true;
      case 'complete':
        this.lastWasTab = true;
        return this.tab(wasTab);
    }
  }

  private tab(again: boolean): boolean {
    const line = this.editor.beforeCursor();
    let c: Completion;
    try {
      c = this.opts.complete(this.session, line);
    } catch {
      c = { word: '', candidates: [] };
    }
    const outcome = tabOutcome(c.word, c.candidates, again);
    if (outcome.kind === 'bell') {
      this.opts.screen.bell?.();
      return true;
    }
    if (outcome.kind === 'insert') {
      this.editor.replaceBefore([...c.word].length, outcome.text);
      return true;
    }
    // List below the line, then draw the prompt and the line again.
    this.redraw();
    const rows = formatColumns(outcome.items, this.opts.screen.columns());
    this.opts.screen.write(this.renderer.finish() + rows.map((r) => `${r}\r\n`).join(''));
    this.showPrompt(0);
    return false;
  }

  /** Ctrl+C at a prompt: `^C`, the line (and an open `> ` construct) is dropped. */
  private cancelLine(): void {
    this.editor.reset(this.editor.text);
    this.redraw();
    this.opts.screen.write('^C' + this.renderer.finish());
    this.session.cancelInput();
    this.editor.reset();
    this.showPrompt(0);
  }

  private submit(line: string): void {
    this.editor.reset(line);
    this.redraw();
    this.opts.screen.write(this.renderer.finish());
    this.editor.reset();
    const r = this.session.feed(line);
    if (r.kind === 'run') this.startRun(r.source);
    else this.showPrompt(0);
  }

  // ---- running ----------------------------------------------------------------------------

  private startRun(source: string): void {
    this.state = 'running';
    this.interrupted = false;
    const gen = this.generation;
    const session = this.session;
    const sink = {
      write: (t: string) => {
        if (gen === this.generation) this.opts.screen.write(t.replace(/\n/g, '\r\n'));
      },
    };
    session
      .run(source, { stdout: sink, stderr: sink })
      .catch(() => 1)
      .then((code) => this.finished(gen, code));
  }

  private interruptRun(): void {
    this.session.interrupt();
    this.interrupted = true;
    this.opts.screen.discardPending?.();
    this.opts.screen.write('^C');
    this.flushQueue(130);
  }

  private async finished(gen: number, code: number): Promise<void> {
    if (gen !== this.generation) return;
    this.lastCode = code;
    const screen = this.opts.screen;
    if (this.interrupted) screen.write('\r\n');
    if (this.session.shell.exitCode !== undefined && this.opts.newSession) {
      const next = this.opts.newSession();
      next.shell.history.push(...this.session.shell.history);
      this.session = next;
      if (this.opts.exitNotice) screen.write(`${DIM}${this.opts.exitNotice}${PLAIN}\r\n`);
    }
    await screen.drain();
    if (gen !== this.generation) return;
    this.state = 'prompt';
    this.showPrompt(screen.cursorX());
    this.pump();
  }

  // ---- drawing ----------------------------------------------------------------------------

  private showPrompt(startCol: number): void {
    let col = startCol;
    if (col >= this.opts.screen.columns()) {
      this.opts.screen.write('\r\n');
      col = 0;
    }
    this.renderer.begin(col);
    this.redraw();
  }

  private redraw(): void {
    this.opts.screen.write(this.renderer.render(this.editor.view(this.session.prompt())));
  }
}
