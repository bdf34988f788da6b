import { defineProject } from 'vitest/config';

// Unit tests of the SPA's pure code and of a few components (those name `@vitest-environment
// happy-dom` in their first line), and of the build's own checks (build/); pages are tested in e2e/.
export default defineProject({
  test: { name: 'web', include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'], environment: 'node' },
});
