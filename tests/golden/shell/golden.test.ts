import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../sandbox/shell/script';

const dir = __dirname;
// The lessons' manifests a transcript names are in its home directory, as in a lesson.
const manifestDir = join(dir, '../../../content/manifests');
const manifests = readdirSync(manifestDir).map((f) => [f, readFileSync(join(manifestDir, f), 'utf8')]);
const filesFor = (script: string): Record<string, string> =>
  Object.fromEntries(manifests.filter(([name]) => script.includes(name)));
const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh'));
const update = process.env.UPDATE_GOLDEN === '1';
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function transcript(file: string): Promise<string> {
  let out = '';
  const script = readFileSync(join(dir, file), 'utf8');
  await runScript(script, {
    seed: 1,
    write: (t) => (out += t),
    yieldToHost: nextTurn,
    columns: 80,
    files: filesFor(script),
  });
  return out;
}

describe('shell golden transcripts (--script)', () => {
  it.each(scripts)('%s', async (file) => {
    const expectedFile = join(dir, file.replace(/\.sh$/, '.out'));
    const actual = await transcript(file);
    if (update) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });

  it('the CLI prints the same transcript', () => {
    const root = join(dir, '../../..');
    const out = execFileSync('npx', ['tsx', 'sandbox/cli.ts', '--script', join(dir, 'basics.sh'), '--seed', '1'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toBe(readFileSync(join(dir, 'basics.out'), 'utf8'));
  });
});
