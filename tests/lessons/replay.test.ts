/**
 * Every lesson, replayed headlessly: its frontmatter is valid and mirrored between the locales,
 * its manifests exist, no task is done at the start, the solution finishes every task, and the
 * commands of its ```sh blocks work verbatim in the lesson's sandbox.
 *
 * LESSON_TRANSCRIPTS=<dir> writes what the sh blocks printed, one file per lesson and locale, to
 * read a lesson as a new reader would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../sandbox/index';
import { evaluateCheck } from '../../src/lessons/check';
import { MANIFESTS } from '../../src/lessons/manifests';
import type { LessonFrontmatter } from '../../src/lessons/schema';
import { prepareLesson, runHeadless } from '../../src/lessons/setup';
import {
  LOCALES,
  lessonFiles,
  machinePart,
  readLesson,
  shBlocks,
  validate,
  type LessonFile,
  type LessonLocale,
} from './lesson-files';
import { BROKEN_COMMAND, runBlocks, scriptedEditor } from './run-blocks';

/**
 * What the reader types in the editor when a lesson's prose says `kubectl edit` (the editor opens
 * in the page; headlessly these replacements stand in for the typing).
 */
const EDITS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  '02-manual-rc-update.mdx': [['image: luksa/kubia:v1', 'image: luksa/kubia:v2']],
  '04-deployments.mdx': [['replicas: 3', 'replicas: 4']],
};

/** Commands the prose tells the reader to stop with Ctrl+C, and when (virtual ms after they start). */
const INTERRUPTS: Record<string, Record<string, number>> = {
  // "Interrupt it when it has printed `Scaling kubia-v2 up to 2`" (about 95 s in).
  '03-rolling-update.mdx': { 'kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2': 100_000 },
};

const files = new Map<LessonLocale, string[]>(LOCALES.map((l) => [l, lessonFiles(l)]));
const lessons = new Map<string, LessonFile>();
for (const locale of LOCALES) {
  for (const file of files.get(locale) ?? []) lessons.set(`${locale}/${file}`, readLesson(locale, file));
}

function frontmatter(locale: LessonLocale, file: string): LessonFrontmatter {
  const lesson = lessons.get(`${locale}/${file}`);
  if (!lesson) throw new Error(`no lesson ${locale}/${file}`);
  return validate(lesson);
}

describe('lesson files', () => {
  it('there are lessons in every locale', () => {
    for (const locale of LOCALES) expect(files.get(locale)?.length, locale).toBeGreaterThan(0);
  });

  for (const [key, lesson] of lessons) {
    it(`${key}: valid frontmatter`, () => {
      expect(() => validate(lesson)).not.toThrow();
    });

    it(`${key}: the sh blocks parse`, () => {
      for (const block of shBlocks(lesson.body)) {
        const r = parse(`${block}\n`, { eof: true });
        expect(r.kind === 'error' ? r.message : r.kind, block).toBe('ok');
      }
    });
  }

  for (const file of files.get('en') ?? []) {
    it(`${file}: has a Korean twin with the same order, cluster, files, checks and solution`, () => {
      expect(files.get('ko'), `ko/${file} is missing`).toContain(file);
      const en = frontmatter('en', file);
      const ko = frontmatter('ko', file);
      expect(machinePart(ko)).toEqual(machinePart(en));
    });
  }
  for (const file of files.get('ko') ?? []) {
    it(`ko/${file} has an English twin`, () => {
      expect(files.get('en'), `en/${file} is missing`).toContain(file);
    });
  }

  for (const file of files.get('en') ?? []) {
    it(`${file}: every manifest it names exists`, () => {
      const fm = frontmatter('en', file);
      for (const name of [...fm.cluster.apply, ...fm.files]) {
        expect(Object.keys(MANIFESTS), `content/manifests/${name}`).toContain(name);
      }
    });
  }
});

describe('lesson replay', () => {
  for (const file of files.get('en') ?? []) {
    it(
      `${file}: no task is done at the start; the solution does every task`,
      { timeout: 120_000 },
      async () => {
        const fm = frontmatter('en', file);
        const { sandbox, fs } = await prepareLesson(fm);
        for (const t of fm.tasks) {
          const r = evaluateCheck(sandbox.api, t.check);
          expect(r.pass, `task "${t.id}" already passes at the start`).toBe(false);
        }
        // When each task first passes (index of the solution line): a task must not be done before
        // the tasks listed above it, or its check is too loose (it passes for the wrong reason).
        const firstPass = new Map<string, number>();
        for (const [i, line] of fm.solution.entries()) {
          await runHeadless(sandbox, fs, line);
          for (const t of fm.tasks) {
            if (!firstPass.has(t.id) && evaluateCheck(sandbox.api, t.check).pass) firstPass.set(t.id, i);
          }
        }
        const order = fm.tasks.map((t) => firstPass.get(t.id) ?? Infinity);
        for (let k = 1; k < order.length; k++) {
          expect(
            order[k],
            `task "${fm.tasks[k].id}" is done after solution line ${order[k] + 1}, before "${fm.tasks[k - 1].id}" (line ${order[k - 1] + 1})`,
          ).toBeGreaterThanOrEqual(order[k - 1]);
        }
        for (const t of fm.tasks) {
          const r = evaluateCheck(sandbox.api, t.check);
          expect(r.pass, `task "${t.id}" fails after the solution: ${r.detail ?? ''}`).toBe(true);
        }
      },
    );
  }
});

describe('the commands in the prose work verbatim', () => {
  const out = process.env.LESSON_TRANSCRIPTS;
  if (out) mkdirSync(out, { recursive: true });
  for (const file of files.get('en') ?? []) {
    const runs = new Map<string, LessonLocale[]>();
    for (const locale of LOCALES) {
      const lesson = lessons.get(`${locale}/${file}`);
      if (!lesson) continue;
      const key = JSON.stringify(shBlocks(lesson.body));
      runs.set(key, [...(runs.get(key) ?? []), locale]);
    }
    // Locales with the same blocks run once.
    for (const [key, locales] of runs) {
      const blocks = JSON.parse(key) as string[];
      it(`${locales.join('+')}/${file}: its sh blocks run in order`, { timeout: 300_000 }, async () => {
        const fm = frontmatter(locales[0], file);
        const { sandbox, fs } = await prepareLesson(fm);
        const run = await runBlocks(sandbox, fs, blocks, scriptedEditor(EDITS[file] ?? []), INTERRUPTS[file]);
        if (out) {
          for (const l of locales)
            writeFileSync(join(out, `${l}-${file.replace(/\.mdx?$/, '')}.txt`), run.transcript);
        }
        const broken = run.transcript.split('\n').filter((l) => BROKEN_COMMAND.test(l));
        expect(broken, run.transcript).toEqual([]);
        expect(run.hung, 'commands that never finished').toEqual([]);
      });
    }
  }
});
