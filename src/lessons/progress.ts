/**
 * The reader's progress, kept in localStorage under a versioned key. What is stored is which tasks
 * of each lesson were ever seen passing; the cluster itself is not stored (a reload starts the lesson
 * over). Anything unreadable is dropped and reported, never thrown: a damaged entry must not break
 * the page.
 */
export const PROGRESS_KEY = 'rollout-lab:progress:v1';

export interface Progress {
  version: 1;
  lessons: Record<string, { done: string[] }>;
}

export interface LoadedProgress {
  progress: Progress;
  /** Something was stored but could not be read (corrupt or another version) and was dropped. */
  discarded: boolean;
}

/** The part of the Storage API used here (tests pass a Map-backed fake). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parse a stored value. Lesson entries that are malformed are dropped one by one so one bad entry
 * does not cost the reader every other lesson; a wrong top level drops everything.
 */
export function parseProgress(raw: string): LoadedProgress {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), discarded: true };
  }
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.lessons)) {
    return { progress: emptyProgress(), discarded: true };
  }
  const progress = emptyProgress();
  let discarded = false;
  for (const [slug, entry] of Object.entries(value.lessons)) {
    const done = isRecord(entry) ? entry.done : undefined;
    if (Array.isArray(done) && done.every((id) => typeof id === 'string')) {
      progress.lessons[slug] = { done: [...new Set(done as string[])] };
    } else {
      discarded = true;
    }
  }
  return { progress, discarded };
}

/**
 * Read the progress. A value that could not be read is removed from storage so the notice shows
 * once. Storage that throws (disabled cookies, private modes) reads as empty.
 */
export function loadProgress(storage: ProgressStorage | undefined): LoadedProgress {
  let raw: string | null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return { progress: emptyProgress(), discarded: false };
  }
  if (raw === null) return { progress: emptyProgress(), discarded: false };
  const loaded = parseProgress(raw);
  if (loaded.discarded) saveProgress(storage, loaded.progress);
  return loaded;
}

/** Write the progress; false when the storage refused (full, disabled). */
export function saveProgress(storage: ProgressStorage | undefined, progress: Progress): boolean {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function doneTasks(progress: Progress, lesson: string): ReadonlySet<string> {
  return new Set(progress.lessons[lesson]?.done ?? []);
}

/** A copy with `task` of `lesson` marked done (the same object when it already was). */
export function markDone(progress: Progress, lesson: string, task: string): Progress {
  const done = progress.lessons[lesson]?.done ?? [];
  if (done.includes(task)) return progress;
  return { ...progress, lessons: { ...progress.lessons, [lesson]: { done: [...done, task] } } };
}

/** A copy without any ticks for `lesson` (reset lesson). */
export function clearLesson(progress: Progress, lesson: string): Progress {
  if (!(lesson in progress.lessons)) return progress;
  const lessons = { ...progress.lessons };
  delete lessons[lesson];
  return { ...progress, lessons };
}

/** The browser's localStorage, or undefined where touching it throws. */
export function browserStorage(): ProgressStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
