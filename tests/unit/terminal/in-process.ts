/**
 * A terminal controller's shell without a worker: the worker-side `LocalShell` answered in the same
 * process (still asynchronously, as the worker would), the prompt mirrored as the page mirrors it.
 */
import type { LocalShell } from '../../../src/workbench/engine/local-shell';
import type { ShellSession } from '../../../src/workbench/remote-session';

export function inProcess(shell: LocalShell): ShellSession {
  let continuing = false;
  let background: ((data: string) => void) | undefined;
  return {
    prompt: () => (continuing ? '> ' : '$ '),
    get history() {
      return shell.history;
    },
    line: async (text, out) => {
      // As the page does: once the line has ended, what it still prints is a background job's.
      let ended = false;
      const result = await shell.line(text, (d) => (ended ? background?.(d) : out(d)));
      ended = true;
      continuing = result.kind === 'continue';
      return result;
    },
    onBackground: (handler) => {
      background = handler;
    },
    interrupt: () => shell.interrupt(),
    cancelInput: () => {
      continuing = false;
      shell.cancelInput();
    },
    endOfInput: async () => {
      continuing = false;
      return shell.endOfInput();
    },
    complete: async (line) => shell.complete(line),
    setColumns: (columns) => shell.setColumns(columns),
  };
}
