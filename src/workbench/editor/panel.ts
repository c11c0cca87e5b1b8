/**
 * The editor panel's frame (no Monaco): a bar with the file name, Save and Close, the box Monaco
 * fills, a status line, and the "discard changes?" question. Its styles are injected from this
 * (lazily loaded) chunk, because CSS imported only by a lazy chunk under an island can be dropped.
 */
import type { EditorStrings } from './helpers';

const STYLE_ID = 'rollout-lab-editor-style';

const CSS = `
[data-editor-panel] { display: flex; flex-direction: column; height: 100%; background: var(--bg); color: var(--fg); font-family: var(--font-sans); }
[data-editor-panel] .ed-bar { display: flex; align-items: center; gap: 0.5rem; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--border); background: var(--panel-bg); flex: 0 0 auto; flex-wrap: wrap; }
[data-editor-panel] .ed-file { font-family: var(--font-mono); font-size: 0.85rem; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; flex: 1 1 8rem; margin: 0; }
[data-editor-panel] .ed-keys { color: var(--muted); font-size: 0.75rem; }
[data-editor-panel] button { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.75rem; border-radius: var(--radius); border: 1px solid var(--border); background: var(--bg); color: var(--fg); cursor: pointer; }
[data-editor-panel] button:hover { border-color: var(--accent); }
[data-editor-panel] button:focus-visible { outline: none; box-shadow: var(--focus); }
[data-editor-panel] button[data-editor-save], [data-editor-panel] button[data-editor-discard] { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
[data-editor-panel] .ed-confirm { display: flex; align-items: center; gap: 0.5rem; padding: 0.35rem 0.5rem; background: var(--correction-bg); border-bottom: 1px solid var(--border); font-size: 0.85rem; flex-wrap: wrap; }
[data-editor-panel] .ed-confirm[hidden] { display: none; }
[data-editor-panel] .ed-confirm p { margin: 0; flex: 1 1 12rem; }
[data-editor-panel] .ed-monaco { flex: 1 1 auto; min-height: 0; position: relative; }
[data-editor-panel] .ed-status { display: flex; gap: 1rem; padding: 0.2rem 0.5rem; border-top: 1px solid var(--border); background: var(--panel-bg); color: var(--muted); font-size: 0.75rem; flex: 0 0 auto; min-height: 1.5rem; flex-wrap: wrap; }
[data-editor-panel] .ed-status [data-editor-note] { color: var(--err); }
[data-editor-panel] .ed-status [data-editor-note][data-kind='ok'] { color: var(--ok); }
`;

export interface Panel {
  root: HTMLElement;
  file: HTMLElement;
  monacoBox: HTMLElement;
  save: HTMLButtonElement;
  close: HTMLButtonElement;
  confirm: HTMLElement;
  confirmText: HTMLElement;
  discard: HTMLButtonElement;
  keep: HTMLButtonElement;
  position: HTMLElement;
  problems: HTMLElement;
  note: HTMLElement;
}

function injectStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.append(style);
}

function make<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  return node;
}

/** Build the panel inside `host` (the page's `[data-editor]` element), replacing what was there. */
export function buildPanel(host: HTMLElement, t: EditorStrings): Panel {
  const doc = host.ownerDocument;
  injectStyle(doc);
  const root = make(doc, 'div', { attrs: { 'data-editor-panel': '', role: 'region' } });
  const file = make(doc, 'h2', { className: 'ed-file', attrs: { id: 'rollout-lab-editor-file' } });
  root.setAttribute('aria-labelledby', file.id);
  const keys = make(doc, 'span', { className: 'ed-keys', text: t('editor.keys') });
  const save = make(doc, 'button', {
    text: t('editor.save'),
    attrs: { type: 'button', 'data-editor-save': '' },
  });
  const close = make(doc, 'button', {
    text: t('editor.close'),
    attrs: { type: 'button', 'data-editor-close': '' },
  });
  save.title = 'Ctrl+S';
  close.title = 'Esc';
  const bar = make(doc, 'div', { className: 'ed-bar' });
  bar.append(file, keys, save, close);

  const confirm = make(doc, 'div', { className: 'ed-confirm', attrs: { role: 'alertdialog' } });
  confirm.hidden = true;
  const confirmText = make(doc, 'p', { attrs: { id: 'rollout-lab-editor-confirm' } });
  confirm.setAttribute('aria-describedby', confirmText.id);
  const discard = make(doc, 'button', {
    text: t('editor.discard'),
    attrs: { type: 'button', 'data-editor-discard': '' },
  });
  const keep = make(doc, 'button', {
    text: t('editor.keepEditing'),
    attrs: { type: 'button', 'data-editor-keep': '' },
  });
  confirm.append(confirmText, discard, keep);

  const monacoBox = make(doc, 'div', { className: 'ed-monaco' });
  const status = make(doc, 'div', { className: 'ed-status' });
  const position = make(doc, 'span', { attrs: { 'data-editor-position': '' } });
  const problems = make(doc, 'span', { attrs: { 'data-editor-problems': '' } });
  const note = make(doc, 'span', {
    attrs: { 'data-editor-note': '', role: 'status', 'aria-live': 'polite' },
  });
  status.append(position, problems, note);

  root.append(bar, confirm, monacoBox, status);
  host.replaceChildren(root);
  return {
    root,
    file,
    monacoBox,
    save,
    close,
    confirm,
    confirmText,
    discard,
    keep,
    position,
    problems,
    note,
  };
}
