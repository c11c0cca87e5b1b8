// Vite settings the editor (Monaco, monaco-yaml and their workers) needs; merged into astro.config.mjs.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const monacoEsm = fileURLToPath(new URL('../node_modules/monaco-editor/esm/vs/', import.meta.url));

/**
 * Monaco only ever runs in the browser, loaded on the first edit. Astro's server build would still
 * bundle it (and every `?worker` import) if anything in the SSR graph reached it: answer those
 * imports with an empty module there, so dist stays small and the build fast.
 */
const EDITOR_ONLY = /^(monaco-editor|monaco-yaml)(\/|$)|\?worker$|[\\/]workbench[\\/]editor[\\/]monaco-host/;

/** @returns {import('vite').Plugin} */
function editorOutOfSsr() {
  const STUB = '\0rollout-lab:editor-ssr-stub';
  return {
    name: 'rollout-lab:editor-out-of-ssr',
    enforce: 'pre',
    resolveId(id, _importer, options) {
      if (options?.ssr && EDITOR_ONLY.test(id)) return STUB;
      return null;
    },
    load(id) {
      return id === STUB ? 'export default undefined;' : null;
    },
  };
}

/**
 * Monaco's modules import their CSS (about a hundred files). Left to Vite, those become a CSS file
 * of the lazy Monaco chunk, and Astro then links it from every lesson page's <head> (150 KB of
 * render-blocking CSS nobody needs until the first edit). Instead each such import becomes a small
 * JS module that adds the CSS (inlined by Vite's `?inline`, fonts still emitted as assets) to one
 * <style> element when the Monaco chunk runs.
 */
/** @returns {import('vite').Plugin} */
function monacoCssFromItsChunk() {
  const PREFIX = '\0rollout-lab:monaco-css:';
  const INJECT = '\0rollout-lab:monaco-css-inject';
  const monacoRoot = resolve(monacoEsm, '../..');
  return {
    name: 'rollout-lab:monaco-css-from-its-chunk',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (source === INJECT) return INJECT;
      if (options?.ssr || !source.endsWith('.css')) return null;
      let file;
      if (source.startsWith('monaco-editor/esm/vs/'))
        file = monacoEsm + source.slice('monaco-editor/esm/vs/'.length);
      else if (source.startsWith('.') && importer?.startsWith(monacoRoot))
        file = resolve(dirname(importer), source);
      if (!file?.startsWith(monacoRoot)) return null;
      // The `.js` ending keeps Vite's CSS plugin (which goes by the id's extension) off this module.
      return `${PREFIX}${file}.js`;
    },
    load(id) {
      if (id === INJECT) {
        return [
          'let style;',
          'export default function inject(css) {',
          "  if (typeof document === 'undefined') return;",
          "  if (!style) { style = document.createElement('style'); style.dataset.monacoCss = ''; document.head.append(style); }",
          '  style.append(document.createTextNode(css));',
          '}',
        ].join('\n');
      }
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      return `import inject from ${JSON.stringify(INJECT)};\nimport css from ${JSON.stringify(`${file}?inline`)};\ninject(css);\n`;
    },
  };
}

/** @type {import('vite').UserConfig} */
export const editorVite = {
  plugins: [editorOutOfSsr(), monacoCssFromItsChunk()],
  resolve: {
    alias: [
      // monaco-editor 0.56+ has an `exports` map that hides `esm/vs/...`; monaco-yaml's worker (through
      // monaco-worker-manager) still imports `monaco-editor/esm/vs/editor/editor.worker.js`.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
    ],
  },
  // Module workers: Monaco's and monaco-yaml's workers are ES modules with shared chunks.
  worker: { format: 'es' },
};
