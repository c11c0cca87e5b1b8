/**
 * Pure helpers of the editor panel (no DOM, no Monaco), so they are unit-tested in Node: which
 * language a file gets, which Monaco theme follows the page theme, what kubectl's error header
 * says, and the panel's UI strings.
 */
import en from '../../i18n/en/editor';
import ko from '../../i18n/ko/editor';

export type EditorKey = keyof typeof en;
export type EditorStrings = (key: EditorKey, vars?: Record<string, string | number>) => string;

const STRINGS: Record<string, Record<EditorKey, string>> = { en, ko };

/** The panel's strings for a page language (`document.documentElement.lang`), English by default. */
export function editorStrings(lang: string | undefined): EditorStrings {
  const table = STRINGS[(lang ?? 'en').toLowerCase().split('-')[0]] ?? en;
  return (key, vars = {}) =>
    (table[key] ?? en[key]).replace(/\{(\w+)\}/g, (m, name: string) =>
      name in vars ? String(vars[name]) : m,
    );
}

/** The Monaco language of a file: YAML (with the Kubernetes schemas) for manifests, else plain. */
export function languageFor(fileName: string): 'yaml' | 'shell' | 'plaintext' {
  const name = fileName.toLowerCase();
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (/\.(sh|bash)$/.test(name)) return 'shell';
  return 'plaintext';
}

/** The page's theme (`<html data-theme>`) as a built-in Monaco theme. */
export function monacoTheme(pageTheme: string | undefined): 'vs' | 'vs-dark' {
  return pageTheme === 'dark' ? 'vs-dark' : 'vs';
}

/** The last path segment: what the panel shows as the file's name. */
export function baseName(fileName: string): string {
  const parts = fileName.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? fileName;
}

/**
 * The path of the n-th edit's model. Each edit gets its own model (so undo history never crosses
 * edits) and keeps the file's extension (so the YAML schema's `fileMatch` applies).
 */
export function modelPath(fileName: string, n: number): string {
  const safe = baseName(fileName).replace(/[^\w.-]/g, '_') || 'untitled';
  return `/edits/${n}/${safe}`;
}

/**
 * The errors kubectl put in the comment header when it re-opens an invalid edit
 * (`# * spec.replicas: Invalid value: ...`), in order; empty for a first edit.
 */
export function kubectlErrors(content: string): string[] {
  const out: string[] = [];
  for (const line of content.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    const m = /^# \* (.*)$/.exec(line);
    if (m) out.push(m[1]);
  }
  return out;
}

/** The problem count as the status line says it. */
export function problemsText(t: EditorStrings, n: number): string {
  if (n === 0) return t('editor.problems.none');
  if (n === 1) return t('editor.problems.one');
  return t('editor.problems.many', { n });
}
