/**
 * A terminal session: the shell wired to the sandbox (kubectl, the cluster network for curl, the
 * editor) and to a line buffer that knows when input continues (`> ` prompt). The web terminal
 * and the headless CLI both use it.
 */
import type { Sandbox } from '../index';
import type { EditorHost } from '../kubectl/env';
import { kubectl, loadsInFlight } from '../kubectl';
import type { VirtualFs } from '../fs/types';
import { networkOf } from '../net/network';
import type { HttpOutcome, ShellNetwork } from './net';
import { Shell, type RunSinks } from './shell';
import { drive, type DriveOptions } from './driver';
import { eofMessage } from './errors';

export interface SessionOptions {
  sandbox: Sandbox;
  fs: VirtualFs;
  editor?: EditorHost;
  /** Default: the sandbox's cluster network, as seen from the reader's laptop. */
  network?: ShellNetwork;
  hostname?: string;
  /** See ShellOptions.yieldToHost. */
  yieldToHost?: () => Promise<void>;
  isTTY?: boolean;
  columns?: number;
  maxOutput?: number;
}

/** What the terminal should do with a line the reader typed. */
export type LineOutcome = { kind: 'continue' } | { kind: 'run'; source: string } | { kind: 'empty' };

export interface Session {
  shell: Shell;
  /** The prompt for the next line: `$ ` or `> ` inside an open construct. */
  prompt(): string;
  /** Feed one typed line (without its newline). */
  feed(line: string): LineOutcome;
  /** Ctrl+D / end of script with an open construct: bash's error text, and the buffer is reset. */
  endOfInput(): string | undefined;
  /** Drop a partly typed construct (Ctrl+C at a `> ` prompt). */
  cancelInput(): void;
  /** Run a complete command line, streaming to `sinks`. */
  run(source: string, sinks: RunSinks): Promise<number>;
  /** Run headless: the virtual clock jumps forward whenever the command waits. */
  runDriven(source: string, sinks: RunSinks, opts?: DriveOptions): Promise<number>;
  interrupt(): void;
  /** The terminal was resized: later commands (`ls`, `watch`, `kubectl get`) use the new width. */
  setColumns(columns: number): void;
}

/**
 * The cluster network adapted to curl: the request takes its virtual time on the clock. `from`:
 * a pod the request leaves from (`kubectl exec POD -- curl`); omitted: the reader's laptop.
 */
export function sandboxNetwork(
  sandbox: Sandbox,
  from?: { namespace: string; podName: string },
): ShellNetwork {
  const net = networkOf({
    api: sandbox.api,
    clock: sandbox.clock,
    random: sandbox.random,
    containers: sandbox.containers,
  });
  return {
    async request(req): Promise<HttpOutcome> {
      const r = net.request({
        url: req.url,
        ...(from ? { from } : {}),
        method: req.method,
        headers: req.headers,
        ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
      });
      if (r.elapsedMs > 0) await sandbox.clock.sleep(r.elapsedMs);
      if (!r.ok) return { ok: false, exitCode: r.error.code, message: r.error.message };
      return { ok: true, status: r.response.status, headers: r.response.headers, body: r.response.body };
    },
  };
}

export function createSession(opts: SessionOptions): Session {
  const { sandbox } = opts;
  const shell = new Shell({
    fs: opts.fs,
    clock: sandbox.clock,
    hostname: opts.hostname ?? 'cloudshell',
    network: opts.network ?? sandboxNetwork(sandbox),
    ...(opts.editor ? { editor: opts.editor } : {}),
    ...(opts.yieldToHost ? { yieldToHost: opts.yieldToHost } : {}),
    ...(opts.isTTY !== undefined ? { isTTY: opts.isTTY } : {}),
    ...(opts.columns !== undefined ? { columns: opts.columns } : {}),
    ...(opts.maxOutput !== undefined ? { maxOutput: opts.maxOutput } : {}),
  });
  shell.register('kubectl', (argv, io) => {
    // A real kubectl takes tens of milliseconds to start and reach the server, and controllers
    // react within milliseconds: by the time the next command of a line (`set image … && rollout
    // pause …`) talks to the cluster, the work the previous one triggered has happened.
    sandbox.clock.flush();
    return kubectl(argv.slice(1), io, {
      api: sandbox.api,
      clock: sandbox.clock,
      containers: sandbox.containers,
      namespace: 'default',
      podNetwork: (namespace, podName) => sandboxNetwork(sandbox, { namespace, podName }),
      ...(opts.editor ? { editor: opts.editor } : {}),
    });
  });
  let buffer: string[] = [];
  return {
    shell,
    prompt: () => (buffer.length > 0 ? '> ' : '$ '),
    feed(line) {
      buffer.push(line);
      const source = buffer.join('\n') + '\n';
      if (buffer.length === 1 && line.trim() === '') {
        buffer = [];
        return { kind: 'empty' };
      }
      const r = shell.check(source);
      if (r.kind === 'incomplete') return { kind: 'continue' };
      buffer = [];
      return { kind: 'run', source };
    },
    endOfInput() {
      if (buffer.length === 0) return undefined;
      const r = shell.check(buffer.join('\n') + '\n');
      buffer = [];
      return r.kind === 'incomplete' ? `bash: ${eofMessage(r.reason)}\n` : undefined;
    },
    cancelInput() {
      buffer = [];
    },
    run: (source, sinks) => shell.run(source, sinks),
    runDriven(source, sinks, dopts = {}) {
      return drive(sandbox.clock, shell.run(source, sinks), {
        progress: () => shell.progress,
        busy: () => loadsInFlight() > 0,
        ...dopts,
        onStall: (why) => {
          dopts.onStall?.(why);
          shell.interrupt();
        },
      });
    },
    interrupt: () => shell.interrupt(),
    setColumns: (columns) => shell.setColumns(columns),
  };
}
