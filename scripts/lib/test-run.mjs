// The test commands: lint + typecheck, unit + integration (Node 20, then Node 24), e2e, and the summary.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ensureTestTools } from './bootstrap.mjs';
import { ensureNode24, node24Version } from './node24.mjs';
import { chromiumPath, log, must, mustPnpm, pnpm, pnpmBin, resultsDir, run } from './shell.mjs';

export function unitAndIntegration({ env, label = 'vitest' } = {}) {
  ensureTestTools();
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, `${label}.json`);
  rmSync(out, { force: true });
  const args = ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  // Under another Node, pnpm and vitest run on that Node (its bin directory is first on PATH).
  const code = env ? run('node', [pnpmBin, ...args], { env: { ...process.env, ...env } }) : pnpm(args);
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

export function fullTest() {
  const started = Date.now();
  ensureBuild();
  log('lint + typecheck');
  lintAndTypecheck();
  log('unit + integration tests');
  const ui = unitAndIntegration();
  const node24 = ensureNode24();
  let ui24 = { code: 0, counts: undefined };
  if (node24) {
    log(`unit + integration tests on Node ${node24Version}`);
    // The crash matrix runs at full size on Node 20; a quarter of it here keeps CI short.
    const env = { BATCHOPS_CRASH_TASKS: process.env.BATCHOPS_CRASH_TASKS ?? '5000', ...node24 };
    ui24 = unitAndIntegration({ env, label: 'vitest-node24' });
  } else log('Node 24 run skipped: only linux-x64 is set up for it');
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
      ...(ui24.counts
        ? [line('unit @24', ui24.counts.unit), line('integ. @24', ui24.counts.integration)]
        : []),
      line('e2e', e.counts),
      `  took ${secs}s`,
    ].join('\n'),
  );
  // Every test runs in the full run: a skip (a tool or file missing on this machine) fails it too.
  const counts = [
    ui.counts.unit,
    ui.counts.integration,
    ui24.counts?.unit,
    ui24.counts?.integration,
    e.counts,
  ];
  const skipped = counts.reduce((n, c) => n + (c?.skipped ?? 0), 0);
  if (skipped > 0) console.error(`[batchops] ${skipped} test(s) skipped: the full run expects none`);
  const failed = ui.code !== 0 || ui24.code !== 0 || e.code !== 0 || skipped > 0;
  if (failed) console.error('[batchops] tests FAILED');
  process.exit(failed ? 1 : 0);
}
