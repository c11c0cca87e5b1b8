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
  devToolbar: { enabled: false },
  vite: editorVite,
});
