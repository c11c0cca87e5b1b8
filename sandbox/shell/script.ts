/**
 * `--script`: feed a file line by line as if typed, echo each line (`$ ` or `> ` for
 * continuations), run complete commands on the driven virtual clock, and write everything the
 * terminal would show.
 */
import { createSandbox, type Sandbox, type SandboxOptions } from '../index';
import { MemoryFs } from '../fs/memory';
import { createSession, type SessionOptions } from './session';
import type { ShellNetwork } from './net';
import { preloadLazyCommands } from '../kubectl/cmd/wired';

/** The article's load-balancer addresses, handed out in creation order unless `sandboxOptions` says otherwise. */
export const ARTICLE_LOAD_BALANCER_IPS: readonly string[] = ['34.64.140.187', '34.64.200.253'];

export interface ScriptOptions {
  seed?: number;
  /** Where the transcript goes (stdout and stderr interleaved, as on screen). */
  write: (text: string) => void;
  sandbox?: Sandbox;
  sandboxOptions?: SandboxOptions;
  files?: Record<string, string>;
  network?: ShellNetwork;
  yieldToHost?: () => Promise<void>;
  /** Virtual time one command may wait before it is interrupted (default one hour). */
  maxVirtualMs?: number;
  columns?: number;
}

export async function runScript(text: string, opts: ScriptOptions): Promise<number> {
  const sandbox =
    opts.sandbox ??
    createSandbox({
      loadBalancerIPs: [...ARTICLE_LOAD_BALANCER_IPS],
      ...opts.sandboxOptions,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    });
  const fs = new MemoryFs(opts.files ? { files: opts.files } : {});
  const sessionOpts: SessionOptions = { sandbox, fs, isTTY: false };
  if (opts.network) sessionOpts.network = opts.network;
  if (opts.yieldToHost) sessionOpts.yieldToHost = opts.yieldToHost;
  if (opts.columns !== undefined) sessionOpts.columns = opts.columns;
  const session = createSession(sessionOpts);
  const sinks = { stdout: { write: opts.write }, stderr: { write: opts.write } };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  try {
    // Headless: the transcript must not depend on how long the host takes to load kubectl's code.
    await preloadLazyCommands();
    for (const line of lines) {
      opts.write(`${session.prompt()}${line}\n`);
      const r = session.feed(line);
      if (r.kind !== 'run') continue;
      // The reader types the next line after the previous one returned: whatever the cluster does
      // at this very instant (the garbage collector, endpoint updates) has happened by then.
      sandbox.clock.advanceMs(0);
      let stalled = false;
      await session.runDriven(r.source, sinks, {
        ...(opts.yieldToHost ? { yieldToHost: opts.yieldToHost } : {}),
        maxVirtualMs: opts.maxVirtualMs ?? 3_600_000,
        onStall: () => {
          stalled = true;
        },
      });
      if (stalled) opts.write('^C\n');
      if (session.shell.exitCode !== undefined) return session.shell.exitCode;
    }
    const eof = session.endOfInput();
    if (eof) opts.write(eof);
  } finally {
    sandbox.stop();
  }
  return 0;
}
