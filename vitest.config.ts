import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests run with their own config (vitest.e2e.config.ts: a site build and chromium).
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Trusted in-cluster writes are checked against full decoding and validation in every test.
    setupFiles: ['tests/setup/verify-writes.ts'],
    testTimeout: 20000,
  },
});
