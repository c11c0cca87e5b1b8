/**
 * The editor behind `kubectl edit` and `vi`/`nano`/`code`: Monaco with YAML validation,
 * completion and hover from the cluster's own schemas. Loaded on the first edit only (see index.ts),
 * so nothing here is in the lesson page's initial JavaScript.
 */
import './monaco-features';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml, type JSONSchema, type MonacoYamlOptions } from 'monaco-yaml';
import type { KubernetesSchema } from '../protocol';
import type { EditorImpl, Workbench } from '../runtime';
import {
  editorStrings,
  kubectlErrors,
  languageFor,
  modelPath,
  monacoTheme,
  problemsText,
  baseName,
  type EditorStrings,
} from './helpers';
import { buildPanel, type Panel } from './panel';
import { withYamlWorker } from './yaml-worker';

/** Shown as the schema's source in hovers; never fetched (the schema is given inline). */
const SCHEMA_URI = 'inmemory://schemas/kubernetes-v1.32.json';

/**
 * Escape closes the panel, but only when no Monaco widget (completion list, find box, hover,
 * peek, snippet placeholders) would take it first.
 */
const ESCAPE_CLOSES =
  '!suggestWidgetVisible && !findWidgetVisible && !editorHoverVisible && !parameterHintsVisible' +
  ' && !renameInputVisible && !markersNavigationVisible && !inSnippetMode && !editorHasMultipleSelections';

let configured = false;

/** Workers and the YAML language, once per page. */
function configureMonaco(schema: KubernetesSchema): void {
  if (configured) return;
  configured = true;
  // Monaco's own editor worker (diffs, word completion, links). The YAML worker is started by
  // `withYamlWorker`, so every label here is Monaco's.
  globalThis.MonacoEnvironment = {
    getWorker: () => new EditorWorker(),
  };
  const options: MonacoYamlOptions = {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    isKubernetes: true,
    schemas: [
      {
        uri: SCHEMA_URI,
        fileMatch: ['*.yaml', '*.yml'],
        schema: schema as JSONSchema,
      },
    ],
  };
  configureMonacoYaml(
    withYamlWorker(monaco) as unknown as Parameters<typeof configureMonacoYaml>[0],
    options,
  );
}

interface OpenEdit {
  model: monaco.editor.ITextModel;
  name: string;
  original: string;
  errors: string[];
  resolve: (text: string | null) => void;
  returnFocus: HTMLElement | null;
}

class MonacoEditorHost implements EditorImpl {
  private readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly panel: Panel;
  private current: OpenEdit | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private count = 0;

  constructor(
    private readonly el: HTMLElement,
    wb: Workbench,
    private readonly t: EditorStrings,
  ) {
    this.panel = buildPanel(el, t);
    const doc = el.ownerDocument;
    const mono = getComputedStyle(doc.documentElement).getPropertyValue('--font-mono').trim();
    monaco.editor.setTheme(monacoTheme(doc.documentElement.dataset.theme));
    this.editor = monaco.editor.create(this.panel.monacoBox, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      ...(mono ? { fontFamily: mono } : {}),
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
      accessibilitySupport: 'auto',
      ariaLabel: t('editor.label'),
    });
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => this.save());
    this.editor.addCommand(monaco.KeyCode.Escape, () => this.requestClose(), ESCAPE_CLOSES);
    this.editor.onDidChangeCursorPosition((e) => {
      this.panel.position.textContent = t('editor.position', {
        line: e.position.lineNumber,
        col: e.position.column,
      });
    });
    this.editor.onDidChangeModelContent(() => this.updateNote());
    monaco.editor.onDidChangeMarkers((uris) => {
      const uri = this.current?.model.uri.toString();
      if (uri && uris.some((u) => u.toString() === uri)) this.updateProblems();
    });
    doc.addEventListener('rollout-lab:theme', () =>
      monaco.editor.setTheme(monacoTheme(doc.documentElement.dataset.theme)),
    );

    const p = this.panel;
    p.save.addEventListener('click', () => this.save());
    p.close.addEventListener('click', () => this.requestClose());
    p.discard.addEventListener('click', () => this.finish(null));
    p.keep.addEventListener('click', () => this.keepEditing());
    // Keys while focus is on the panel's buttons; inside Monaco its own commands answer.
    p.root.addEventListener('keydown', (e) => {
      if (this.editor.hasWidgetFocus() || e.defaultPrevented) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        this.save();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        if (!p.confirm.hidden) this.finish(null);
        else this.requestClose();
      }
    });
    // A lesson reset throws the cluster away: an open edit has nothing left to save into.
    wb.resets.on(() => {
      if (this.current) this.finish(null);
    });
  }

  /** One edit at a time: a second terminal's `vi` waits until the first edit is closed. */
  edit(fileName: string, content: string): Promise<string | null> {
    const run = (): Promise<string | null> => this.start(fileName, content);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private start(fileName: string, content: string): Promise<string | null> {
    return new Promise((resolve) => {
      const doc = this.el.ownerDocument;
      const active = doc.activeElement;
      const returnFocus = active instanceof HTMLElement && !this.el.contains(active) ? active : null;
      const uri = monaco.Uri.file(modelPath(fileName, ++this.count));
      const model = monaco.editor.createModel(content, languageFor(fileName), uri);
      const name = baseName(fileName);
      this.current = { model, name, original: content, errors: kubectlErrors(content), resolve, returnFocus };
      this.panel.file.textContent = name;
      this.panel.file.title = fileName;
      this.panel.confirm.hidden = true;
      this.el.hidden = false;
      this.editor.updateOptions({ ariaLabel: `${this.t('editor.label')}: ${name}` });
      this.editor.setModel(model);
      this.editor.setPosition({ lineNumber: 1, column: 1 });
      this.panel.position.textContent = this.t('editor.position', { line: 1, col: 1 });
      this.editor.layout();
      this.editor.focus();
      this.updateNote();
      this.updateProblems();
      // Monaco paints on the next animation frame; tests and screenshots wait for this flag.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (this.current?.model === model) this.el.dataset.editorReady = '';
        }),
      );
    });
  }

  private dirty(): boolean {
    return !!this.current && this.current.model.getValue() !== this.current.original;
  }

  private save(): void {
    if (!this.current) return;
    this.finish(this.current.model.getValue());
  }

  /** Close: at once when nothing changed, else ask (Esc again or Discard = vi's `:q!`). */
  private requestClose(): void {
    if (!this.current) return;
    // Nothing changed, or Esc again while the question is showing: close without saving.
    if (!this.dirty() || !this.panel.confirm.hidden) {
      this.finish(null);
      return;
    }
    this.panel.confirmText.textContent = this.t('editor.confirm', { name: this.current.name });
    this.panel.confirm.hidden = false;
    this.panel.keep.focus();
  }

  private keepEditing(): void {
    this.panel.confirm.hidden = true;
    this.editor.focus();
  }

  private finish(result: string | null): void {
    const cur = this.current;
    if (!cur) return;
    this.current = undefined;
    this.editor.setModel(null);
    cur.model.dispose();
    this.panel.confirm.hidden = true;
    delete this.el.dataset.editorReady;
    this.el.hidden = true;
    if (cur.returnFocus?.isConnected) cur.returnFocus.focus();
    cur.resolve(result);
  }

  private updateNote(): void {
    const cur = this.current;
    const note = this.panel.note;
    if (!cur) return;
    if (cur.errors.length > 0) {
      note.textContent = this.t('editor.kubectlErrors');
      note.title = cur.errors.join('\n');
      delete note.dataset.kind;
    } else {
      note.textContent = this.dirty() ? this.t('editor.modified') : '';
      note.title = '';
      note.dataset.kind = 'ok';
    }
  }

  private updateProblems(): void {
    const cur = this.current;
    if (!cur) return;
    const n = monaco.editor
      .getModelMarkers({ resource: cur.model.uri })
      .filter((m) => m.severity >= monaco.MarkerSeverity.Warning).length;
    this.panel.problems.textContent = problemsText(this.t, n);
  }
}

/** The editor for the page's `[data-editor]` element. */
export async function createMonacoEditor(el: HTMLElement, wb: Workbench): Promise<EditorImpl> {
  configureMonaco(await wb.jsonSchema());
  return new MonacoEditorHost(el, wb, editorStrings(el.ownerDocument.documentElement.lang));
}
