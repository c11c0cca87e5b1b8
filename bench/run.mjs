/**
 * Run a benchmark script on the simulator as the site ships it: bundled by esbuild, which is what
 * Vite uses to build the browser's sandbox worker. (tsx, which runs the other scripts, compiles
 * with esbuild's `keepNames`: every function a rollout creates then gets its name defined as a
 * property, a cost the shipped code does not have.) The bundle goes to a temporary folder and is
 * removed afterwards.
 *
 * Usage: `node bench/run.mjs bench/rollout.ts [arguments of the script]` (see package.json).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node bench/run.mjs <bench script> [arguments]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-bench-'));
const out = join(dir, 'bench.mjs');
try {
  await build({
    entryPoints: [resolve(script)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outfile: out,
    // Packages written for CommonJS (yaml) may require Node's modules.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // The script reads its arguments from process.argv, as when run directly.
  process.argv = [process.argv[0], out, ...args];
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
