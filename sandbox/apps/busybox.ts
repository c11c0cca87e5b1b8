/**
 * busybox: runs its command (`sleep 3600`, `sh -c "..."`, `echo hi`) and exits when it ends, so
 * the kubelet reports Completed / Error and restarts it per restartPolicy. Its default command is
 * `sh`, which exits at once without a terminal. As PID 1 it has no SIGTERM handler: a `sleep`
 * keeps running until SIGKILL at the end of the grace period.
 */
import type { AppContext, AppFactory, AppInstance } from './types';
import { execCommand, runScript, type ShellState } from './shell';

function quote(arg: string): string {
  return /^[\w./:=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export const busybox: AppFactory = (ctx: AppContext): AppInstance => {
  const state: ShellState = { files: new Set() };
  const [cmd, ...args] = ctx.argv;
  const name = (cmd ?? 'sh').split('/').pop();
  if ((name === 'sh' || name === 'ash') && args[0] === '-c') runScript(args[1] ?? '', state, ctx);
  else if (name === 'sh' || name === 'ash') ctx.after(0, () => ctx.exit(0));
  else runScript(ctx.argv.map(quote).join(' '), state, ctx);
  return {
    ports: [],
    handle: () => ({ status: 0, headers: {}, body: '' }),
    onSigterm: () => 'ignore',
    exec: (argv) => execCommand(argv, state, ctx),
  };
};
