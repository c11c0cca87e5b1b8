/**
 * Progress as the pages use it (browser only): loaded once per page, with the "could not read your
 * progress" notice shown when something stored had to be dropped.
 */
import { browserStorage, loadProgress, saveProgress, type Progress } from '../lessons/progress';

let cached: Progress | undefined;

function showNotice(): void {
  const notice = document.querySelector<HTMLElement>('[data-progress-notice]');
  if (!notice) return;
  notice.hidden = false;
  notice
    .querySelector('[data-progress-notice-dismiss]')
    ?.addEventListener('click', () => (notice.hidden = true), { once: true });
}

export function readProgress(): Progress {
  if (!cached) {
    const loaded = loadProgress(browserStorage());
    if (loaded.discarded) showNotice();
    cached = loaded.progress;
  }
  return cached;
}

export function writeProgress(progress: Progress): void {
  cached = progress;
  saveProgress(browserStorage(), progress);
}
