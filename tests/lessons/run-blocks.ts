/**
 * Run a lesson's ```sh blocks the way a reader clicking "Run" would: each block typed into a
 * terminal of a fresh lesson sandbox, line by line, with the virtual clock driven headlessly.
 *
 * The lessons tell the reader to run the endless curl loop (`while true; ...`) in the second
 * terminal pane and leave it running; so does this runner: the loop runs in a second session on
 * the same cluster while the other commands run, and its output is interleaved in the transcript
 * (prefixed with `PANE2`) at the virtual time it was printed. A new loop replaces the previous one
 * (the reader stops it with Ctrl+C first). Other endless commands (`-w`) get a few seconds.
 */
import {
  createSession,
  type EditorHost,
  type MemoryFs,
  type Sandbox,
  type Session,
} from '../../sandbox/index';

/** Virtual time a watch (`-w`) may run before it is interrupted. */
export const WATCH_MS = 6_000;
/** Virtual time any other command may take before it counts as hung and is interrupted. */
export const COMMAND_MS = 3_600_000;
export const PANE2 = '  │ ';
/** Virtual time the reader spends reading after each block (the curl loop keeps running). */
export const READING_MS = 5_000;

export interface BlockRun {
  /** `$ command` lines and their output, as the terminals would show them. */
  transcript: string;
  /** Commands that had to be interrupted although they are not endless. */
  hung: string[];
}

/**
 * An editor that makes the edits a lesson tells the reader to make (`[from, to]` replacements,
 * applied where they match) and saves; with none, it saves unchanged (kubectl then cancels).
 */
export function scriptedEditor(edits: ReadonlyArray<readonly [string, string]>): EditorHost {
  return {
    edit(_file: string, content: string): Promise<string> {
      let out = content;
      for (const [from, to] of edits) out = out.split(from).join(to);
      return Promise.resolve(out);
    },
  };
}

export function isLoop(command: string): boolean {
  return /^\s*while\s+(true|:)\s*;/.test(command);
}

export function isWatch(command: string): boolean {
  return /(^|\s)(-w|--watch)(\s|$)/.test(command);
}

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function runBlocks(
  sandbox: Sandbox,
  fs: MemoryFs,
  blocks: readonly string[],
  editor: EditorHost,
  /**
   * Commands the prose tells the reader to interrupt with Ctrl+C: command text → virtual ms after
   * which to interrupt it, the first time it runs.
   */
  interrupts: Readonly<Record<string, number>> = {},
): Promise<BlockRun> {
  const pending = new Map(Object.entries(interrupts));
  const session = createSession({ sandbox, fs, editor, isTTY: false, columns: 120 });
  let transcript = '';
  const hung: string[] = [];
  const sink = { write: (s: string) => void (transcript += s) };
  // The second pane: its lines are prefixed so the reader of the transcript can tell them apart.
  let pane2Line = '';
  const pane2Sink = {
    write: (s: string) => {
      pane2Line += s;
      const lines = pane2Line.split('\n');
      pane2Line = lines.pop() ?? '';
      for (const l of lines) {
        if (transcript !== '' && !transcript.endsWith('\n')) transcript += '\n';
        transcript += `${PANE2}${l}\n`;
      }
    },
  };
  let pane2: { session: Session; done: Promise<number> } | undefined;
  const stopPane2 = async (): Promise<void> => {
    if (!pane2) return;
    pane2.session.interrupt();
    // The loop ends at its next step; let the clock run until it has.
    const quiet = { write: () => undefined };
    await session.runDriven('sleep 1\n', { stdout: quiet, stderr: quiet }, { yieldToHost });
    await pane2.done;
    pane2Sink.write('^C\n');
    pane2 = undefined;
  };

  for (const block of blocks) {
    for (const line of block.split('\n')) {
      const fed = session.feed(line);
      if (fed.kind === 'run' && isLoop(fed.source)) {
        await stopPane2();
        transcript += `${PANE2}$ ${fed.source.trim()}\n`;
        const s2 = createSession({ sandbox, fs, isTTY: false, columns: 120 });
        pane2 = { session: s2, done: s2.run(fed.source, { stdout: pane2Sink, stderr: pane2Sink }) };
        continue;
      }
      transcript += `${session.prompt()}${line}\n`;
      if (fed.kind !== 'run') continue;
      // Let what is due now happen first (as runHeadless does).
      sandbox.clock.advanceMs(0);
      const command = fed.source.trim();
      const interruptAfter = pending.get(command);
      pending.delete(command);
      const endless = interruptAfter !== undefined || isWatch(command);
      let stalled = false;
      await session.runDriven(
        fed.source,
        { stdout: sink, stderr: sink },
        {
          maxVirtualMs: interruptAfter ?? (endless ? WATCH_MS : COMMAND_MS),
          yieldToHost,
          onStall: () => {
            stalled = true;
            if (endless) transcript += '^C\n';
          },
        },
      );
      if (stalled && !endless) hung.push(command);
    }
    const open = session.endOfInput();
    if (open) transcript += open;
    const quiet = { write: () => undefined };
    await session.runDriven(
      `sleep ${READING_MS / 1000}\n`,
      { stdout: quiet, stderr: quiet },
      { yieldToHost },
    );
  }
  await stopPane2();
  return { transcript, hung };
}

/** Output that proves a command in the prose does not work as written. */
export const BROKEN_COMMAND =
  /command not found|unknown command|unknown flag|unknown shorthand flag|syntax error|No such file or directory/i;
