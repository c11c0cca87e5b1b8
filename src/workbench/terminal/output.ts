/**
 * Output to xterm in bounded chunks with flow control: a command that prints megabytes is parsed
 * a slice at a time while the page stays responsive, and `drain()` tells when the screen has
 * caught up (before a prompt is drawn). DOM-free: it only needs xterm's `write(data, callback)`.
 */

export interface WriteTarget {
  write(data: string, callback: () => void): void;
}

/** Characters per `write` call. */
export const CHUNK = 16 * 1024;
/** Chunks handed to xterm but not yet parsed before the writer waits. */
const IN_FLIGHT = 2;

export class ChunkedWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly target: WriteTarget) {}

  write(data: string): void {
    if (!data) return;
    this.pending.push(data);
    this.pendingLength += data.length;
    this.pump();
  }

  /** Characters not yet handed to xterm. */
  get backlog(): number {
    return this.pendingLength;
  }

  /** Resolves once everything written so far has been parsed by xterm. */
  drain(): Promise<void> {
    if (this.pendingLength === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drop what was not written yet (a reset). */
  discard(): void {
    this.pending = [];
    this.pendingLength = 0;
    this.settle();
  }

  private pump(): void {
    while (this.inFlight < IN_FLIGHT && this.pendingLength > 0) {
      const chunk = this.take();
      this.inFlight++;
      this.target.write(chunk, () => {
        this.inFlight--;
        this.pump();
        this.settle();
      });
    }
  }

  private take(): string {
    let out = '';
    while (this.pending.length > 0 && out.length < CHUNK) {
      const head = this.pending[0];
      const room = CHUNK - out.length;
      if (head.length <= room) {
        out += head;
        this.pending.shift();
      } else {
        // Never split a surrogate pair between two writes.
        let cut = room;
        const code = head.charCodeAt(cut - 1);
        if (code >= 0xd800 && code <= 0xdbff) cut--;
        if (cut <= 0) {
          if (out) break;
          cut = Math.min(2, head.length);
        }
        out += head.slice(0, cut);
        this.pending[0] = head.slice(cut);
      }
    }
    this.pendingLength -= out.length;
    return out;
  }

  private settle(): void {
    if (this.pendingLength === 0 && this.inFlight === 0) {
      for (const w of this.waiters.splice(0)) w();
    }
  }
}
