import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'batch-formats', include: ['src/**/*.test.ts'] } });
