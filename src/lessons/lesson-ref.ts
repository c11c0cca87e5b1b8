/**
 * Lesson identity and order, free of Astro so tests can import it. Files are
 * content/lessons/<locale>/NN-slug.mdx; the slug (URL and progress key) is the file name without its
 * `NN-` prefix, shared by the locales so the language switch lands on the same lesson.
 */
import type { Locale } from '../i18n';

export interface LessonRef {
  locale: Locale;
  slug: string;
}

/** `en/01-meet-the-cluster` → { locale: 'en', slug: 'meet-the-cluster' }; undefined for other shapes. */
export function parseLessonId(id: string): LessonRef | undefined {
  const m = /^(en|ko)\/(?:\d+-)?([^/]+)$/.exec(id);
  if (!m) return undefined;
  return { locale: m[1] as Locale, slug: m[2] };
}

/** Course order: `order`, then slug so equal orders still sort the same way every build. */
export function sortLessons<T extends { slug: string; entry: { data: { order: number } } }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.entry.data.order - b.entry.data.order || a.slug.localeCompare(b.slug));
}

/** The lessons before and after `slug` in a sorted list. */
export function neighbours<T extends { slug: string }>(
  list: readonly T[],
  slug: string,
): { prev?: T; next?: T } {
  const i = list.findIndex((l) => l.slug === slug);
  if (i < 0) return {};
  return { prev: list[i - 1], next: list[i + 1] };
}
