/**
 * Lesson start-up benchmark: how long each lesson's starting cluster takes to build (manifests
 * applied, time let pass, files mounted) — the work the browser does before the terminal is ready.
 * Median of 5 runs per lesson, on Node. Run with `npm run bench:lessons`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { lessonFrontmatter } from '../src/lessons/schema';
import { prepareLessonFrom } from '../src/lessons/prepare';

const root = join(import.meta.dirname, '..', 'content');
const manifests = Object.fromEntries(
  readdirSync(join(root, 'manifests')).map((f) => [f, readFileSync(join(root, 'manifests', f), 'utf8')]),
);
const RUNS = 5;

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const file of readdirSync(join(root, 'lessons', 'en')).sort()) {
    const text = readFileSync(join(root, 'lessons', 'en', file), 'utf8');
    const fm = lessonFrontmatter.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]));
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const { sandbox } = await prepareLessonFrom(fm, manifests);
      times.push(performance.now() - t0);
      sandbox.stop();
    }
    times.sort((a, b) => a - b);
    const virtual = `${fm.cluster.wait}s + ${fm.cluster.commands.length} commands`;
    rows.push(`${file.padEnd(44)} ${times[RUNS >> 1].toFixed(1).padStart(7)} ms   (${virtual})`);
  }
  console.log(`lesson start-up, median of ${RUNS} (Node ${process.version}):`);
  for (const r of rows) console.log(`  ${r}`);
}

void main();
