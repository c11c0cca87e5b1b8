/**
 * A very small `sh` for busybox: `;`, `&&`, `||`, newlines, quotes, `while true; do ...; done`, and
 * the builtins lessons use (echo, sleep, exit, true, false, touch, rm, cat, date, hostname).
 * `sleep` waits on the virtual clock; everything else runs at once.
 */
import type { AppContext, ExecResult } from './types';

type Connector = ';' | '&&' | '||';
interface Command {
  kind: 'cmd';
  argv: string[];
  connector: Connector;
}
interface Loop {
  kind: 'loop';
  body: Statement[];
  connector: Connector;
}
type Statement = Command | Loop;

function tokenize(script: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let has = false;
  const flush = (): void => {
    if (has) out.push(cur);
    cur = '';
    has = false;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === ';' || ch === '\n') {
      flush();
      out.push(';');
    } else if ((ch === '&' || ch === '|') && script[i + 1] === ch) {
      flush();
      out.push(ch + ch);
      i++;
    } else if (ch === ' ' || ch === '\t') flush();
    else {
      cur += ch;
      has = true;
    }
  }
  flush();
  return out;
}

function parse(tokens: string[], pos: { i: number }, until?: string): Statement[] {
  const out: Statement[] = [];
  let connector: Connector = ';';
  let words: string[] = [];
  const end = (): void => {
    if (words.length) out.push({ kind: 'cmd', argv: words, connector });
    words = [];
  };
  while (pos.i < tokens.length) {
    const t = tokens[pos.i++];
    if (t === ';' || t === '&&' || t === '||') {
      end();
      connector = t;
      continue;
    }
    if (words.length === 0 && t === until) return out;
    if (words.length === 0 && t === 'while') {
      // `while true; do BODY; done`: the condition is taken to be always true.
      while (pos.i < tokens.length && tokens[pos.i] !== 'do') pos.i++;
      pos.i++;
      out.push({ kind: 'loop', body: parse(tokens, pos, 'done'), connector });
      continue;
    }
    words.push(t);
  }
  end();
  return out;
}

export interface ShellState {
  files: Set<string>;
}

/** Run a builtin that does not wait (`sleep` and `exit` are handled by the callers). */
export function builtin(argv: readonly string[], state: ShellState, ctx: AppContext): ExecResult {
  const [name, ...args] = argv;
  const ok = (stdout = ''): ExecResult => ({ code: 0, stdout, stderr: '' });
  switch (name) {
    case 'true':
    case ':':
      return ok();
    case 'false':
      return { code: 1, stdout: '', stderr: '' };
    case 'echo':
      return ok(args.join(' ') + '\n');
    case 'hostname':
      return ok(ctx.hostname + '\n');
    case 'date':
      return ok(new Date(ctx.now()).toUTCString().replace('GMT', 'UTC') + '\n');
    case 'touch':
      args.forEach((f) => state.files.add(f));
      return ok();
    case 'rm':
      args.filter((a) => !a.startsWith('-')).forEach((f) => state.files.delete(f));
      return ok();
    case 'cat': {
      const missing = args.find((f) => !state.files.has(f));
      if (missing) {
        return { code: 1, stdout: '', stderr: `cat: can't open '${missing}': No such file or directory\n` };
      }
      return ok();
    }
    default:
      return { code: 127, stdout: '', stderr: `sh: ${name}: not found\n` };
  }
}

/** Run a script as the container's main process: output goes to the log, the end exits. */
export function runScript(script: string, state: ShellState, ctx: AppContext): void {
  const program = parse(tokenize(script), { i: 0 });
  // An explicit stack of (statements, index) frames, so `sleep` can resume on the clock.
  const stack: Array<{ list: Statement[]; i: number; loop: boolean }> = [
    { list: program, i: 0, loop: false },
  ];
  let status = 0;
  let steps = 0;
  const step = (): void => {
    for (;;) {
      const frame = stack[stack.length - 1];
      if (!frame) return ctx.exit(status);
      if (frame.i >= frame.list.length) {
        if (frame.loop && frame.list.length > 0) frame.i = 0;
        else {
          stack.pop();
          continue;
        }
      }
      const st = frame.list[frame.i++];
      if ((st.connector === '&&' && status !== 0) || (st.connector === '||' && status === 0)) continue;
      if (++steps > 10000) {
        // A loop without sleep would spin forever; yield to the clock instead.
        steps = 0;
        ctx.after(1, step);
        return;
      }
      if (st.kind === 'loop') {
        stack.push({ list: st.body, i: 0, loop: true });
        continue;
      }
      const [name, ...args] = st.argv;
      if (name === 'exit') return ctx.exit(Number(args[0] ?? status) || 0);
      if (name === 'sleep') {
        status = 0;
        const secs = args[0] === 'infinity' ? Infinity : Number(args[0]);
        if (!Number.isFinite(secs)) return; // sleeps forever
        steps = 0;
        ctx.after(Math.max(0, secs), step);
        return;
      }
      const r = builtin(st.argv, state, ctx);
      for (const line of (r.stdout + r.stderr).split('\n').slice(0, -1)) ctx.log(line);
      status = r.code;
    }
  };
  step();
}

/** `exec` of a command in the container: builtins, or `sh -c` of builtins without waiting. */
export function execCommand(argv: readonly string[], state: ShellState, ctx: AppContext): ExecResult {
  if ((argv[0] === 'sh' || argv[0] === '/bin/sh') && argv[1] === '-c') {
    const program = parse(tokenize(argv[2] ?? ''), { i: 0 });
    let last: ExecResult = { code: 0, stdout: '', stderr: '' };
    let stdout = '';
    let stderr = '';
    for (const st of program) {
      if (st.kind !== 'cmd') continue;
      if ((st.connector === '&&' && last.code !== 0) || (st.connector === '||' && last.code === 0)) continue;
      if (st.argv[0] === 'exit') return { code: Number(st.argv[1] ?? 0) || 0, stdout, stderr };
      last = st.argv[0] === 'sleep' ? { code: 0, stdout: '', stderr: '' } : builtin(st.argv, state, ctx);
      stdout += last.stdout;
      stderr += last.stderr;
    }
    return { code: last.code, stdout, stderr };
  }
  return builtin(argv, state, ctx);
}
