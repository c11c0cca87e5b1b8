/**
 * The YAML language worker (yaml-language-server through monaco-yaml), bundled by Vite as its own
 * module worker. It expects two messages before Monaco's protocol starts: any message, then the
 * language options (see `yaml-worker.ts`).
 */
import 'monaco-yaml/yaml.worker.js';
