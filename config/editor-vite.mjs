// Vite settings the editor (Monaco, monaco-yaml and their workers) needs; merged into astro.config.mjs.
/** @type {import('vite').UserConfig} */
export const editorVite = {};
