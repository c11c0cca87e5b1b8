/**
 * The real kubectl the integration tests compare against: a v1.32 client binary (not gcloud's
 * dispatcher), or undefined, in which case those tests skip and say why.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Session } from '../../sandbox/shell/session';

export const KUBECTL_CANDIDATES = [
  '/usr/lib/google-cloud-sdk/bin/kubectl.1.32',
  '/usr/local/bin/kubectl',
  '/usr/bin/kubectl',
];

let found: string | undefined | null = null;

export function findKubectl(): string | undefined {
  if (found !== null) return found;
  found = undefined;
  for (const c of KUBECTL_CANDIDATES) {
    if (!existsSync(c)) continue;
    try {
      const v = execFileSync(c, ['version', '--client', '-o', 'json'], { encoding: 'utf8', timeout: 20000 });
      const minor = (JSON.parse(v) as { clientVersion?: { minor?: string } }).clientVersion?.minor;
      if (minor?.startsWith('32') && !v.includes('dispatcher')) {
        found = c;
        break;
      }
    } catch {
      // not usable
    }
  }
  return found;
}

/** Find the binary, or warn once that `what` is skipped and where we looked. */
export function kubectlOrSkip(what: string): string | undefined {
  const bin = findKubectl();
  if (!bin)
    console.warn(`${what} skipped: no kubectl v1.32 binary (looked in ${KUBECTL_CANDIDATES.join(', ')})`);
  return bin;
}

/** What a command printed and its exit status. */
export interface Result {
  out: string;
  err: string;
  code: number;
}

/** The real binary run once: its output and exit status (a failing run is a result, not a throw). */
export async function runBinary(
  bin: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(bin, args, {
      encoding: 'utf8',
      timeout: 60000,
      env: opts.env,
      cwd: opts.cwd,
    });
    return { out: stdout, err: stderr, code: 0 };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; code?: number };
    return { out: x.stdout ?? '', err: x.stderr ?? '', code: typeof x.code === 'number' ? x.code : 1 };
  }
}

/** Single-quote a word for the sandbox's shell. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The same command through the sandbox's own shell: `kubectl ARGS`, after `prefix` (e.g. `EDITOR=…
 * `); `driven` jumps the virtual clock whenever the command waits on it.
 */
export async function runInSession(
  session: Session,
  args: string[],
  opts: { prefix?: string; driven?: boolean } = {},
): Promise<Result> {
  let out = '';
  let err = '';
  const source = `${opts.prefix ?? ''}kubectl ${args.map(shellQuote).join(' ')}\n`;
  const sinks = {
    stdout: { write: (t: string) => void (out += t) },
    stderr: { write: (t: string) => void (err += t) },
  };
  const code = opts.driven
    ? await session.runDriven(source, sinks, { maxVirtualMs: 600_000 })
    : await session.run(source, sinks);
  return { out, err, code };
}
