import type { Builtin } from '../context';
import { parseDuration, usage } from './util';

/** coreutils sleep on the virtual clock: `sleep 1`, `sleep 0.5`, `sleep 1m 30s`. */
export const sleep: Builtin = async (argv, io, sh) => {
  const args = argv.slice(1);
  if (args.length === 0) return usage(io, 'sleep', 'missing operand');
  let ms = 0;
  for (const a of args) {
    const d = parseDuration(a);
    if (d === undefined) return usage(io, 'sleep', `invalid time interval ‘${a}’`);
    ms += d;
  }
  if (io.interrupt.interrupted) return 130;
  await new Promise<void>((resolve) => {
    const id = Number.isFinite(ms) ? sh.clock.setTimer(ms, resolve) : undefined;
    io.interrupt.onInterrupt(() => {
      sh.clock.clearTimer(id);
      resolve();
    });
  });
  return io.interrupt.interrupted ? 130 : 0;
};
