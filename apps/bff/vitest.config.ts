import { defineProject } from 'vitest/config';

// Integration tests run real servers; on a loaded machine they take seconds (the root's 30 s is not inherited).
export default defineProject({
  test: { name: 'bff', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 30_000 },
});
