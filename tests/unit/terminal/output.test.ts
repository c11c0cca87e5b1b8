import { describe, expect, it } from 'vitest';
import { CHUNK, ChunkedWriter } from '../../../src/workbench/terminal/output';

/** A terminal that parses one write per macrotask, like xterm's write buffer. */
function slowTarget() {
  const writes: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    writes,
    max: () => maxInFlight,
    write(data: string, cb: () => void) {
      writes.push(data);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        cb();
      }, 0);
    },
  };
}

describe('ChunkedWriter', () => {
  it('hands xterm bounded chunks, a few at a time, in order; drain waits for the last', async () => {
    const target = slowTarget();
    const w = new ChunkedWriter(target);
    const big = Array.from({ length: 20000 }, (_, i) => `line ${i}\r\n`).join('');
    w.write(big);
    w.write('tail');
    expect(target.writes.length).toBeLessThanOrEqual(2);
    await w.drain();
    expect(target.writes.join('')).toBe(big + 'tail');
    expect(Math.max(...target.writes.map((c) => c.length))).toBeLessThanOrEqual(CHUNK);
    expect(target.max()).toBeLessThanOrEqual(2);
  });

  it('never splits a surrogate pair between two writes', async () => {
    const target = slowTarget();
    const w = new ChunkedWriter(target);
    w.write('a'.repeat(CHUNK - 1) + '😀' + 'b');
    await w.drain();
    expect(target.writes[0].endsWith('a')).toBe(true);
    expect(target.writes[1].startsWith('😀')).toBe(true);
  });

  it('drain resolves at once when nothing is pending', async () => {
    const w = new ChunkedWriter(slowTarget());
    await expect(w.drain()).resolves.toBeUndefined();
  });
});

describe('ChunkedWriter.discard', () => {
  it('drops what xterm has not been given yet (Ctrl+C during a flood of output)', async () => {
    const target = slowTarget();
    const w = new ChunkedWriter(target);
    w.write('x'.repeat(CHUNK * 10));
    w.discard();
    w.write('^C');
    await w.drain();
    expect(target.writes.join('').length).toBe(CHUNK * 2 + 2);
    expect(target.writes.at(-1)).toBe('^C');
  });
});
