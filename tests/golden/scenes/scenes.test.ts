/**
 * The article's scenes as terminal transcripts: each `.sh` is replayed with `--script` semantics
 * (seed 1, 80 columns, the article's load-balancer addresses pinned by default) and must print
 * exactly its `.out`. `UPDATE_GOLDEN=1` rewrites the `.out` files — review every changed line
 * against ../shared/spec (beside the repository) before keeping it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../sandbox/shell/script';

const dir = __dirname;
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.sh'))
  .sort();
const update = process.env.UPDATE_GOLDEN === '1';
// The lessons' manifests a scene names are in its home directory, as in a lesson.
const manifestDir = join(dir, '../../../content/manifests');
const manifests = readdirSync(manifestDir).map((f) => [f, readFileSync(join(manifestDir, f), 'utf8')]);
const filesFor = (script: string): Record<string, string> =>
  Object.fromEntries(manifests.filter(([name]) => script.includes(name)));
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function transcript(file: string): Promise<{ out: string; code: number }> {
  let out = '';
  const script = readFileSync(join(dir, file), 'utf8');
  const code = await runScript(script, {
    seed: 1,
    write: (t) => (out += t),
    yieldToHost: nextTurn,
    columns: 80,
    files: filesFor(script),
  });
  return { out, code };
}

describe('article scenes (golden transcripts)', () => {
  it('has one transcript per scene', () => {
    expect(scripts).toEqual([
      '01-manual-rc-update.sh',
      '02-rolling-update.sh',
      '03-deployment.sh',
      '04-readiness.sh',
      '05-blue-green.sh',
      '06-errors.sh',
    ]);
  });

  it.each(scripts)('%s', async (file) => {
    const expectedFile = join(dir, file.replace(/\.sh$/, '.out'));
    const { out, code } = await transcript(file);
    if (update) writeFileSync(expectedFile, out);
    expect(code).toBe(0);
    // No command may hang until the one-hour virtual limit interrupts it.
    expect(out).not.toMatch(/^\^C$/m);
    expect(out).toBe(readFileSync(expectedFile, 'utf8'));
  });

  it('replays the same cluster for the same seed', async () => {
    const a = await transcript('01-manual-rc-update.sh');
    const b = await transcript('01-manual-rc-update.sh');
    expect(b.out).toBe(a.out);
  });
});
