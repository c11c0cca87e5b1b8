import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  clearLesson,
  doneTasks,
  loadProgress,
  markDone,
  saveProgress,
  type ProgressStorage,
} from '../../../src/lessons/progress';

function memory(initial?: string): ProgressStorage & { value: () => string | null } {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(PROGRESS_KEY, initial);
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    value: () => map.get(PROGRESS_KEY) ?? null,
  };
}

describe('progress', () => {
  it('starts empty without a notice when nothing is stored', () => {
    const loaded = loadProgress(memory());
    expect(loaded.discarded).toBe(false);
    expect(loaded.progress).toEqual({ version: 1, lessons: {} });
  });

  it('keeps a ticked task across a reload (save, then load again)', () => {
    const storage = memory();
    let p = loadProgress(storage).progress;
    p = markDone(p, 'meet-the-cluster', 'get-pods');
    p = markDone(p, 'meet-the-cluster', 'get-pods');
    saveProgress(storage, p);
    expect(JSON.parse(storage.value() ?? '')).toEqual({
      version: 1,
      lessons: { 'meet-the-cluster': { done: ['get-pods'] } },
    });
    const again = loadProgress(storage);
    expect(again.discarded).toBe(false);
    expect([...doneTasks(again.progress, 'meet-the-cluster')]).toEqual(['get-pods']);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', JSON.stringify({ version: 2, lessons: {} })],
    ['an old shape', JSON.stringify({ 'meet-the-cluster': ['get-pods'] })],
    ['a list', '[]'],
    ['null', 'null'],
  ])('discards %s with a notice and rewrites it empty', (_name, raw) => {
    const storage = memory(raw);
    const loaded = loadProgress(storage);
    expect(loaded.discarded).toBe(true);
    expect(loaded.progress.lessons).toEqual({});
    expect(JSON.parse(storage.value() ?? '')).toEqual({ version: 1, lessons: {} });
    // The notice shows once: the next load finds a clean entry.
    expect(loadProgress(storage).discarded).toBe(false);
  });

  it('drops only the damaged lesson entries', () => {
    const raw = JSON.stringify({
      version: 1,
      lessons: { good: { done: ['a'] }, bad: { done: 'a' }, worse: null, mixed: { done: ['a', 3] } },
    });
    const loaded = loadProgress(memory(raw));
    expect(loaded.discarded).toBe(true);
    expect(loaded.progress.lessons).toEqual({ good: { done: ['a'] } });
  });

  it('never throws when storage does', () => {
    const broken: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(loadProgress(broken)).toEqual({ progress: { version: 1, lessons: {} }, discarded: false });
    expect(saveProgress(broken, { version: 1, lessons: {} })).toBe(false);
    expect(loadProgress(undefined).discarded).toBe(false);
  });

  it('reset clears one lesson and leaves the others', () => {
    let p = markDone(markDone({ version: 1, lessons: {} }, 'one', 'a'), 'two', 'b');
    p = clearLesson(p, 'one');
    expect(p.lessons).toEqual({ two: { done: ['b'] } });
  });
});
