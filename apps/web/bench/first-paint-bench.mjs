// Console first paint on a slow link: the real console (BFF + local-aws, a fresh data directory)
// opened in Chromium with CDP network emulation (1.6 Mbps down, 750 kbps up, 300 ms latency, no
// cache): first contentful paint and the time until the job list's table shows, median of
// BENCH_PAINT_RUNS (3). Goal (issue 22 §3): FCP < 4 s. BENCH_WEB_DIR measures another build of the
// SPA (e.g. one made before a change). Needs `node scripts/batchops.mjs build` and /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordFigure } from '../../../packages/local-aws/bench/figures.mjs';
import { failBench, limitBenchTime } from '../../../packages/local-aws/bench/time-limit.mjs';

const NAME = 'first-paint bench';
limitBenchTime(NAME, { quickSeconds: 180, fullSeconds: 300 });

const GOAL_FCP_MS = 4000;
const LINK = { latency: 300, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const runs = Number(process.env.BENCH_PAINT_RUNS ?? 3);
const consolePort = Number(process.env.BENCH_CONSOLE_PORT ?? 18580);
const localAwsPort = Number(process.env.BENCH_LOCAL_AWS_PORT ?? 14580);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
// Playwright is the e2e package's: the console has no browser dependency of its own.
const { chromium } = createRequire(join(repo, 'e2e/package.json'))('@playwright/test');

const dataDir = mkdtempSync(join(tmpdir(), 'batchops-paint-'));
const bff = spawn(process.execPath, [join(repo, 'apps/bff/dist/index.js')], {
  env: {
    ...process.env,
    BATCHOPS_PORT: String(consolePort),
    BATCHOPS_LOCAL_AWS_PORT: String(localAwsPort),
    BATCHOPS_DATA_DIR: dataDir,
    ...(process.env.BENCH_WEB_DIR ? { BATCHOPS_WEB_DIR: process.env.BENCH_WEB_DIR } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => {
  bff.kill();
  rmSync(dataDir, { recursive: true, force: true });
};
bff.on('exit', (code) => code !== null && code !== 0 && failBench(NAME, `the console exited with ${code}`));

const base = `http://localhost:${consolePort}`;
for (let i = 0; ; i++) {
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 300) failBench(NAME, `the console did not answer ${base}/api/health`);
  await new Promise((ok) => setTimeout(ok, 200));
}

/** One cold visit of the job list over the emulated link. */
async function visit(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
  await page.goto(`${base}/batch-operations`, { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: 'Batch Operations' }).waitFor({ timeout: 60_000 });
  await page.getByRole('table').waitFor({ timeout: 60_000 });
  const figures = await page.evaluate(() => ({
    listMs: performance.now(),
    fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.weight} ${f.style}`),
  }));
  await context.close();
  return figures;
}

const browser = await chromium.launch({
  executablePath: process.env.BATCHOPS_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const results = [];
try {
  for (let i = 0; i < runs; i++) results.push(await visit(browser));
} finally {
  await browser.close();
  stop();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fcp = median(results.map((r) => r.fcpMs));
const list = median(results.map((r) => r.listMs));
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `\nconsole first paint at 1.6 Mbps / 300 ms (${runs} cold visits, median; ${process.env.BENCH_WEB_DIR ?? 'apps/web/dist'})`,
);
console.log('| figure                   | time    | goal              |');
console.log('|--------------------------|---------|-------------------|');
console.log(
  `| first contentful paint   | ${s(fcp).padStart(7)} | < 4 s ${fcp < GOAL_FCP_MS ? 'met   ' : 'MISSED'}      |`,
);
console.log(`| job list table shown     | ${s(list).padStart(7)} |                   |`);
const link = 'job list at 1.6 Mbps / 300 ms, median';
recordFigure({
  bench: 'web',
  figure: `first contentful paint, ${link}`,
  value: fcp / 1000,
  unit: 's',
  goal: { atMost: GOAL_FCP_MS / 1000 },
});
recordFigure({ bench: 'web', figure: `table shown, ${link}`, value: list / 1000, unit: 's' });
console.log(`fonts loaded: ${[...new Set(results.flatMap((r) => r.fonts))].join(', ')}`);
console.log(
  `runs: FCP ${results.map((r) => s(r.fcpMs)).join(', ')}; list ${results.map((r) => s(r.listMs)).join(', ')}`,
);
