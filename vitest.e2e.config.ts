import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the site is built once (tests/e2e/global-setup.ts), served on 127.0.0.1
// and driven in Debian's chromium through playwright-core. Files run one after another: each lesson
// page runs a whole simulated cluster, and the CI machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    // One worker for all files: the harness holds no per-file state that needs a fresh module graph.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A page that failed to build its cluster shows it in the test's message; no retries that hide it.
    retry: 0,
  },
});
