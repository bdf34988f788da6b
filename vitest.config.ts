import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (*.test.ts); integration tests (*.int.test.ts) start real servers on port 0.
// One worker per core (vitest's default leaves one core free: a single worker on 2 cores); the
// integration files mostly wait on servers and jobs. BATCHOPS_TEST_WORKERS overrides it.
const workers = Number(process.env.BATCHOPS_TEST_WORKERS) || Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'scripts/vitest.config.ts'],
    testTimeout: 30_000,
    maxWorkers: workers,
    minWorkers: 1,
  },
});
