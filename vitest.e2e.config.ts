import { defineConfig } from 'vitest/config';

// Browser end-to-end tests (placeholder until the harness lands): Playwright drives Debian's chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    passWithNoTests: true,
  },
});
