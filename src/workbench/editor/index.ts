/**
 * The editor island. It only registers a loader: Monaco (megabytes) loads on the first
 * `kubectl edit`, `vi`/`nano`/`code FILE` or "open file", never with the lesson page.
 */
import type { EditorImpl, Workbench } from '../runtime';
import { editorStrings } from './helpers';

export function installEditor(el: HTMLElement, wb: Workbench): void {
  const t = editorStrings(el.ownerDocument.documentElement.lang);
  wb.setEditorLoader(async (): Promise<EditorImpl> => {
    // Monaco takes a moment to arrive the first time: say so where it will appear.
    el.textContent = t('editor.loading');
    el.hidden = false;
    try {
      const { createMonacoEditor } = await import('./monaco-host');
      return createMonacoEditor(el, wb);
    } catch (err) {
      el.hidden = true;
      el.textContent = '';
      console.error('editor: Monaco could not load', err);
      throw new Error(t('editor.failed', { message: err instanceof Error ? err.message : String(err) }), {
        cause: err,
      });
    }
  });
}
