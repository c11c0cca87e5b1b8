import type { Builtin } from '../context';
import { formatDate } from './date';
import { StringOutput } from '../io';
import { usage } from './util';

/**
 * procps watch: `watch [-n SECONDS] [-t] COMMAND...` reruns the command until Ctrl+C, each screen
 * headed `Every 2.0s: cmd` with `hostname: date` at the right edge.
 */
export const watch: Builtin = async (argv, io, sh) => {
  let interval = 2;
  let title = true;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n' || a === '--interval') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) return usage(io, 'watch', `failed to parse argument: '${argv[i] ?? ''}'`);
      interval = Math.max(0.1, v);
    } else if (a.startsWith('-n')) interval = Math.max(0.1, Number(a.slice(2)) || 2);
    else if (a.startsWith('--interval=')) interval = Math.max(0.1, Number(a.slice(11)) || 2);
    else if (a === '-t' || a === '--no-title') title = false;
    else if (a === '-d' || a === '-c' || a === '--color') continue;
    else break;
  }
  const cmd = argv.slice(i);
  if (cmd.length === 0) {
    io.stderr.write('Usage:\n watch [options] command\n');
    return 1;
  }
  const text = cmd.join(' ');
  const width = io.columns ?? 80;
  for (let frame = 0; !io.interrupt.interrupted; frame++) {
    const out = new StringOutput(1024 * 1024);
    const sub = { ...io, stdout: out, stderr: out, isTTY: false, stdoutIsTerminal: false };
    await (cmd.length === 1 ? sh.runSource(text, sub) : sh.runArgv(cmd, sub));
    if (io.interrupt.interrupted) break;
    let screen = '';
    if (title) {
      const left = `Every ${interval.toFixed(1)}s: ${text}`;
      const right = `${sh.hostname}: ${formatDate(sh.clock.now(), false)}`;
      const gap = Math.max(1, width - left.length - right.length);
      screen += `${left}${' '.repeat(gap)}${right}\n\n`;
    }
    screen += out.text();
    io.stdout.write(
      (io.stdoutIsTerminal ?? io.isTTY) ? '\x1b[H\x1b[2J' + screen : (frame > 0 ? '\n' : '') + screen,
    );
    await new Promise<void>((resolve) => {
      const id = sh.clock.setTimer(interval * 1000, resolve);
      io.interrupt.onInterrupt(() => {
        sh.clock.clearTimer(id);
        resolve();
      });
    });
  }
  return 130;
};
