// The test commands: lint + typecheck, unit + integration (once, on the Node the bootstrap runs on:
// ≥ 22.13, decision 0031), e2e, and the summary.
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ensureTestTools } from './bootstrap.mjs';
import { chromiumPath, log, must, mustPnpm, pnpm, pnpmAsync, pnpmBin, resultsDir } from './shell.mjs';

const vitestJson = join(resultsDir, 'vitest.json');
const playwrightJson = join(resultsDir, 'playwright.json');
const e2eLog = join(resultsDir, 'e2e.log');
const checksLog = join(resultsDir, 'checks.log');
const vitestArgs = [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
];
const e2eArgs = ['--filter', '@batchops/e2e', 'exec', 'playwright', 'test'];
const e2eEnv = () => ({
  ...process.env,
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  BATCHOPS_CHROMIUM: chromiumPath,
});

function prepare(out) {
  ensureTestTools();
  mkdirSync(resultsDir, { recursive: true });
  rmSync(out, { force: true });
}

function vitestCounts() {
  const counts = {
    unit: { passed: 0, failed: 0, skipped: 0 },
    integration: { passed: 0, failed: 0, skipped: 0 },
  };
  if (!existsSync(vitestJson)) return counts;
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  for (const file of report.testResults ?? []) {
    const kind = /\.int\.test\.tsx?$/.test(file.name) ? 'integration' : 'unit';
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') counts[kind].passed++;
      else if (t.status === 'failed') counts[kind].failed++;
      else counts[kind].skipped++;
    }
  }
  return counts;
}

function playwrightCounts() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(playwrightJson)) return counts;
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  counts.passed = report.stats?.expected ?? 0;
  counts.failed = (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
  counts.skipped = report.stats?.skipped ?? 0;
  return counts;
}

/** Seconds since `t0` (ms), for the summary's phase times. */
const since = (t0) => Math.round((Date.now() - t0) / 1000);

/**
 * CPU seconds (user + system) of the children this process waited for (and theirs): Linux's /proc,
 * else null. Processes reaped by someone else (Chromium's helpers, detached servers) are not in it:
 * in one clean-clone run it was 891 s while the machine's busy time over the run was ~1,340 s.
 */
function childCpuSeconds() {
  try {
    // Fields after the command's closing parenthesis; cutime and cstime are the 14th and 15th, in ticks.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return Math.round((Number(fields[13]) + Number(fields[14])) / 100);
  } catch {
    return null;
  }
}

export function unitAndIntegration() {
  prepare(vitestJson);
  const t0 = Date.now();
  const code = pnpm(vitestArgs);
  return { code, counts: vitestCounts(), secs: since(t0) };
}

export function e2e() {
  prepare(playwrightJson);
  const t0 = Date.now();
  const code = pnpm(e2eArgs, { env: e2eEnv() });
  return { code, counts: playwrightCounts(), secs: since(t0) };
}

/**
 * Lint + typecheck and both suites at once (issue 22 §4). On 2 cores each of them alone is nearly
 * CPU-bound (vitest's two workers; Chromium's renderer for e2e), but alone each leaves gaps — a
 * test waiting on a job, a suite's last long file — that the others fill. The checks' and e2e's
 * output go to logs printed after vitest's, so nothing interleaves; BATCHOPS_TEST_SERIAL=1 runs
 * them one after the other instead.
 */
async function allSuites() {
  if (process.env.BATCHOPS_TEST_SERIAL === '1') {
    log('lint + typecheck');
    const t0 = Date.now();
    lintAndTypecheck();
    const checks = { code: 0, secs: since(t0) };
    log(`unit + integration tests (Node ${process.versions.node})`);
    const ui = unitAndIntegration();
    log('e2e tests (Chromium)');
    return { checks, ui, e: e2e() };
  }
  prepare(vitestJson);
  prepare(playwrightJson);
  log(
    `unit + integration tests (Node ${process.versions.node}) and, beside them, lint + typecheck (log: ${checksLog}) and e2e tests (Chromium; log: ${e2eLog})`,
  );
  const into = (file) => {
    const fd = openSync(file, 'w');
    return { stdio: ['ignore', fd, fd] };
  };
  const checksOut = into(checksLog);
  const t0 = Date.now();
  const timed = (p) => p.then((code) => ({ code, secs: since(t0) }));
  const checksRun = async () => {
    const lint = await pnpmAsync(['exec', 'biome', 'ci', '.'], checksOut);
    const types = await pnpmAsync(['-r', 'typecheck'], checksOut);
    return lint || types;
  };
  const [checks, ui, e] = await Promise.all([
    timed(checksRun()),
    timed(pnpmAsync(vitestArgs)),
    timed(pnpmAsync(e2eArgs, { env: e2eEnv(), ...into(e2eLog) })),
  ]);
  log(`lint + typecheck: ${checks.code === 0 ? 'passed' : 'FAILED'}, as they printed`);
  process.stdout.write(readFileSync(checksLog, 'utf8'));
  log('e2e tests (Chromium): the run as it printed');
  process.stdout.write(readFileSync(e2eLog, 'utf8'));
  return { checks, ui: { ...ui, counts: vitestCounts() }, e: { ...e, counts: playwrightCounts() } };
}

function lintAndTypecheck() {
  must(process.execPath, [pnpmBin, 'exec', 'biome', 'ci', '.']);
  mustPnpm(['-r', '--workspace-concurrency=2', 'typecheck']);
}

export async function fullTest() {
  const started = Date.now();
  await ensureBuild();
  const { checks, ui, e } = await allSuites();
  const secs = since(started);
  const cpu = childCpuSeconds();
  const beside = process.env.BATCHOPS_TEST_SERIAL === '1' ? 'after' : 'beside';
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
      `  took ${secs}s: lint + typecheck ${checks.secs}s, unit + integration ${ui.secs}s, e2e ${e.secs}s (${beside} them)${cpu === null ? '' : `; ${cpu} CPU-seconds in the processes it waited for`}`,
    ].join('\n'),
  );
  // Every test runs in the full run: a skip (a tool or file missing on this machine) fails it too.
  const counts = [ui.counts.unit, ui.counts.integration, e.counts];
  const skipped = counts.reduce((n, c) => n + c.skipped, 0);
  if (skipped > 0) console.error(`[batchops] ${skipped} test(s) skipped: the full run expects none`);
  if (checks.code !== 0) console.error('[batchops] lint or typecheck FAILED (their output is above)');
  const failed = checks.code !== 0 || ui.code !== 0 || e.code !== 0 || skipped > 0;
  if (failed) console.error('[batchops] tests FAILED');
  process.exit(failed ? 1 : 0);
}
