// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Exact module names (a pattern would also catch our own files named like them, e.g. events.ts).
const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'util',
  'crypto',
  'stream',
  'events',
  'process',
  'readline',
  'assert',
  'buffer',
  'worker_threads',
  'perf_hooks',
];
const nodeMessage = 'sandbox/ must not import Node built-ins (only cli.ts and server/ may).';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The simulator runs unchanged in the browser and in Node: no DOM, no Node built-ins, no site code.
    files: ['sandbox/**/*.ts'],
    ignores: ['sandbox/cli.ts', 'sandbox/server/**'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: nodeMessage })),
          patterns: [
            { group: ['node:*'], message: nodeMessage },
            {
              group: [
                '**/src/**',
                '@xterm/*',
                'monaco-editor',
                'monaco-editor/*',
                'monaco-yaml',
                'astro',
                'astro:*',
                'preact',
                'preact/*',
              ],
              message: 'sandbox/ must not import the site, xterm, Monaco or a UI framework.',
            },
            {
              group: ['**/cli', '**/cli.ts', '**/server/**'],
              message: 'Browser code must not import the Node-only cli or server.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'No DOM in sandbox/.' },
        { name: 'document', message: 'No DOM in sandbox/.' },
        { name: 'process', message: 'No Node globals in sandbox/.' },
        { name: 'setTimeout', message: 'Use the virtual clock.' },
        { name: 'setInterval', message: 'Use the virtual clock.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded random source (sandbox/clock/random.ts).',
        },
        { object: 'Date', property: 'now', message: 'Use the virtual clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the virtual clock.',
        },
      ],
    },
  },
);
