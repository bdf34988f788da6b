import { defineConfig } from 'vitest/config';

// The unit tests that guard the critical modules (stryker.config.mjs mutates those modules).
// Stryker runs only the tests that cover each mutant; integration tests stay out (too slow per mutant).
export default defineConfig({
  test: {
    include: [
      'packages/local-aws/src/iam/**/*.test.ts',
      'packages/local-aws/src/sigv4/**/*.test.ts',
      'packages/batch-formats/src/**/*.test.ts',
      'packages/engine/src/**/*.test.ts',
      'apps/bff/src/web/**/*.test.ts',
    ],
    testTimeout: 30_000,
  },
});
