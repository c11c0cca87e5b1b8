/**
 * Build the sandbox a lesson starts from: the cluster (seeded, the article's load-balancer
 * addresses), the manifests applied as the reader would apply them, time let pass, and the
 * lesson's files in the reader's home directory. The manifests' texts are passed in: `setup.ts`
 * passes the ones bundled with the site; Node scripts (benchmarks) read them from disk.
 */
import {
  createSandbox,
  createSession,
  MemoryFs,
  preloadLazyCommands,
  ARTICLE_LOAD_BALANCER_IPS,
  type Sandbox,
  type SandboxOptions,
} from '../../sandbox/index';
import type { LessonFrontmatter } from './schema';

export interface LessonStart {
  sandbox: Sandbox;
  fs: MemoryFs;
}

export interface PrepareOptions {
  seed?: number;
  sandboxOptions?: SandboxOptions;
  /** Let the host breathe between commands (the browser passes a macrotask yield). */
  yieldToHost?: () => Promise<void>;
}

export class LessonSetupError extends Error {
  override name = 'LessonSetupError';
}

export type LessonSetup = Pick<LessonFrontmatter, 'cluster' | 'files'>;

/** Run one command line on the driven clock; throw with its output when it fails. */
export async function runHeadless(
  sandbox: Sandbox,
  fs: MemoryFs,
  line: string,
  yieldToHost?: () => Promise<void>,
): Promise<string> {
  const session = createSession({ sandbox, fs, isTTY: false, ...(yieldToHost ? { yieldToHost } : {}) });
  let out = '';
  const sink = { write: (s: string) => void (out += s) };
  const fed = session.feed(line);
  if (fed.kind === 'continue') throw new LessonSetupError(`incomplete command: ${line}`);
  if (fed.kind === 'empty') return '';
  sandbox.clock.advanceMs(0);
  const code = await session.runDriven(
    fed.source,
    { stdout: sink, stderr: sink },
    { maxVirtualMs: 3_600_000, ...(yieldToHost ? { yieldToHost } : {}) },
  );
  if (code !== 0) throw new LessonSetupError(`"${line}" failed (exit ${code}):\n${out}`);
  return out;
}

export async function prepareLessonFrom(
  setup: LessonSetup,
  manifests: Readonly<Record<string, string>>,
  opts: PrepareOptions = {},
): Promise<LessonStart> {
  const manifest = (name: string): string => {
    const text = manifests[name];
    if (text === undefined) {
      throw new LessonSetupError(`unknown manifest "${name}" (known: ${Object.keys(manifests).join(', ')})`);
    }
    return text;
  };
  const sandbox = createSandbox({
    loadBalancerIPs: [...ARTICLE_LOAD_BALANCER_IPS],
    ...opts.sandboxOptions,
    seed: opts.seed ?? 1,
  });
  // Headless callers without a host to yield to load kubectl's lazy parts first (their imports
  // could not finish between microtasks); the browser loads each part on first use instead, so a
  // lesson page only downloads the kubectl code and help texts its setup needs.
  if (!opts.yieldToHost) await preloadLazyCommands();
  // Setup runs in a scratch file system: the reader's home holds only the lesson's files.
  const scratch = new MemoryFs({
    files: Object.fromEntries(setup.cluster.apply.map((name) => [name, manifest(name)])),
  });
  for (const name of setup.cluster.apply) {
    await runHeadless(sandbox, scratch, `kubectl apply -f ${name}`, opts.yieldToHost);
  }
  for (const line of setup.cluster.commands) await runHeadless(sandbox, scratch, line, opts.yieldToHost);
  await letTimePass(sandbox, setup.cluster.wait * 1000, opts.yieldToHost);
  const fs = new MemoryFs({ files: Object.fromEntries(setup.files.map((name) => [name, manifest(name)])) });
  return { sandbox, fs };
}

/**
 * The setup's waiting time, a second of virtual time per step with the host let in between when
 * there is one: a lesson page stays responsive (no long task) while its cluster warms up.
 */
async function letTimePass(sandbox: Sandbox, ms: number, yieldToHost?: () => Promise<void>): Promise<void> {
  if (!yieldToHost) {
    sandbox.clock.advanceMs(ms);
    return;
  }
  for (let done = 0; done < ms; done += 1000) {
    sandbox.clock.advanceMs(Math.min(1000, ms - done));
    await yieldToHost();
  }
}
