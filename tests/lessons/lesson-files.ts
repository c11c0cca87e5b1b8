/**
 * Reading lesson files the way the site does: the YAML frontmatter between the `---` lines,
 * validated by the lesson schema, and the runnable ```sh blocks of the body.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { lessonFrontmatter, type LessonFrontmatter } from '../../src/lessons/schema';

export const LESSON_ROOT = join(import.meta.dirname, '../../content/lessons');
export const LOCALES = ['en', 'ko'] as const;
export type LessonLocale = (typeof LOCALES)[number];

export interface LessonFile {
  locale: LessonLocale;
  /** `01-meet-the-cluster.mdx` */
  file: string;
  /** The raw frontmatter object, before validation. */
  raw: unknown;
  body: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

export function readLesson(locale: LessonLocale, file: string): LessonFile {
  const text = readFileSync(join(LESSON_ROOT, locale, file), 'utf8');
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error(`${locale}/${file}: no frontmatter between --- lines`);
  return { locale, file, raw: parseYaml(m[1]) as unknown, body: m[2] };
}

export function lessonFiles(locale: LessonLocale): string[] {
  return readdirSync(join(LESSON_ROOT, locale))
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .sort();
}

export function validate(lesson: LessonFile): LessonFrontmatter {
  const r = lessonFrontmatter.safeParse(lesson.raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${lesson.locale}/${lesson.file}: invalid frontmatter\n${issues}`);
  }
  return r.data;
}

/** The contents of the fenced ```sh blocks, in order (the site makes exactly these runnable). */
export function shBlocks(body: string): string[] {
  const out: string[] = [];
  const re = /^([ \t]*)(`{3,}|~{3,})sh[ \t]*\r?\n([\s\S]*?)^\1\2[ \t]*$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const indent = m[1];
    out.push(
      m[3]
        .split('\n')
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
        .join('\n')
        .replace(/\n$/, ''),
    );
  }
  return out;
}

/** The parts of a lesson's frontmatter both locales must share (only human text may differ). */
export function machinePart(fm: LessonFrontmatter): unknown {
  return {
    order: fm.order,
    cluster: fm.cluster,
    files: fm.files,
    tasks: fm.tasks.map((t) => ({ id: t.id, check: t.check })),
    solution: fm.solution,
  };
}
