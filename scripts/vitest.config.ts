import { defineProject } from 'vitest/config';

// Checks over the whole repository (its README against its code, the console restarted on its data).
export default defineProject({
  test: { name: 'repo', include: ['test/**/*.test.ts'] },
});
