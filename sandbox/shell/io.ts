/** Streams and interrupts the interpreter wires between programs. */
import type { InputStream, Interrupt, OutputStream } from './types';

/** Ctrl+C for one command line; children (pipeline stages, `timeout`) fire with their parent. */
export class InterruptController implements Interrupt {
  private fired = false;
  private listeners = new Set<() => void>();

  get interrupted(): boolean {
    return this.fired;
  }

  onInterrupt(fn: () => void): () => void {
    if (this.fired) {
      fn();
      return () => {};
    }
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  fire(): void {
    if (this.fired) return;
    this.fired = true;
    const fns = [...this.listeners];
    this.listeners.clear();
    for (const fn of fns) fn();
  }

  /** A controller that fires when this one does (and can also fire on its own). */
  child(): InterruptController {
    const c = new InterruptController();
    const off = this.onInterrupt(() => c.fire());
    c.onInterrupt(off);
    return c;
  }

  /** Resolves when interrupted. */
  wait(): Promise<void> {
    return new Promise((resolve) => this.onInterrupt(resolve));
  }
}

/** Interrupt as a promise of an exit code, for racing a program against Ctrl+C. */
export function interrupted(i: Interrupt, code = 130): Promise<number> {
  return new Promise((resolve) => i.onInterrupt(() => resolve(code)));
}

export class StringInput implements InputStream {
  readonly isTerminal = false;
  private done = false;
  constructor(private readonly text: string) {}
  readAll(): Promise<string> {
    return Promise.resolve(this.read0());
  }
  read(): Promise<string | null> {
    return Promise.resolve(this.done ? null : this.read0());
  }
  private read0(): string {
    if (this.done) return '';
    this.done = true;
    return this.text;
  }
}

/** The terminal as stdin: nothing to read (as if Ctrl+D was pressed at once). */
export const terminalInput: InputStream = {
  isTerminal: true,
  readAll: () => Promise.resolve(''),
  read: () => Promise.resolve(null),
};

/**
 * What one pipeline stage writes and the next reads: chunk by chunk (`read`) or all of it once the
 * writer is done (`readAll`). When the reader stops early (`head`), writes are dropped.
 */
export class Pipe implements InputStream, OutputStream {
  readonly isTerminal = false;
  private chunks: string[] = [];
  private size = 0;
  private closed = false;
  private readerGone = false;
  private waiters: Array<(s: string) => void> = [];
  private readers: Array<(s: string | null) => void> = [];

  constructor(private readonly maxSize: number) {}

  write(text: string): void {
    if (this.closed || this.readerGone || text === '') return;
    const reader = this.readers.shift();
    if (reader) return reader(text);
    if (this.size >= this.maxSize) return;
    const room = this.maxSize - this.size;
    const t = text.length > room ? text.slice(0, room) : text;
    this.chunks.push(t);
    this.size += t.length;
  }

  /** The writer is done: end of input for the reader. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const all = this.take();
    for (const w of this.waiters) w(all);
    this.waiters = [];
    for (const r of this.readers) r(null);
    this.readers = [];
  }

  /** The reader is done (it exited): what is written from now on goes nowhere. */
  closeReader(): void {
    this.readerGone = true;
    this.chunks = [];
    this.size = 0;
  }

  readAll(): Promise<string> {
    if (this.closed) return Promise.resolve(this.take());
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  read(): Promise<string | null> {
    if (this.chunks.length > 0) return Promise.resolve(this.take());
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.readers.push(resolve));
  }

  private take(): string {
    const all = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    return all;
  }
}

/** Collects text (command substitution). */
export class StringOutput implements OutputStream {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly maxSize = Infinity) {}
  write(text: string): void {
    if (this.size >= this.maxSize) return;
    this.chunks.push(text);
    this.size += text.length;
  }
  text(): string {
    return this.chunks.join('');
  }
}

/** Drops writes once `closed()` says so (a program still running after Ctrl+C). */
export function gated(out: OutputStream, open: () => boolean): OutputStream {
  return { write: (t) => (open() ? out.write(t) : undefined) };
}
