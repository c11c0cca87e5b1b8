/**
 * The interpreter: runs a parsed command line against programs (builtins, kubectl, curl) with
 * streaming output, exit statuses, variables, redirections into the virtual file system, and
 * Ctrl+C. Never throws: bad input becomes bash's error text and a status.
 */
import type { AndOr, Assignment, Command, List, Pipeline, Redirect, SimpleCommand } from './ast';
import type { VirtualClock } from '../clock/clock';
import type { EditorHost } from '../kubectl/env';
import type { VirtualFs } from '../fs/types';
import { FsError } from '../fs/types';
import type { Builtin, ShellApi } from './context';
import type { ShellNetwork } from './net';
import type { CommandIO, InputStream, Interrupt, OutputStream, Program } from './types';
import { parse, type ParseResult } from './parser';
import { ExpansionError, expandString, expandWord, type ExpandEnv } from './expand';
import {
  InterruptController,
  Pipe,
  StringInput,
  StringOutput,
  gated,
  interrupted,
  terminalInput,
} from './io';
import { fsMessage } from './fs-errors';
import { BUILTINS } from './builtins';
import { braceExpand } from './brace';
import { JobTable, parseSignal } from './jobs';
import { ShellArrays } from './arrays';
import { evalArith } from './arith';

export interface ShellOptions {
  fs: VirtualFs;
  clock: VirtualClock;
  /** More programs by name (kubectl); they win over builtins of the same name. */
  programs?: Record<string, Program>;
  hostname?: string;
  user?: string;
  home?: string;
  env?: Record<string, string>;
  editor?: EditorHost;
  network?: ShellNetwork;
  /**
   * Let the host run (keyboard events, Ctrl+C) during long work: the browser passes a macrotask
   * (MessageChannel/setTimeout), Node `setImmediate`. Default: a resolved promise.
   */
  yieldToHost?: () => Promise<void>;
  /** Yield every this many commands (default 64). */
  yieldEvery?: number;
  /** Most characters one command line may print before it is stopped (default 4 MB). */
  maxOutput?: number;
  /** stdout is a terminal (colours, `isTTY` for programs). Default true. */
  isTTY?: boolean;
  columns?: number;
}

export interface RunSinks {
  stdout: OutputStream;
  stderr: OutputStream;
}

export interface RunOptions {
  /** The input is final (end of script): open constructs are errors. */
  eof?: boolean;
  /** Record in history (default true). */
  history?: boolean;
}

interface Ctx {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  interrupt: Interrupt;
  tty: boolean;
  /** stdout is the screen (not a pipe or file), whatever `tty` says about colours. */
  screen: boolean;
}

class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

class ExitSignal {
  constructor(readonly code: number) {}
}

/** `return [n]` inside a function. */
/** A variable as it was before `local` hid it. */
interface SavedVar {
  scalar: string | undefined;
  array: Map<number, string> | undefined;
  exported: boolean;
}

class ReturnSignal {
  constructor(readonly code: number) {}
}

/** Bash's limit on nested function calls (FUNCNEST is unset by default; recursion ends in a crash). */
const MAX_CALL_DEPTH = 200;

const PIPE_MAX = 8 * 1024 * 1024;
const NULL_SINK: OutputStream = { write: () => {} };

export class Shell {
  readonly fs: VirtualFs;
  readonly clock: VirtualClock;
  readonly home: string;
  cwd: string;
  status = 0;
  readonly history: string[] = [];
  /** Set by `exit`: the session should end. */
  exitCode: number | undefined;
  private readonly vars = new Map<string, string>();
  private readonly arrays = new ShellArrays();
  private readonly exported = new Set<string>();
  private readonly programs = new Map<string, Program>();
  private readonly builtins = new Map<string, Builtin>();
  private current: InterruptController | undefined;
  /** Background jobs started by this shell (`cmd &`). */
  readonly jobs: JobTable;
  /** The current command line's streams, uncapped: what background jobs it starts write to. */
  private lineSinks: { raw: RunSinks; capped: RunSinks } | undefined;
  private steps = 0;

  /** Grows with every command the shell starts: the headless driver tells "busy" from "idle" by it. */
  get progress(): number {
    return this.steps;
  }
  private loopDepth = 0;
  private readonly functions = new Map<string, Command>();
  private positional: string[] = [];
  private callDepth = 0;
  /** The commands of the current line running now, each with its own Ctrl+C and whether it catches it. */
  private readonly foreground = new Set<{ own: InterruptController; trapped: boolean }>();
  /** One frame per running function: what `local` hid of each name, restored on return. */
  private readonly localFrames: Array<Map<string, SavedVar>> = [];
  /** Status of the last command substitution (an assignment-only command returns it). */
  private subStatus = 0;
  private readonly api: ShellApi;

  /** The terminal's width changed: programs started from now on lay out for `columns`. */
  setColumns(columns: number): void {
    this.opts.columns = columns;
  }

  constructor(private readonly opts: ShellOptions) {
    this.fs = opts.fs;
    this.clock = opts.clock;
    this.jobs = new JobTable(opts.isTTY ?? true);
    this.home = opts.home ?? '/home/learner';
    this.cwd = this.home;
    const user = opts.user ?? 'learner';
    const env: Record<string, string> = {
      HOME: this.home,
      USER: user,
      LOGNAME: user,
      SHELL: '/bin/bash',
      PATH: '/usr/local/bin:/usr/bin:/bin',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      PWD: this.home,
      HOSTNAME: opts.hostname ?? 'cloudshell',
      ...opts.env,
    };
    for (const [k, v] of Object.entries(env)) this.setVar(k, v, true);
    for (const [k, b] of Object.entries(BUILTINS)) this.builtins.set(k, b);
    for (const [k, p] of Object.entries(opts.programs ?? {})) this.programs.set(k, p);
    this.api = this.makeApi(user);
  }

  /** Register a program (kubectl) under a name. */
  register(name: string, program: Program): void {
    this.programs.set(name, program);
  }

  commandNames(): string[] {
    return [
      ...new Set([
        ...this.builtins.keys(),
        ...this.programs.keys(),
        ...this.functions.keys(),
        'break',
        'continue',
        'exit',
        'return',
      ]),
    ].sort();
  }

  getVar(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return '4242';
      case '!':
        return this.jobs.lastPid === undefined ? undefined : String(this.jobs.lastPid);
      case '#':
        return String(this.positional.length);
      case '@':
      case '*':
        return this.positional.join(' ');
      case '0':
        return 'bash';
      case 'PWD':
        return this.cwd;
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        return this.positional[Number(name) - 1];
      case 'RANDOM':
        return String(Math.floor(this.clock.now() / 7) % 32768);
    }
    // An array used as a plain variable is its element 0.
    return this.arrays.has(name) ? this.arrays.get(name, 0) : this.vars.get(name);
  }

  setVar(name: string, value: string, exported = false): void {
    if (this.arrays.has(name)) this.arrays.set(name, 0, value);
    else this.vars.set(name, value);
    if (exported) this.exported.add(name);
  }

  private unsetVar(name: string): void {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(name);
    if (m) {
      this.arrays.unset(m[1] as string, this.arith(m[2] as string));
      return;
    }
    this.vars.delete(name);
    this.arrays.unset(name);
    this.exported.delete(name);
  }

  private arith(expr: string): number {
    try {
      return evalArith(expr, { get: (n) => this.getVar(n), set: (n, v) => this.setVar(n, v) });
    } catch (e) {
      throw new ExpansionError((e as Error).message);
    }
  }

  /** `name=v`, `name+=v`, `name[i]=v`, `name=(…)`, `name+=(…)`, left to right as bash does. */
  private async assign(a: Assignment, ctx: Ctx): Promise<void> {
    const env = this.expandEnv(ctx);
    if (a.array) {
      const values: string[] = [];
      for (const w of a.array) values.push(...(await this.expand(w, ctx)));
      if (!this.arrays.has(a.name)) {
        const scalar = this.vars.get(a.name);
        this.arrays.assign(a.name, a.append && scalar !== undefined ? [scalar] : []);
        this.vars.delete(a.name);
      }
      if (a.append) this.arrays.append(a.name, values);
      else this.arrays.assign(a.name, values);
      return;
    }
    const value = await expandString(a.value, env);
    if (a.index) {
      const index = this.arith(await expandString(a.index, env));
      if (!this.arrays.has(a.name)) {
        const scalar = this.vars.get(a.name);
        this.arrays.assign(a.name, scalar === undefined ? [] : [scalar]);
        this.vars.delete(a.name);
      }
      this.arrays.set(a.name, index, (a.append ? (this.arrays.get(a.name, index) ?? '') : '') + value);
      return;
    }
    this.setVar(a.name, a.append ? (this.getVar(a.name) ?? '') + value : value);
  }

  /** Exported variables, as programs see them. */
  env(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of [...this.exported].sort()) {
      const v = k === 'PWD' ? this.cwd : this.vars.get(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  /** Is this input a whole command, or does the terminal need more lines? */
  check(src: string, eof = false): ParseResult {
    return parse(src, { eof });
  }

  /** The terminal goes away (or the lesson restarts): running jobs get SIGHUP. */
  hangUp(): void {
    for (const job of this.jobs.all) {
      if (job.status !== undefined) continue;
      job.signal = parseSignal('HUP');
      job.stop.fire();
    }
  }

  /**
   * Ctrl+C: SIGINT for the foreground commands. When every one of them catches it (see
   * `CommandIO.trapInterrupt`), only they hear it and the line goes on with their exit statuses;
   * otherwise the whole line stops (130).
   */
  interrupt(): void {
    const running = [...this.foreground];
    if (running.length > 0 && running.every((r) => r.trapped)) {
      for (const r of running) r.own.fire();
      return;
    }
    this.current?.fire();
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Run one command line (possibly several lines) to completion; resolves to its exit status. */
  async run(src: string, sinks: RunSinks, opts: RunOptions = {}): Promise<number> {
    const ctrl = new InterruptController();
    this.current = ctrl;
    const capped = this.capped(sinks, ctrl);
    this.lineSinks = { raw: sinks, capped };
    const ctx: Ctx = {
      stdin: terminalInput,
      stdout: capped.stdout,
      stderr: capped.stderr,
      interrupt: ctrl,
      tty: this.opts.isTTY ?? true,
      screen: true,
    };
    try {
      if (src.trim() && opts.history !== false) this.history.push(src.replace(/\n$/, ''));
      const parsed = parse(src, { eof: opts.eof ?? true });
      if (parsed.kind !== 'ok') {
        const msg = parsed.kind === 'error' ? parsed.message : 'syntax error: unexpected end of file';
        ctx.stderr.write(`bash: ${msg}\n`);
        this.status = 2;
        return 2;
      }
      for (const w of parsed.warnings) ctx.stderr.write(`bash: ${w}\n`);
      const code = await Promise.race([this.execList(parsed.list, ctx), interrupted(ctrl)]);
      this.status = ctrl.interrupted ? 130 : code;
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.exitCode = e.code;
        this.status = e.code;
      } else if (e instanceof ExpansionError) {
        ctx.stderr.write(`bash: ${e.message}\n`);
        this.status = 1;
      } else {
        ctx.stderr.write(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        this.status = 1;
      }
    } finally {
      if (this.current === ctrl) this.current = undefined;
      // An interactive bash reports the jobs that ended before it shows the next prompt.
      if (this.opts.isTTY ?? true) sinks.stderr.write(this.jobs.notices());
    }
    return this.status;
  }

  /** `sinks` limited to the output cap: past it, `stop` fires and the rest is dropped. */
  private capped(sinks: RunSinks, stop: InterruptController): RunSinks {
    const max = this.opts.maxOutput ?? 4 * 1024 * 1024;
    let written = 0;
    let over = false;
    const cap = (out: OutputStream): OutputStream => ({
      write: (t) => {
        if (over) return;
        written += t.length;
        if (written > max) {
          over = true;
          out.write(t.slice(0, Math.max(0, t.length - (written - max))));
          sinks.stderr.write(`\nbash: output limit of ${max} characters reached; command stopped\n`);
          stop.fire();
          return;
        }
        out.write(t);
      },
    });
    return { stdout: cap(sinks.stdout), stderr: cap(sinks.stderr) };
  }

  /**
   * `item &`: run it in a forked shell (its variables and directory are its own, as in a
   * subshell), with its own interrupt and output cap, and go on at once.
   */
  private startJob(item: AndOr, ctx: Ctx): number {
    const line = this.lineSinks;
    // Writing to the terminal: bypass the cap of the line that started it (that line ends now).
    const raw =
      line && ctx.stdout === line.capped.stdout && ctx.stderr === line.capped.stderr
        ? line.raw
        : { stdout: ctx.stdout, stderr: ctx.stderr };
    const child = this.fork();
    const job = this.jobs.add(item.text ?? '', async (stop) => {
      const out = this.capped(raw, stop);
      const jobCtx: Ctx = {
        ...ctx,
        stdin: new StringInput(''),
        stdout: out.stdout,
        stderr: out.stderr,
        interrupt: stop,
      };
      try {
        return await Promise.race([
          child.execAndOr({ ...item, background: false }, jobCtx),
          interrupted(stop),
        ]);
      } catch (e) {
        if (e instanceof ExitSignal) return e.code;
        if (e instanceof ExpansionError) {
          out.stderr.write(`bash: ${e.message}\n`);
          return 1;
        }
        out.stderr.write(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
      }
    });
    if (ctx.tty) ctx.stderr.write(`[${job.id}] ${job.pid}\n`);
    return 0;
  }

  /** A copy of this shell for a background job: same machine, its own variables from now on. */
  private fork(): Shell {
    const child = new Shell({ ...this.opts });
    child.vars.clear();
    for (const [k, v] of this.vars) child.vars.set(k, v);
    child.exported.clear();
    for (const k of this.exported) child.exported.add(k);
    for (const [k, p] of this.programs) child.programs.set(k, p);
    for (const [k, f] of this.functions) child.functions.set(k, f);
    child.arrays.restore(this.arrays);
    child.positional = [...this.positional];
    child.cwd = this.cwd;
    child.status = this.status;
    return child;
  }

  // ---- interpreter ----

  private async execList(list: List, ctx: Ctx): Promise<number> {
    let status = this.status;
    for (const item of list.items) {
      if (ctx.interrupt.interrupted) return 130;
      status = item.background ? this.startJob(item, ctx) : await this.execAndOr(item, ctx);
      this.status = status;
    }
    return status;
  }

  private async execAndOr(item: AndOr, ctx: Ctx): Promise<number> {
    let status = await this.execPipeline(item.first, ctx);
    for (const { op, pipeline } of item.rest) {
      if (ctx.interrupt.interrupted) return 130;
      if ((op === '&&') === (status === 0)) status = await this.execPipeline(pipeline, ctx);
    }
    return status;
  }

  private async execPipeline(p: Pipeline, ctx: Ctx): Promise<number> {
    let status: number;
    let statuses: number[];
    if (p.commands.length === 1) {
      status = await this.execCommand(p.commands[0], ctx);
      statuses = [status];
    } else {
      const runs: Array<Promise<number>> = [];
      let stdin = ctx.stdin;
      // When a reader exits (`head -n 3`), its writer gets SIGPIPE: it is stopped, like on Ctrl+C.
      let upstream: { pipe: Pipe; stop: InterruptController } | undefined;
      p.commands.forEach((cmd, idx) => {
        const last = idx === p.commands.length - 1;
        const pipe = last ? undefined : new Pipe(PIPE_MAX);
        const stop = last ? undefined : new InterruptController();
        if (stop) stop.onInterrupt(ctx.interrupt.onInterrupt(() => stop.fire()));
        const stage: Ctx = {
          ...ctx,
          stdin,
          stdout: pipe ?? ctx.stdout,
          tty: last ? ctx.tty : false,
          screen: last ? ctx.screen : false,
          interrupt: stop ?? ctx.interrupt,
        };
        const feeding = upstream;
        runs.push(
          this.execCommand(cmd, stage)
            .catch((e: unknown) => {
              if (e instanceof ExitSignal) return e.code;
              throw e;
            })
            .finally(() => {
              pipe?.close();
              if (feeding) {
                feeding.pipe.closeReader();
                feeding.stop.fire();
              }
            }),
        );
        upstream = pipe && stop ? { pipe, stop } : undefined;
        if (pipe) stdin = pipe;
      });
      // Every stage runs in a subshell in bash: what they set is gone once the pipeline ends
      // (`echo hi | read v` leaves v unset).
      const codes = await this.isolated(() => Promise.all(runs));
      status = codes[codes.length - 1];
      statuses = codes;
    }
    this.arrays.assign('PIPESTATUS', statuses.map(String));
    if (ctx.interrupt.interrupted) status = 130;
    else if (p.bang) status = status === 0 ? 1 : 0;
    this.status = status;
    return status;
  }

  private async execCommand(cmd: Command, outer: Ctx): Promise<number> {
    if (outer.interrupt.interrupted) return 130;
    if (cmd.type === 'simple') return this.execSimple(cmd, outer);
    if (cmd.type === 'function') {
      this.functions.set(cmd.name, cmd.body);
      return 0;
    }
    const ctx = await this.applyRedirects(cmd.redirs, outer);
    if (typeof ctx === 'number') return ctx;
    switch (cmd.type) {
      case 'group':
        return this.execList(cmd.list, ctx);
      case 'subshell':
        return this.execSubshell(cmd.list, ctx);
      case 'if': {
        for (const clause of cmd.clauses) {
          if ((await this.execList(clause.cond, ctx)) === 0) return this.execList(clause.body, ctx);
          if (ctx.interrupt.interrupted) return 130;
        }
        return cmd.elseBody ? this.execList(cmd.elseBody, ctx) : 0;
      }
      case 'for': {
        const items: string[] = [];
        for (const w of cmd.items ?? []) items.push(...(await this.expand(w, ctx)));
        return this.loop(
          ctx,
          async (i) => {
            if (i >= items.length) return false;
            this.setVar(cmd.name, items[i]);
            return true;
          },
          cmd.body,
        );
      }
      case 'case': {
        const subject = await expandString(cmd.word, this.expandEnv(ctx));
        for (const item of cmd.items) {
          for (const p of item.patterns) {
            if (casePattern(await expandString(p, this.expandEnv(ctx))).test(subject)) {
              return item.body.items.length ? this.execList(item.body, ctx) : 0;
            }
          }
        }
        return 0;
      }
      case 'while':
      case 'until': {
        return this.loop(
          ctx,
          async () => {
            const c = await this.execList(cmd.cond, ctx);
            return (c === 0) === (cmd.type === 'while');
          },
          cmd.body,
        );
      }
    }
  }

  private async loop(ctx: Ctx, next: (i: number) => Promise<boolean>, body: List): Promise<number> {
    let status = 0;
    this.loopDepth++;
    try {
      for (let i = 0; ; i++) {
        if (ctx.interrupt.interrupted) return 130;
        await this.tick();
        if (!(await next(i))) break;
        if (ctx.interrupt.interrupted) return 130;
        try {
          status = await this.execList(body, ctx);
        } catch (e) {
          if (!(e instanceof LoopSignal)) throw e;
          if (e.levels > 1) {
            e.levels--;
            throw e;
          }
          if (e.kind === 'break') break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private async execSubshell(list: List, ctx: Ctx): Promise<number> {
    return this.isolated(async () => {
      try {
        return await this.execList(list, ctx);
      } catch (e) {
        if (e instanceof ExitSignal) return e.code;
        throw e;
      }
    });
  }

  /** Run `work` as a subshell would: variables, exports and the directory come back afterwards. */
  private async isolated<T>(work: () => Promise<T>): Promise<T> {
    const vars = new Map(this.vars);
    const arrays = this.arrays.clone();
    const exported = new Set(this.exported);
    const cwd = this.cwd;
    try {
      return await work();
    } finally {
      this.arrays.restore(arrays);
      this.vars.clear();
      for (const [k, v] of vars) this.vars.set(k, v);
      this.exported.clear();
      for (const k of exported) this.exported.add(k);
      this.cwd = cwd;
    }
  }

  private async tick(): Promise<void> {
    this.steps++;
    if (this.steps % (this.opts.yieldEvery ?? 64) === 0)
      await (this.opts.yieldToHost ?? (() => Promise.resolve()))();
  }

  private expandEnv(ctx: Ctx): ExpandEnv {
    return {
      getVar: (n) => this.getVar(n),
      setVar: (n, v) => this.setVar(n, v),
      getList: (n) => {
        if (n === '@' || n === '*') return [...this.positional];
        if (this.arrays.has(n)) return this.arrays.list(n);
        const v = this.getVar(n);
        return v === undefined ? [] : [v];
      },
      getKeys: (n) => (this.arrays.has(n) ? this.arrays.keys(n) : this.getVar(n) === undefined ? [] : ['0']),
      getElement: (n, i) =>
        this.arrays.has(n) ? this.arrays.get(n, i) : i === 0 || i === -1 ? this.getVar(n) : undefined,
      substitute: async (list) => {
        const out = new StringOutput(PIPE_MAX);
        const saved = this.status;
        this.subStatus = await this.execSubshell(list, {
          ...ctx,
          stdout: out,
          stdin: terminalInput,
          tty: false,
          screen: false,
        });
        this.status = saved;
        return out.text();
      },
      home: this.home,
      fs: this.fs,
      cwd: this.cwd,
    };
  }

  private async expand(w: Parameters<typeof expandWord>[0], ctx: Ctx): Promise<string[]> {
    const env = this.expandEnv(ctx);
    const out: string[] = [];
    for (const word of braceExpand(w)) out.push(...(await expandWord(word, env)));
    return out;
  }

  private async execSimple(cmd: SimpleCommand, outer: Ctx): Promise<number> {
    await this.tick();
    let argv: string[] = [];
    const assigns: Array<[string, string]> = [];
    this.subStatus = 0;
    // Alone, assignments take effect left to right (`a=1 b=$a`); before a command, they apply
    // to that command only and are expanded first.
    const alone = cmd.words.length === 0;
    // An expansion error (`$((1/0))`, `${X:?}`) propagates: it aborts the whole line, as in bash.
    if (alone) for (const a of cmd.assigns) await this.assign(a, outer);
    else
      for (const a of cmd.assigns) assigns.push([a.name, await expandString(a.value, this.expandEnv(outer))]);
    for (const w of cmd.words) argv.push(...(await this.expand(w, outer)));
    if (outer.interrupt.interrupted) return 130;
    const subStatus = this.subStatus;
    const ctx = await this.applyRedirects(cmd.redirs, outer);
    if (typeof ctx === 'number') return ctx;
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return subStatus;
    }
    const name = argv[0];
    if (name === 'break' || name === 'continue') {
      if (this.loopDepth === 0) return 0;
      const n = Number(argv[1] ?? '1');
      throw new LoopSignal(name, Number.isInteger(n) && n > 0 ? n : 1);
    }
    if (name === 'exit') {
      const code = argv[1] === undefined ? this.status : Number(argv[1]);
      if (Number.isNaN(code)) {
        ctx.stderr.write(`bash: exit: ${argv[1]}: numeric argument required\n`);
        throw new ExitSignal(2);
      }
      throw new ExitSignal(code & 255);
    }
    if (name === 'return') {
      if (this.callDepth === 0) {
        ctx.stderr.write("bash: return: can only `return' from a function or sourced script\n");
        return 1;
      }
      const code = argv[1] === undefined ? this.status : Number(argv[1]);
      throw new ReturnSignal(Number.isNaN(code) ? 2 : code & 255);
    }
    const fn = this.functions.get(name);
    if (fn) return this.callFunction(fn, argv, ctx);
    // `VAR=x cmd`: the variables apply to that command only.
    const saved = assigns.map(([k]) => [k, this.vars.get(k), this.exported.has(k)] as const);
    for (const [k, v] of assigns) this.setVar(k, v, true);
    try {
      argv = argv.slice();
      return await this.runArgvCtx(argv, ctx);
    } finally {
      for (const [k, v, ex] of saved) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
        if (!ex) this.exported.delete(k);
      }
    }
  }

  private async callFunction(body: Command, argv: readonly string[], ctx: Ctx): Promise<number> {
    if (this.callDepth >= MAX_CALL_DEPTH) {
      ctx.stderr.write(`bash: ${argv[0]}: maximum function nesting level exceeded (${MAX_CALL_DEPTH})\n`);
      return 1;
    }
    const saved = this.positional;
    this.positional = argv.slice(1);
    this.callDepth++;
    this.localFrames.push(new Map());
    try {
      return await this.execCommand(body, ctx);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      this.callDepth--;
      this.positional = saved;
      for (const [name, v] of this.localFrames.pop()!) {
        if (v.scalar === undefined) this.vars.delete(name);
        else this.vars.set(name, v.scalar);
        this.arrays.put(name, v.array);
        if (v.exported) this.exported.add(name);
        else this.exported.delete(name);
      }
    }
  }

  /**
   * `local NAME[=VALUE]`: the name is the function's own until it returns (bash's dynamic scope:
   * functions it calls see and change it). Without a value a new local is unset; false outside
   * a function.
   */
  private declareLocal(name: string, value: string | undefined): boolean {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame) return false;
    if (!frame.has(name)) {
      frame.set(name, {
        scalar: this.vars.get(name),
        array: this.arrays.take(name),
        exported: this.exported.has(name),
      });
      this.vars.delete(name);
      this.arrays.unset(name);
    }
    if (value !== undefined) this.setVar(name, value);
    return true;
  }

  /** The current function's locals in declaration order, as `local` without arguments lists them. */
  private localsListing(): string | undefined {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame) return undefined;
    let out = '';
    for (const name of frame.keys()) {
      const flag = this.exported.has(name) ? '-x' : '--';
      const v = this.vars.get(name);
      out +=
        v === undefined
          ? `declare ${flag} ${name}\n`
          : `declare ${flag} ${name}="${v.replace(/["\\$`]/g, '\\$&')}"\n`;
    }
    return out;
  }

  private async runArgvCtx(argv: readonly string[], ctx: Ctx): Promise<number> {
    const name = argv[0];
    const program = this.programs.get(name);
    const builtin = this.builtins.get(name);
    if (!program && !builtin) {
      if (name.includes('/')) {
        const p = this.fs.resolve(this.cwd, name);
        const why = this.fs.isDirectory(p)
          ? 'Is a directory'
          : this.fs.exists(p)
            ? 'Permission denied'
            : 'No such file or directory';
        ctx.stderr.write(`bash: ${name}: ${why}\n`);
        return this.fs.exists(p) ? 126 : 127;
      }
      ctx.stderr.write(`bash: ${name}: command not found\n`);
      return 127;
    }
    const open = (): boolean => !ctx.interrupt.interrupted;
    // Its own interrupt: the line's Ctrl+C reaches it, and so can one meant for it alone.
    const entry = { own: new InterruptController(), trapped: false };
    const unlink = ctx.interrupt.onInterrupt(() => entry.own.fire());
    const io: CommandIO = {
      stdin: ctx.stdin,
      stdout: gated(ctx.stdout, open),
      stderr: gated(ctx.stderr, open),
      interrupt: entry.own,
      env: this.env(),
      cwd: this.cwd,
      fs: this.fs,
      isTTY: ctx.tty,
      stdoutIsTerminal: ctx.screen,
      ...(this.opts.columns !== undefined && ctx.tty ? { columns: this.opts.columns } : {}),
      trapInterrupt: () => {
        entry.trapped = true;
      },
    };
    this.foreground.add(entry);
    try {
      const run = program ? program(argv, io) : builtin!(argv, io, this.api);
      // A command that does not catch SIGINT dies of it at once; one that does ends in its own time.
      const killed = new Promise<number>((resolve) =>
        entry.own.onInterrupt(() => {
          if (!entry.trapped || ctx.interrupt.interrupted) resolve(130);
        }),
      );
      return await Promise.race([run, killed]);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof LoopSignal) throw e;
      ctx.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    } finally {
      this.foreground.delete(entry);
      unlink();
    }
  }

  /** Apply redirections left to right: a new context, or an exit status when one failed. */
  private async applyRedirects(redirs: Redirect[], outer: Ctx): Promise<Ctx | number> {
    if (redirs.length === 0) return outer;
    const ctx: Ctx = { ...outer };
    for (const r of redirs) {
      if (r.heredoc) {
        const body = r.heredoc.body ? await expandString(r.heredoc.body, this.expandEnv(outer)) : '';
        ctx.stdin = new StringInput(body);
        continue;
      }
      const fields = r.target ? await this.expand(r.target, outer) : [];
      if (r.op === '<<<') {
        ctx.stdin = new StringInput(fields.join(' ') + '\n');
        continue;
      }
      if (fields.length !== 1) {
        outer.stderr.write(`bash: ${r.target?.raw ?? ''}: ambiguous redirect\n`);
        return 1;
      }
      const target = fields[0];
      if (r.op === '>&' || r.op === '<&') {
        if (/^\d+$/.test(target)) {
          const src = target === '1' ? ctx.stdout : target === '2' ? ctx.stderr : undefined;
          if (!src) {
            outer.stderr.write(`bash: ${target}: Bad file descriptor\n`);
            return 1;
          }
          if (r.fd === 1) ctx.stdout = src;
          else if (r.fd === 2) ctx.stderr = src;
          if (r.fd === 1 && target === '2') {
            ctx.tty = outer.tty;
            ctx.screen = outer.screen;
          }
          continue;
        }
        if (target === '-') continue;
      }
      const path = this.fs.resolve(this.cwd, target);
      if (path === '/dev/null') {
        if (r.op === '<') ctx.stdin = new StringInput('');
        else if (r.fd === 2 || r.op.startsWith('&') || r.op === '>&') {
          ctx.stderr = NULL_SINK;
          if (r.fd !== 2) ctx.stdout = NULL_SINK;
        } else ctx.stdout = NULL_SINK;
        if (r.fd === 1 || r.op.startsWith('&')) ctx.screen = ctx.tty = false;
        continue;
      }
      try {
        if (r.op === '<') {
          ctx.stdin = new StringInput(this.fs.readFile(path));
          continue;
        }
        const append = r.op === '>>' || r.op === '&>>';
        if (!append) this.fs.writeFile(path, '');
        else if (!this.fs.exists(path)) this.fs.writeFile(path, '');
        else if (this.fs.isDirectory(path)) throw new FsError('EISDIR', path);
        const sink = this.fileSink(path, outer.stderr);
        if (r.op === '&>' || r.op === '&>>' || r.op === '>&') {
          ctx.stdout = sink;
          ctx.stderr = sink;
          ctx.tty = false;
          ctx.screen = false;
        } else if (r.fd === 2) ctx.stderr = sink;
        else if (r.fd === 1) {
          ctx.stdout = sink;
          ctx.tty = false;
          ctx.screen = false;
        }
      } catch (e) {
        if (e instanceof FsError) {
          outer.stderr.write(`bash: ${target}: ${fsMessage(e.code)}\n`);
          return 1;
        }
        throw e;
      }
    }
    return ctx;
  }

  private fileSink(path: string, stderr: OutputStream): OutputStream {
    let failed = false;
    return {
      write: (t) => {
        if (failed) return;
        try {
          this.fs.appendFile(path, t);
        } catch (e) {
          failed = true;
          stderr.write(`bash: write error: ${e instanceof FsError ? fsMessage(e.code) : String(e)}\n`);
        }
      },
    };
  }

  private makeApi(user: string): ShellApi {
    const toCtx = (io: CommandIO): Ctx => ({
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      interrupt: io.interrupt,
      tty: io.isTTY,
      screen: io.stdoutIsTerminal ?? io.isTTY,
    });
    return {
      clock: this.clock,
      hostname: this.opts.hostname ?? 'cloudshell',
      user,
      editor: this.opts.editor,
      network: this.opts.network,
      history: this.history,
      jobs: this.jobs,
      clearHistory: () => {
        this.history.length = 0;
      },
      getVar: (n) => this.getVar(n),
      setVar: (n, v, ex) => this.setVar(n, v, ex),
      unsetVar: (n) => this.unsetVar(n),
      exportedVars: () => this.env(),
      markExported: (n) => {
        this.exported.add(n);
      },
      setCwd: (p) => {
        this.cwd = p;
      },
      commandNames: () => this.commandNames(),
      isFunction: (name) => this.functions.has(name),
      declareLocal: (name, value) => this.declareLocal(name, value),
      localsListing: () => this.localsListing(),
      runArgv: (argv, io) => this.runArgvCtx(argv, toCtx(io)),
      runSource: async (src, io) => {
        const parsed = parse(src, { eof: true });
        if (parsed.kind !== 'ok') {
          io.stderr.write(`bash: ${parsed.kind === 'error' ? parsed.message : 'syntax error'}\n`);
          return 2;
        }
        return this.execSubshell(parsed.list, toCtx(io));
      },
      requestExit: (code) => {
        throw new ExitSignal(code);
      },
    };
  }
}

/** A `case` pattern (already expanded) as a whole-string glob: `*`, `?`, `[...]`. */
function casePattern(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
