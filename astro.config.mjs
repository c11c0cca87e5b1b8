// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { editorVite } from './config/editor-vite.mjs';

export default defineConfig({
  site: 'https://rollout-lab.invalid',
  trailingSlash: 'always',
  integrations: [mdx()],
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'ko'],
    routing: { prefixDefaultLocale: false },
  },
  // Both themes' colours are emitted as CSS variables; global.css picks the page's theme.
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
    },
  },
  // The pages' CSS is small (about 8 KB gzip on a lesson page): inlining it saves render-blocking
  // round trips before first paint.
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  vite: editorVite,
});
