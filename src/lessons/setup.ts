/**
 * Build the sandbox a lesson starts from, with the manifests bundled from content/manifests/ (see
 * `prepare.ts`). The browser workbench and the headless lesson tests both start here, so what the
 * tests prove is what the reader gets.
 */
import { MANIFESTS } from './manifests';
import { prepareLessonFrom, type LessonSetup, type LessonStart, type PrepareOptions } from './prepare';

export {
  LessonSetupError,
  runHeadless,
  type LessonSetup,
  type LessonStart,
  type PrepareOptions,
} from './prepare';

export function prepareLesson(setup: LessonSetup, opts: PrepareOptions = {}): Promise<LessonStart> {
  return prepareLessonFrom(setup, MANIFESTS, opts);
}
