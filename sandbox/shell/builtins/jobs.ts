/** Job control builtins: `jobs`, `kill`, `wait`, `fg` over the shell's background jobs. */
import type { Builtin } from '../context';
import type { Job, JobTable } from '../jobs';
import { parseSignal, signalList } from '../jobs';
import type { CommandIO } from '../types';

/** Wait for a job, or for Ctrl+C (130). */
function settle(job: Job, io: CommandIO): Promise<number> {
  return new Promise((resolve) => {
    if (io.interrupt.interrupted) return resolve(130);
    const off = io.interrupt.onInterrupt(() => resolve(130));
    void job.done.then((code) => {
      off();
      resolve(code);
    });
  });
}

export const jobs: Builtin = async (argv, io, sh) => {
  const withPid = argv.includes('-l');
  const pidsOnly = argv.includes('-p');
  const table = sh.jobs;
  for (const job of [...table.all]) {
    io.stdout.write(pidsOnly ? `${job.pid}\n` : table.line(job, withPid));
    // A finished job is reported once, here or before the next prompt.
    if (job.status !== undefined) table.remove(job);
  }
  return 0;
};

export const kill: Builtin = async (argv, io, sh) => {
  const args = argv.slice(1);
  if (args[0] === '-l' || args[0] === '-L') {
    if (args.length === 1) {
      io.stdout.write(signalList());
      return 0;
    }
    for (const a of args.slice(1)) {
      const sig = parseSignal(a);
      if (!sig) {
        io.stderr.write(`bash: kill: ${a}: invalid signal specification\n`);
        return 1;
      }
      io.stdout.write(/^\d+$/.test(a) ? `${sig.name}\n` : `${sig.n}\n`);
    }
    return 0;
  }
  let spec = 'TERM';
  if (args[0] === '-s' || args[0] === '-n') {
    spec = args[1] ?? '';
    args.splice(0, 2);
  } else if (args[0]?.startsWith('-') && args[0] !== '--' && !/^-\d+$/.test(args[0] ?? '')) {
    spec = args[0].slice(1);
    args.shift();
  } else if (/^-\d+$/.test(args[0] ?? '')) {
    spec = (args.shift() as string).slice(1);
  }
  if (args[0] === '--') args.shift();
  const sig = parseSignal(spec);
  if (!sig) {
    io.stderr.write(`bash: kill: ${spec}: invalid signal specification\n`);
    return 1;
  }
  if (args.length === 0) {
    io.stderr.write(
      'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
    );
    return 2;
  }
  let code = 0;
  for (const target of args) {
    code = Math.max(code, signal(sh.jobs, target, sig, io));
  }
  return code;
};

function signal(
  table: JobTable,
  target: string,
  sig: NonNullable<ReturnType<typeof parseSignal>>,
  io: CommandIO,
): number {
  if (!target.startsWith('%') && !/^\d+$/.test(target)) {
    io.stderr.write(`bash: kill: ${target}: arguments must be process or job IDs\n`);
    return 1;
  }
  const job = table.find(target);
  if (!job) {
    io.stderr.write(
      target.startsWith('%')
        ? `bash: kill: ${target}: no such job\n`
        : `bash: kill: (${target}) - No such process\n`,
    );
    return 1;
  }
  if (job.status !== undefined) {
    io.stderr.write(`bash: kill: (${job.pid}) - No such process\n`);
    return 1;
  }
  job.signal = sig;
  job.stop.fire();
  return 0;
}

export const wait: Builtin = async (argv, io, sh) => {
  const table = sh.jobs;
  const targets = argv.slice(1);
  if (targets.length === 0) {
    // Every job; an interactive bash reports each as it ends.
    for (;;) {
      const running = table.all.filter((j) => j.status === undefined);
      if (running.length === 0) break;
      const code = await Promise.race(running.map((j) => settle(j, io)));
      if (io.interrupt.interrupted) return code;
      if (io.isTTY) io.stderr.write(table.notices());
    }
    return 0;
  }
  let code = 0;
  for (const t of targets) {
    const job = table.find(t);
    const gone = /^\d+$/.test(t) ? table.exitedStatus(Number(t)) : undefined;
    if (!job && gone !== undefined) {
      code = gone;
      continue;
    }
    if (!job) {
      io.stderr.write(
        t.startsWith('%')
          ? `bash: wait: ${t}: no such job\n`
          : `bash: wait: pid ${t} is not a child of this shell\n`,
      );
      code = 127;
      continue;
    }
    code = await settle(job, io);
    if (io.interrupt.interrupted) return 130;
    table.remove(job);
  }
  return code;
};

export const fg: Builtin = async (argv, io, sh) => {
  const table = sh.jobs;
  const spec = argv[1] ?? '%+';
  const job = table.find(spec);
  if (!job) {
    io.stderr.write(`bash: fg: ${argv[1] ?? 'current'}: no such job\n`);
    return 1;
  }
  table.remove(job);
  io.stdout.write(`${job.text}\n`);
  // In the foreground now: Ctrl+C reaches it.
  const off = io.interrupt.onInterrupt(() => job.stop.fire());
  const code = await job.done;
  off();
  return code;
};
