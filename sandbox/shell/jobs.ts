/**
 * Background jobs (`cmd &`): bash's job table with its numbering, `+`/`-` markers, status words
 * and the notices an interactive bash prints before the next prompt (`[1]+  Done   sleep 5`).
 * A job runs in a forked shell on the same cluster and file system, with its own interrupt.
 */
import { InterruptController } from './io';

/** The signals `kill` can send here, by number, with the words bash uses for a killed job. */
export const SIGNALS: ReadonlyArray<{ n: number; name: string; word: string }> = [
  { n: 1, name: 'HUP', word: 'Hangup' },
  { n: 2, name: 'INT', word: 'Interrupt' },
  { n: 3, name: 'QUIT', word: 'Quit' },
  { n: 9, name: 'KILL', word: 'Killed' },
  { n: 10, name: 'USR1', word: 'User defined signal 1' },
  { n: 12, name: 'USR2', word: 'User defined signal 2' },
  { n: 15, name: 'TERM', word: 'Terminated' },
];

/** Names of signals 1-31 as `kill -l` lists them (32 and 33 are taken by the C library). */
const NAMES = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE',
  'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ',
  'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS',
]; // prettier-ignore

/** `kill -l`: five `N) SIGNAME` entries per line, tab-separated, as bash prints them. */
export function signalList(): string {
  const entries = NAMES.map((name, i) => ({ n: i + 1, name }));
  for (let n = 34; n <= 64; n++) {
    const name = n <= 49 ? (n === 34 ? 'RTMIN' : `RTMIN+${n - 34}`) : n === 64 ? 'RTMAX' : `RTMAX-${64 - n}`;
    entries.push({ n, name });
  }
  let out = '';
  entries.forEach((e, i) => {
    out += `${String(e.n).padStart(2)}) SIG${e.name}${(i + 1) % 5 === 0 ? '\n' : '\t'}`;
  });
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** A signal given as `TERM`, `SIGTERM`, `term` or `15`; undefined when unknown here. */
export function parseSignal(spec: string): { n: number; name: string; word: string } | undefined {
  if (/^\d+$/.test(spec)) return SIGNALS.find((s) => s.n === Number(spec));
  const name = spec.toUpperCase().replace(/^SIG/, '');
  return SIGNALS.find((s) => s.name === name);
}

export interface Job {
  id: number;
  pid: number;
  /** The command as bash shows it (its words joined by single spaces). */
  text: string;
  stop: InterruptController;
  done: Promise<number>;
  /** Exit status once finished. */
  status?: number;
  /** The signal that ended it (`kill`). */
  signal?: (typeof SIGNALS)[number];
}

export class JobTable {
  private readonly jobs: Job[] = [];
  private nextPid = 4301;
  /** `$!`: the process id of the last job started. */
  lastPid: number | undefined;
  /** Exit statuses of jobs that left the table, by process id (`wait $pid` still finds them). */
  private readonly exited = new Map<number, number>();

  /**
   * @param interactive A non-interactive bash drops a finished job at once, without a word; an
   * interactive one keeps it until it has reported it (`jobs` or the notice before a prompt).
   */
  constructor(private readonly interactive = true) {}

  /** Start tracking a job: `run(stop)` is its work, interrupted through `stop`. */
  add(text: string, run: (stop: InterruptController) => Promise<number>): Job {
    const stop = new InterruptController();
    const id = (this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) : 0) + 1;
    const pid = this.nextPid;
    this.nextPid += 1 + (pid % 3);
    const job: Job = { id, pid, text, stop, done: Promise.resolve(0) };
    job.done = run(stop).then((code) => {
      job.status = job.signal ? 128 + job.signal.n : code;
      if (!this.interactive) this.remove(job);
      return job.status;
    });
    this.jobs.push(job);
    this.lastPid = pid;
    return job;
  }

  get all(): readonly Job[] {
    return this.jobs;
  }

  remove(job: Job): void {
    const i = this.jobs.indexOf(job);
    if (i >= 0) this.jobs.splice(i, 1);
    if (job.status !== undefined) this.exited.set(job.pid, job.status);
  }

  /** The status of a finished job no longer in the table. */
  exitedStatus(pid: number): number | undefined {
    return this.exited.get(pid);
  }

  /** `%1`, `%%`, `%+`, `%-`, `%name` (a job whose command starts so), or a process id. */
  find(spec: string): Job | undefined {
    if (/^\d+$/.test(spec)) return this.jobs.find((j) => j.pid === Number(spec));
    if (!spec.startsWith('%')) return undefined;
    const rest = spec.slice(1);
    if (rest === '' || rest === '%' || rest === '+') return this.current();
    if (rest === '-') return this.previous() ?? this.current();
    if (/^\d+$/.test(rest)) return this.jobs.find((j) => j.id === Number(rest));
    return this.jobs.find((j) => j.text.startsWith(rest));
  }

  current(): Job | undefined {
    return this.jobs[this.jobs.length - 1];
  }

  private previous(): Job | undefined {
    return this.jobs[this.jobs.length - 2];
  }

  marker(job: Job): string {
    if (job === this.current()) return '+';
    if (job === this.previous()) return '-';
    return ' ';
  }

  /** `Running`, `Done`, `Exit 3`, `Terminated`, ... */
  state(job: Job): string {
    if (job.status === undefined) return 'Running';
    if (job.signal) return job.signal.word;
    return job.status === 0 ? 'Done' : `Exit ${job.status}`;
  }

  /** One line of `jobs` or of a notice: `[1]+  Running                 sleep 5 &`. */
  line(job: Job, withPid = false): string {
    const running = job.status === undefined;
    const head = `[${job.id}]${this.marker(job)} ${withPid ? `${job.pid} ` : ' '}`;
    return `${head}${this.state(job).padEnd(24)}${job.text}${running ? ' &' : ''}\n`;
  }

  /** Notices for the jobs that ended since the last prompt; they leave the table. */
  notices(): string {
    const ended = this.jobs.filter((j) => j.status !== undefined);
    const text = ended.map((j) => this.line(j)).join('');
    for (const j of ended) this.remove(j);
    return text;
  }
}
