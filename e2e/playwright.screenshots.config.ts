import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `pnpm --filter @batchops/e2e screenshots`: the pages of scripts/screenshot-list.ts at 1280×800 into e2e/screenshots/.
export default defineConfig({
  ...base,
  testDir: './scripts',
  testMatch: 'screenshots.ts',
  globalSetup: './scripts/clear-screenshots.ts',
  timeout: 180_000,
  reporter: [['list']],
});
