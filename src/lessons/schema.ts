/**
 * The frontmatter of a lesson (content/lessons/<locale>/NN-slug.mdx), validated by the content
 * collection at build time and by the headless lesson tests. Every field is described here so
 * authors can read this file as the reference.
 */
import { z } from 'astro/zod';

/** A value test on one field: a plain value means "equals". */
const matcher = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z
    .object({
      /** The field exists (true) or is absent/null (false). */
      exists: z.boolean().optional(),
      /** Numeric bounds (inclusive). */
      gte: z.number().optional(),
      lte: z.number().optional(),
      /** The field (as a string) contains this text. */
      contains: z.string().optional(),
      /** The field equals one of these values. */
      in: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
      /** The field does not equal this value. */
      not: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    })
    .strict(),
]);
export type Matcher = z.infer<typeof matcher>;

/**
 * Field paths: `spec.replicas`, `spec.template.spec.containers[0].image`,
 * `metadata.labels['app.kubernetes.io/name']`, `status.conditions[type=Available].status`
 * (the first array element whose field equals the value).
 */
const fieldMap = z.record(z.string(), matcher);

/** Objects of one resource, filtered, then counted and/or all tested. */
export interface ObjectCheck {
  /** Plural resource name as kubectl knows it: pods, deployments, replicasets, services ... */
  resource: string;
  /** Default `default`. Ignored for cluster-scoped resources. */
  namespace?: string;
  /** One object by name (absent counts as zero objects). */
  name?: string;
  /** A label selector, kubectl's `-l` syntax. */
  selector?: string;
  /** Only objects whose fields match are considered (e.g. skip terminating pods). */
  where?: Record<string, Matcher>;
  /** Exactly this many objects remain after filtering, or bounds. */
  count?: number | { min?: number; max?: number };
  /** Every remaining object matches; when `count` is unset at least one object must remain. */
  expect?: Record<string, Matcher>;
}

export type Check = ObjectCheck | { all: Check[] } | { any: Check[] } | { not: Check };

const objectCheck: z.ZodType<ObjectCheck> = z
  .object({
    resource: z.string().min(1),
    namespace: z.string().optional(),
    name: z.string().optional(),
    selector: z.string().optional(),
    where: fieldMap.optional(),
    count: z
      .union([
        z.number().int().min(0),
        z
          .object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() })
          .strict(),
      ])
      .optional(),
    expect: fieldMap.optional(),
  })
  .strict();

export const check: z.ZodType<Check> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(check).min(1) }).strict(),
    z.object({ any: z.array(check).min(1) }).strict(),
    z.object({ not: check }).strict(),
    objectCheck,
  ]),
);

export const task = z
  .object({
    /** Stable id: progress is stored under it. Lowercase words joined by dashes. */
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by dashes, e.g. "scale-to-five"'),
    /** What the reader should achieve, one sentence (markdown inline code allowed). */
    title: z.string().min(1),
    /** State-based check against the cluster: passes when the goal is reached, however it was reached. */
    check,
    /** Shown on request, one at a time. */
    hints: z.array(z.string()).default([]),
  })
  .strict();
export type Task = z.infer<typeof task>;

export const lessonFrontmatter = z
  .object({
    title: z.string().min(1),
    /** One or two sentences for the lesson list and the page description. */
    summary: z.string().min(1),
    /** Position in the course (1-based); previous/next follow it. */
    order: z.number().int().min(1),
    /** The cluster the lesson starts from. */
    cluster: z
      .object({
        /** Manifests (names of files in content/manifests/) applied with `kubectl apply -f`. */
        apply: z.array(z.string()).default([]),
        /** Extra commands run headlessly after the manifests (e.g. to build up rollout history). */
        commands: z.array(z.string()).default([]),
        /** Seconds of virtual time to let pass before the reader starts. */
        wait: z.number().min(0).max(3600).default(0),
      })
      .strict()
      .default({ apply: [], commands: [], wait: 0 }),
    /** Files of content/manifests/ mounted in the reader's home directory. */
    files: z.array(z.string()).default([]),
    tasks: z.array(task).default([]),
    /** Commands that solve every task, in order (the "show me" button replays them). */
    solution: z.array(z.string()).default([]),
  })
  .strict();
export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
