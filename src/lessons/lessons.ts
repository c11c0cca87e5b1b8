/** The lessons of each locale, read from the `lessons` content collection (build time only). */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n';
import { parseLessonId, sortLessons } from './lesson-ref';

export { neighbours, parseLessonId } from './lesson-ref';

export type LessonEntry = CollectionEntry<'lessons'>;

export interface Lesson {
  entry: LessonEntry;
  locale: Locale;
  slug: string;
}

/** The lessons of one locale, in course order. */
export async function lessonsFor(locale: Locale): Promise<Lesson[]> {
  const entries = await getCollection('lessons');
  const out: Lesson[] = [];
  for (const entry of entries) {
    const ref = parseLessonId(entry.id);
    if (ref?.locale === locale) out.push({ entry, ...ref });
  }
  return sortLessons(out);
}

/** A locale's lesson pages for Astro's `getStaticPaths`: one per slug, with the lesson as prop. */
export async function lessonPaths(
  locale: Locale,
): Promise<Array<{ params: { slug: string }; props: { lesson: Lesson } }>> {
  const lessons = await lessonsFor(locale);
  return lessons.map((lesson) => ({ params: { slug: lesson.slug }, props: { lesson } }));
}
