/**
 * Build the site the way `npm run build` does (astro build, then the service-worker script), into a
 * directory of its own so test runs and benchmarks never touch `dist/` or each other's output.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CHROMIUM = '/usr/bin/chromium';
/** The flags Debian's chromium needs here (no sandbox in containers, no calls home). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function chromiumAvailable(): Promise<boolean> {
  return (await stat(CHROMIUM).catch(() => undefined))?.isFile() ?? false;
}

function run(args: string[], label: string): Promise<void> {
  return new Promise((ok, fail) => {
    // process.execPath: the Node the tests run on (npm scripts put the pinned Node 24 first).
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? ok() : fail(new Error(`${label} failed (exit ${code}):\n${log.slice(-4000)}`)),
    );
  });
}

/**
 * Build into `outDir` (by default a fresh temporary directory under node_modules/.cache, which the
 * caller removes). With `reuse` set to a directory that already holds a build (`E2E_DIST=...`),
 * nothing is built: handy while iterating on tests.
 */
export async function buildSite(opts: { outDir?: string; reuse?: string } = {}): Promise<string> {
  if (opts.reuse) {
    const dir = resolve(opts.reuse);
    if (!(await stat(join(dir, 'index.html')).catch(() => undefined))) {
      throw new Error(`${dir} holds no built site (index.html missing)`);
    }
    return dir;
  }
  // A fresh directory inside the repo: Astro writes its intermediate prerender build under the outDir
  // when the outDir is inside the working directory, and under the shared <repo>/.astro otherwise,
  // where concurrent builds (another test run, a developer's own build) overwrite each other's
  // chunks. Those chunks must also resolve packages from the repo's node_modules.
  const cache = join(REPO, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const outDir = resolve(opts.outDir ?? (await mkdtemp(join(cache, 'rollout-lab-site-'))));
  await run([join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], 'astro build');
  await run([join(REPO, 'scripts/service-worker.mjs'), outDir], 'service worker generation');
  return outDir;
}
