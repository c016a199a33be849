import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The shape cache verifies every query it serves during tests.
    setupFiles: ['test/support/setup.ts'],
    // Database-backed files share servers; PGlite start-up is slow, so allow for it.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The explorer page runs in Chromium (test/e2e/explorer-browser.test.ts), out of v8's sight.
      exclude: ['src/demo/explorer/page/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
});
