/**
 * One terminal pane's behaviour without the DOM: keys in, screen output out. It owns the line
 * editor and the input queue; the shell behind it (in the sandbox worker) answers each line, Tab
 * and Ctrl+D asynchronously. While a command runs (or an answer is awaited), keys wait in the queue
 * (type-ahead) except Ctrl+C, which interrupts a running command at once and throws the queue away,
 * as a terminal's line discipline does. Pastes and `run()` go through the same queue, so a
 * multi-line paste runs its lines one after another, each after the previous command has finished.
 */
import type { Completion } from '../../../sandbox/index';
import type { LineResult } from '../protocol';
import type { ShellSession } from '../remote-session';
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
  session: ShellSession;
  /** Called once the first prompt is on the screen. */
  onReady?(): void;
  /** Text of the notice after `exit` (a new shell takes over). */
  exitNotice?: string;
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
  private readonly session: ShellSession;
  private readonly editor: LineEditor;
  private readonly renderer: LineRenderer;
  /** `running`: a submitted line; `waiting`: at the prompt, for the shell's answer (Tab, Ctrl+D). */
  private state: 'starting' | 'prompt' | 'running' | 'waiting' = 'starting';
  private queue: Item[] = [];
  private pumping = false;
  private lastWasTab = false;
  private interrupted = false;
  /** Bumped by a reset: output and completion of older runs are ignored. */
  private generation = 0;
  private lastCode = 0;

  constructor(private readonly opts: ControllerOptions) {
    this.session = opts.session;
    this.session.onBackground((data) => this.background(data));
    this.editor = new LineEditor(() => recallable(this.session.history));
    this.renderer = new LineRenderer(opts.screen.columns());
  }

  get running(): boolean {
    return this.state === 'running';
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

  /** The lesson was reset: the shell (stopped by the worker) goes on in the new cluster. */
  async reset(notice: string): Promise<void> {
    this.generation++;
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
        // A submitted line was drawn for the last time; a line waiting for Tab's answer was not.
        dirty = this.handle(item) || (dirty && !this.running);
      }
      if (dirty && !this.running) this.redraw();
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
        this.await(this.session.endOfInput(), undefined, (msg) => {
          this.opts.screen.write(this.renderer.finish() + (msg ?? '').replace(/\n/g, '\r\n'));
          this.editor.reset();
          this.showPrompt(0);
          return false;
        });
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
    const none: Completion = { word: '', candidates: [] };
    this.await(this.session.complete(this.editor.beforeCursor()), none, (c) => this.completed(c, again));
    return false;
  }

  /**
   * Wait at the prompt for the shell's answer (keys queue meanwhile), then `then` it; `then` says
   * whether the line must be redrawn. A reset in between drops the answer.
   */
  private await<T>(answer: Promise<T>, fallback: T, then: (value: T) => boolean): void {
    this.state = 'waiting';
    const gen = this.generation;
    void answer
      .catch(() => fallback)
      .then((value) => {
        if (gen !== this.generation) return;
        this.state = 'prompt';
        if (then(value)) this.redraw();
        this.pump();
      });
  }

  private completed(c: Completion, again: boolean): boolean {
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

  /**
   * Output of a background job. While a command runs it just goes to the screen; at a prompt the
   * line being typed is left as it is, the output follows, and the prompt with the same input is
   * drawn again below (zsh's way: typing is never garbled, nothing is lost).
   */
  background(data: string): void {
    const text = data.replace(/\n/g, '\r\n');
    if (this.state !== 'prompt' || !this.renderer.isShown) {
      this.opts.screen.write(text);
      return;
    }
    this.opts.screen.write(this.renderer.finish() + text + (text.endsWith('\n') ? '' : '\r\n'));
    this.showPrompt(0);
  }

  /** Enter: the line goes to the shell, which runs it or asks for more (`> `). */
  private submit(line: string): void {
    this.editor.reset(line);
    this.redraw();
    this.opts.screen.write(this.renderer.finish());
    this.editor.reset();
    this.state = 'running';
    this.interrupted = false;
    const gen = this.generation;
    const out = (t: string): void => {
      if (gen === this.generation) this.opts.screen.write(t.replace(/\n/g, '\r\n'));
    };
    this.session
      .line(line, out)
      .catch((): LineResult => ({ kind: 'ran', code: 1, exited: false }))
      .then((result) => this.finished(gen, result));
  }

  // ---- running ----------------------------------------------------------------------------

  private interruptRun(): void {
    this.session.interrupt();
    this.interrupted = true;
    this.opts.screen.discardPending?.();
    this.opts.screen.write('^C');
    this.flushQueue(130);
  }

  private async finished(gen: number, result: LineResult): Promise<void> {
    if (gen !== this.generation) return;
    const screen = this.opts.screen;
    if (this.interrupted) {
      screen.write('\r\n');
      // Ctrl+C before the shell answered that the line opened a construct: drop it too.
      if (result.kind === 'continue') this.session.cancelInput();
    }
    if (result.kind === 'ran') {
      this.lastCode = result.code;
      if (result.exited && this.opts.exitNotice) screen.write(`${DIM}${this.opts.exitNotice}${PLAIN}\r\n`);
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
