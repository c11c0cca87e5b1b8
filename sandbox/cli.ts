/**
 * The headless terminal (Node only).
 *
 *   npm run --silent sandbox                          interactive shell (readline, history, Ctrl+C)
 *   npm run --silent sandbox -- --script FILE [--seed N]   replay FILE as if typed
 *   npm run --silent sandbox -- --serve [--port P] [--seed N]   the API for a real kubectl
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createSandbox } from './index';
import { MemoryFs } from './fs/memory';
import { createSession } from './shell/session';
import { runScript } from './shell/script';
import { complete } from './shell/complete';
import { kubeconfig, serve } from './server/index';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function script(file: string, seed: number | undefined): Promise<void> {
  const text = readFileSync(file, 'utf8');
  await runScript(text, {
    ...(seed !== undefined ? { seed } : {}),
    write: (t) => process.stdout.write(t),
    yieldToHost: nextTurn,
    columns: process.stdout.columns ?? 80,
  });
}

async function interactive(seed: number | undefined): Promise<void> {
  const sandbox = createSandbox(seed !== undefined ? { seed } : {});
  const fs = new MemoryFs();
  const session = createSession({
    sandbox,
    fs,
    yieldToHost: nextTurn,
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns ?? 80,
  });
  // Virtual time follows real time while the reader types or watches.
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const ms = Math.floor(now - last);
    if (ms <= 0) return;
    last += ms;
    try {
      sandbox.clock.advanceMs(ms);
    } catch {
      /* advance called from inside a clock task: try again next tick */
    }
  }, 50);
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: Boolean(process.stdin.isTTY),
    historySize: 1000,
    completer: (line: string): [string[], string] => {
      const c = complete(session.shell, line);
      return [c.candidates, c.word];
    },
  });
  const sinks = {
    stdout: { write: (t: string) => process.stdout.write(t) },
    stderr: { write: (t: string) => process.stdout.write(t) },
  };
  let busy = false;
  rl.on('SIGINT', () => {
    if (busy) {
      process.stdout.write('^C\n');
      session.interrupt();
    } else {
      process.stdout.write('^C\n');
      session.cancelInput();
      rl.setPrompt(session.prompt());
      rl.prompt();
    }
  });
  rl.setPrompt(session.prompt());
  rl.prompt();
  for await (const line of rl) {
    const r = session.feed(line);
    if (r.kind === 'run') {
      busy = true;
      rl.pause();
      await session.run(r.source, sinks);
      busy = false;
      rl.resume();
      if (session.shell.exitCode !== undefined) break;
    }
    rl.setPrompt(session.prompt());
    rl.prompt();
  }
  const eof = session.endOfInput();
  if (eof) process.stdout.write(eof);
  clearInterval(ticker);
  sandbox.stop();
  rl.close();
  process.exit(session.shell.exitCode ?? 0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seedText = argValue(args, '--seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) {
    process.stderr.write(`sandbox: --seed needs an integer, got ${seedText}\n`);
    process.exit(2);
  }
  const file = argValue(args, '--script');
  if (args.includes('--script') && !file) {
    process.stderr.write('sandbox: --script needs a file\n');
    process.exit(2);
  }
  if (args.includes('--serve')) {
    const portText = argValue(args, '--port');
    const port = portText === undefined ? 0 : Number(portText);
    // Virtual time follows real time here, and a real kubectl computes ages (events, describe)
    // from its own clock: start the cluster's clock at the real now so those ages are right.
    const sandbox = createSandbox({ ...(seed !== undefined ? { seed } : {}), now: Date.now() });
    const served = await serve(sandbox, { port });
    process.stderr.write(`Serving the sandbox API at ${served.url} (Ctrl+C to stop). Kubeconfig:\n`);
    process.stdout.write(kubeconfig(served.url));
    process.on('SIGINT', () => {
      void served.close().then(() => {
        sandbox.stop();
        process.exit(0);
      });
    });
    return;
  }
  if (file) {
    await script(file, seed);
    process.exit(0);
  }
  await interactive(seed);
}

void main();
