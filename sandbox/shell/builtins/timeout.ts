import type { Builtin } from '../context';
import { InterruptController } from '../io';
import { parseDuration, usage } from './util';

/** coreutils timeout DURATION COMMAND...: exit 124 when the time ran out (virtual clock). */
export const timeout: Builtin = async (argv, io, sh) => {
  const args = argv
    .slice(1)
    .filter((a, i, all) => !(a.startsWith('-') && i < all.findIndex((x) => !x.startsWith('-'))));
  const ms = args[0] === undefined ? undefined : parseDuration(args[0]);
  if (args.length === 0) return usage(io, 'timeout', 'missing operand', 125);
  if (ms === undefined) return usage(io, 'timeout', `invalid time interval ‘${args[0]}’`, 125);
  const cmd = args.slice(1);
  if (cmd.length === 0) return usage(io, 'timeout', `missing operand after ‘${args[0]}’`, 125);
  if (!sh.commandNames().includes(cmd[0])) {
    io.stderr.write(`timeout: failed to run command ‘${cmd[0]}’: No such file or directory\n`);
    return 127;
  }
  const child = new InterruptController();
  const off = io.interrupt.onInterrupt(() => child.fire());
  let timedOut = false;
  const id =
    ms > 0
      ? sh.clock.setTimer(ms, () => {
          timedOut = true;
          child.fire();
        })
      : undefined;
  try {
    const code = await sh.runArgv(cmd, { ...io, interrupt: child });
    if (io.interrupt.interrupted) return 130;
    return timedOut ? 124 : code;
  } finally {
    sh.clock.clearTimer(id);
    off();
  }
};
