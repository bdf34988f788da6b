import { defineProject } from 'vitest/config';

// Checks over the whole repository (its README against its code).
export default defineProject({
  test: { name: 'repo', include: ['test/**/*.test.ts'] },
});
