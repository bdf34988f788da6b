// The test commands: lint + typecheck, unit + integration (once, on the Node the bootstrap runs on:
// ≥ 22.13, decision 0031), e2e, and the summary.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ensureTestTools } from './bootstrap.mjs';
import { chromiumPath, log, must, mustPnpm, pnpm, pnpmBin, resultsDir } from './shell.mjs';

export function unitAndIntegration() {
  ensureTestTools();
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, 'vitest.json');
  rmSync(out, { force: true });
  const code = pnpm([
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const counts = {
    unit: { passed: 0, failed: 0, skipped: 0 },
    integration: { passed: 0, failed: 0, skipped: 0 },
  };
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    for (const file of report.testResults ?? []) {
      const kind = /\.int\.test\.tsx?$/.test(file.name) ? 'integration' : 'unit';
      for (const t of file.assertionResults ?? []) {
        if (t.status === 'passed') counts[kind].passed++;
        else if (t.status === 'failed') counts[kind].failed++;
        else counts[kind].skipped++;
      }
    }
  }
  return { code, counts };
}

export function e2e() {
  ensureTestTools();
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, 'playwright.json');
  rmSync(out, { force: true });
  const code = pnpm(['--filter', '@batchops/e2e', 'exec', 'playwright', 'test'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out, BATCHOPS_CHROMIUM: chromiumPath },
  });
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed = report.stats?.expected ?? 0;
    counts.failed = (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
    counts.skipped = report.stats?.skipped ?? 0;
  }
  return { code, counts };
}

function lintAndTypecheck() {
  must(process.execPath, [pnpmBin, 'exec', 'biome', 'ci', '.']);
  mustPnpm(['-r', '--workspace-concurrency=2', 'typecheck']);
}

export async function fullTest() {
  const started = Date.now();
  await ensureBuild();
  log('lint + typecheck');
  lintAndTypecheck();
  log(`unit + integration tests (Node ${process.versions.node})`);
  const ui = unitAndIntegration();
  log('e2e tests (Chromium)');
  const e = e2e();
  const secs = Math.round((Date.now() - started) / 1000);
  const line = (
    name,
    c, // Skipped tests are printed too: a test that skips on a clean clone must not be invisible.
  ) =>
    `  ${name.padEnd(12)} ${String(c.passed).padStart(4)} passed  ${c.failed} failed  ${c.skipped} skipped`;
  console.log(
    [
      '',
      'batchops test summary',
      line('unit', ui.counts.unit),
      line('integration', ui.counts.integration),
      line('e2e', e.counts),
      `  took ${secs}s`,
    ].join('\n'),
  );
  // Every test runs in the full run: a skip (a tool or file missing on this machine) fails it too.
  const counts = [ui.counts.unit, ui.counts.integration, e.counts];
  const skipped = counts.reduce((n, c) => n + c.skipped, 0);
  if (skipped > 0) console.error(`[batchops] ${skipped} test(s) skipped: the full run expects none`);
  const failed = ui.code !== 0 || e.code !== 0 || skipped > 0;
  if (failed) console.error('[batchops] tests FAILED');
  process.exit(failed ? 1 : 0);
}
