/**
 * One terminal pane: an xterm (DOM renderer) fitted to its element, wired to a TerminalController
 * on its own shell session (in the sandbox worker), registered with the workbench as a
 * `TerminalPane`. Browser only.
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { RemoteSession } from '../remote-session';
import type { TerminalPane, Workbench } from '../runtime';
import { TerminalController } from './controller';
import { ChunkedWriter } from './output';

export interface PaneOptions {
  /** The `[data-terminal-pane]` element the terminal fills. */
  element: HTMLElement;
  theme: ITheme;
  screenReader: boolean;
  /** Tab leaves the terminal (screen-reader mode); completion stays on Ctrl+I. */
  tabLeaves: () => boolean;
  exitNotice: string;
  /** The reader used this pane (focus or typing). */
  onActive: (pane: XtermPane) => void;
  /**
   * Another pane with no command running, shown and focused, for a `run()` that arrives while this
   * pane is busy (a code block clicked while a `curl` loop runs here); undefined: wait here.
   */
  idlePane?: (busy: XtermPane) => XtermPane | undefined;
}

/** xterm's own strings (the input's label, the screen reader's overflow notice) are global. */
export function localizeXterm(promptLabel: string, tooMuchOutput: string): void {
  Terminal.strings.promptLabel = promptLabel;
  Terminal.strings.tooMuchOutput = tooMuchOutput;
}

/**
 * Open xterm measuring its font through the DOM. xterm measures with an OffscreenCanvas when the
 * browser has one, and setting a canvas's font the first time costs tens of milliseconds (the
 * canvas's own font lookup) where the DOM measure costs about one: without the constructor xterm
 * takes its DOM strategy (same font, same cell size).
 */
function openMeasuringWithDom(term: Terminal, element: HTMLElement): void {
  const scope = globalThis as { OffscreenCanvas?: unknown };
  const saved = scope.OffscreenCanvas;
  scope.OffscreenCanvas = undefined;
  try {
    term.open(element);
  } finally {
    scope.OffscreenCanvas = saved;
  }
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const FONT =
  'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK KR", monospace';

export class XtermPane implements TerminalPane {
  readonly term: Terminal;
  readonly element: HTMLElement;
  private readonly fitAddon = new FitAddon();
  private readonly writer: ChunkedWriter;
  private controller!: TerminalController;
  private wb: Workbench | undefined;
  private session: RemoteSession | undefined;
  private readonly disposers: Array<() => void> = [];
  private fitQueued = false;
  private copyTimer: ReturnType<typeof setTimeout> | undefined;
  private markReady: () => void = () => {};
  /** Settles when the first prompt is on the screen. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(private readonly opts: PaneOptions) {
    this.element = opts.element;
    const fontFamily = getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || FONT;
    this.term = new Terminal({
      fontFamily,
      fontSize: 14,
      lineHeight: 1.15,
      scrollback: 5000,
      cursorBlink: true,
      theme: opts.theme,
      screenReaderMode: opts.screenReader,
      macOptionIsMeta: true,
      rightClickSelectsWord: false,
    });
    this.writer = new ChunkedWriter(this.term);
    this.element.style.backgroundColor = opts.theme.background ?? '';
    this.term.loadAddon(this.fitAddon);
  }

  /**
   * Put xterm on the page, then fit it to its element a task later: each step forces a layout of
   * the pane, and together they would make one long task. The element must be laid out (not
   * `hidden`) until this settles.
   */
  async open(): Promise<void> {
    openMeasuringWithDom(this.term, this.element);
    await nextTask();
    this.fit();
  }

  /** Start the shell (once the workbench is up): first prompt, input, resize and clipboard handling. */
  start(wb: Workbench): void {
    this.wb = wb;
    const term = this.term;
    this.session = wb.newSession({ columns: term.cols });
    this.controller = new TerminalController({
      screen: {
        write: (d) => this.writer.write(d),
        drain: () => this.writer.drain(),
        cursorX: () => term.buffer.active.cursorX,
        columns: () => term.cols,
        discardPending: () => this.writer.discard(),
      },
      session: this.session,
      exitNotice: this.opts.exitNotice,
    });
    // Pastes arrive wrapped in ESC[200~ … ESC[201~, so their line breaks are told from Enter.
    this.writer.write('\x1b[?2004h');
    this.controller.start();
    void this.writer.drain().then(() => {
      this.element.setAttribute('data-terminal-ready', 'true');
      this.markReady();
      performance.mark(`rollout-lab:terminal-ready-${this.element.dataset.terminalPane ?? ''}`);
    });

    const data = term.onData((d) => {
      this.opts.onActive(this);
      this.controller.input(d);
    });
    const resize = term.onResize(({ cols }) => this.controller.resize(cols));
    const selection = term.onSelectionChange(() => this.copySoon());
    term.attachCustomKeyEventHandler((ev) => this.keyFilter(ev));
    const onFocus = (): void => this.opts.onActive(this);
    term.textarea?.addEventListener('focus', onFocus);
    const observer = new ResizeObserver(() => this.fitSoon());
    observer.observe(this.element);
    this.disposers.push(
      () => data.dispose(),
      () => resize.dispose(),
      () => selection.dispose(),
      () => term.textarea?.removeEventListener('focus', onFocus),
      () => observer.disconnect(),
    );
  }

  // ---- TerminalPane -----------------------------------------------------------------------

  run(command: string): Promise<number> {
    const other = this.controller.running ? this.opts.idlePane?.(this) : undefined;
    if (other) return other.run(command);
    this.opts.onActive(this);
    return this.controller.run(command);
  }

  /** A command is running (keys typed now wait for it). */
  get busy(): boolean {
    return this.controller.running;
  }

  focus(): void {
    this.term.focus();
  }

  // ---- the page -----------------------------------------------------------------------------

  /** The lesson was reset: the shell goes on in the new cluster. */
  reset(notice: string): void {
    void this.controller.reset(notice);
  }

  setTheme(theme: ITheme): void {
    this.term.options.theme = theme;
    this.element.style.backgroundColor = theme.background ?? '';
  }

  setScreenReader(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  /** Fit to the element when it is visible (a hidden tab has no size). */
  fit(): void {
    if (this.element.offsetWidth === 0 || this.element.offsetHeight === 0) return;
    try {
      this.fitAddon.fit();
    } catch {
      // Not measurable yet (fonts loading); the next resize fits again.
    }
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
    if (this.session) this.wb?.closeSession(this.session);
    this.term.dispose();
  }

  private fitSoon(): void {
    if (this.fitQueued) return;
    this.fitQueued = true;
    requestAnimationFrame(() => {
      this.fitQueued = false;
      this.fit();
    });
  }

  /** Copy the selection when the reader selects (as X terminals do), once the mouse settles. */
  private copySoon(): void {
    clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => {
      if (this.term.hasSelection()) void this.copy();
    }, 200);
  }

  private async copy(): Promise<void> {
    const text = this.term.getSelection();
    if (!text) return;
    try {
      await navigator.clipboard?.writeText(text);
    } catch {
      // The clipboard may be refused (no permission, page not focused); selection stays.
    }
  }

  /** Keys xterm must not handle: clipboard shortcuts and the ones that move focus. */
  private keyFilter(ev: KeyboardEvent): boolean {
    if (ev.type !== 'keydown') return true;
    const key = ev.key.toLowerCase();
    if (ev.ctrlKey && ev.shiftKey && key === 'c') {
      ev.preventDefault();
      void this.copy();
      return false;
    }
    // Let the browser fire its paste event; xterm then sends the text as a bracketed paste.
    if ((ev.ctrlKey || ev.metaKey) && key === 'v') return false;
    if (ev.metaKey && key === 'c') return false;
    if (ev.key === 'Tab' && (ev.shiftKey || (this.opts.tabLeaves() && !ev.ctrlKey))) return false;
    return true;
  }
}
