import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Ports of their own, so a console the user runs on 8080/4566 does not collide with the tests.
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 18080);
const localAwsPort = Number(process.env.E2E_LOCAL_AWS_PORT ?? 14566);
// A fresh data directory per run; set once here so workers (which inherit the env) agree.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'batchops-e2e-'));

export default defineConfig({
  testDir: './tests',
  // The first-visit journeys expect an empty job list: they run before the journeys that make jobs.
  projects: [
    { name: 'first-visit', testMatch: /(a11y-first-visit|jobs-list|try-the-demo)\.spec\.ts/ },
    {
      name: 'journeys',
      testIgnore: [
        /(a11y-first-visit|jobs-list|try-the-demo)\.spec\.ts/,
        /demo-(batch-replication|replication-rules)\.spec\.ts/,
      ],
      dependencies: ['first-visit'],
    },
    // They put replication rules on the demo bucket: after the journeys that write there. A new user's
    // first Batch Replication finds the demo objects never replicated; the rules journey comes after it.
    { name: 'demo-replication', testMatch: /demo-batch-replication\.spec\.ts/, dependencies: ['journeys'] },
    { name: 'demo-rules', testMatch: /demo-replication-rules\.spec\.ts/, dependencies: ['demo-replication'] },
  ],
  // One spec file at a time: beside vitest on 2 cores the machine is CPU-bound, and a second worker
  // (E2E_WORKERS=2) made the whole run slower (issue 22 §4, bench README). Each file's tests run in order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 1,
  forbidOnly: true,
  retries: 0,
  // Generous waits, not timed assertions: npm test runs this suite beside vitest's workers on 2 cores.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/results.json' }],
  ],
  use: {
    baseURL: `http://localhost:${consolePort}`,
    viewport: { width: 1280, height: 800 },
    // Cloudscape's transitions and spinners off, as for a user who asks for less motion: less to paint.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Playwright cannot download its browsers here; Debian's Chromium is used instead.
      executablePath: process.env.BATCHOPS_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node ../apps/bff/dist/index.js',
    url: `http://127.0.0.1:${consolePort}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      BATCHOPS_PORT: String(consolePort),
      BATCHOPS_LOCAL_AWS_PORT: String(localAwsPort),
      BATCHOPS_DATA_DIR: process.env.E2E_DATA_DIR,
      // Restores come back within the journey (restore-status.spec.ts sees "restoring", then "available").
      BATCHOPS_RESTORE_DELAYS: 'Expedited=2,Standard=20,Bulk=20',
    },
  },
});
