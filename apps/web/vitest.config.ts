import { defineProject } from 'vitest/config';

// Unit tests of the SPA's pure code (URL and filter mapping); pages are tested in e2e/.
export default defineProject({ test: { name: 'web', include: ['src/**/*.test.ts'], environment: 'node' } });
