/**
 * The lessons collection: content/lessons/<locale>/NN-slug.mdx, frontmatter validated by the
 * schema in src/lessons/schema.ts (the same one the headless lesson tests use).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { withReadableErrors } from './lessons/frontmatter-errors';
import { lessonFrontmatter } from './lessons/schema';

const lessons = defineCollection({
  // The id keeps the locale folder and the file name as written (`en/01-meet-the-cluster`), so pages
  // can derive the locale and the slug without Astro's slugifying guesses.
  loader: glob({
    base: './content/lessons',
    pattern: '**/*.mdx',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: withReadableErrors(lessonFrontmatter),
});

export const collections = { lessons };
