#!/usr/bin/env node
// The one entry point behind every root script: it bootstraps what a fresh machine lacks
// (a pinned pnpm, dependencies, the build, Chromium for tests) and then runs the command.
// Needs only Node 20 and npm, so `npm start` and `npm test` work on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = rootPkg.packageManager.replace(/^pnpm@/, '');
const toolsDir = join(root, '.tools', `pnpm-${pnpmVersion}`);
const pnpmBin = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
const resultsDir = join(root, '.tools', 'results');
const chromiumPath = process.env.BATCHOPS_CHROMIUM ?? '/usr/bin/chromium';

// The SDK warns that releases after January 2027 need Node 22; this machine has Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const log = (msg) => console.log(`\x1b[36m[batchops]\x1b[0m ${msg}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function must(cmd, args, opts) {
  const code = run(cmd, args, opts);
  if (code !== 0) {
    console.error(`[batchops] failed (${code}): ${cmd} ${args.join(' ')}`);
    process.exit(code);
  }
}

const pnpm = (args, opts) => run(process.execPath, [pnpmBin, ...args], opts);
const mustPnpm = (args, opts) => must(process.execPath, [pnpmBin, ...args], opts);

function ensurePnpm() {
  if (existsSync(pnpmBin)) return;
  log(`installing pnpm ${pnpmVersion} into .tools/ (once)`);
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(join(toolsDir, 'package.json'), '{"private":true}\n');
  must('npm', [
    'install',
    '--prefix',
    toolsDir,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `pnpm@${pnpmVersion}`,
  ]);
}

function hashFiles(files) {
  const h = createHash('sha256');
  for (const f of files) if (existsSync(f)) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

function workspaceDirs() {
  const dirs = [join(root, 'e2e')];
  for (const group of ['apps', 'packages']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const d of readdirSync(base)) dirs.push(join(base, d));
  }
  return dirs.filter((d) => existsSync(join(d, 'package.json')));
}

function ensureInstall() {
  ensurePnpm();
  const lock = join(root, 'pnpm-lock.yaml');
  const inputs = [
    lock,
    join(root, 'package.json'),
    join(root, 'pnpm-workspace.yaml'),
    ...workspaceDirs().map((d) => join(d, 'package.json')),
  ];
  const stamp = join(root, 'node_modules', '.batchops-install');
  const want = hashFiles(inputs);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  log('installing dependencies (better-sqlite3 may compile from source: ~2 min the first time)');
  const frozen = existsSync(lock) && process.env.BATCHOPS_UNFROZEN !== '1';
  mustPnpm(['install', frozen ? '--frozen-lockfile' : '--no-frozen-lockfile', '--reporter=append-only']);
  writeFileSync(stamp, hashFiles(inputs));
}

// Newest mtime of the build inputs; the build is skipped when nothing changed since the last one.
function newestInput() {
  let newest = 0;
  const skip = new Set([
    'node_modules',
    'dist',
    'test-results',
    'playwright-report',
    'screenshots',
    '.results',
  ]);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of workspaceDirs()) walk(d);
  for (const f of ['pnpm-lock.yaml', 'tsconfig.base.json']) {
    if (existsSync(join(root, f))) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  }
  return newest;
}

function ensureBuild({ force = false } = {}) {
  ensureInstall();
  const stamp = join(root, '.tools', 'build-stamp');
  const newest = newestInput();
  if (!force && existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newest) return;
  log('building');
  mustPnpm(['-r', 'build']);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, String(newest));
}

// Debian packages the tests drive: Chromium (e2e) and AWS CLI v2 (wire tests of local-aws).
const testTools = [
  { pkg: 'chromium', path: chromiumPath, env: 'BATCHOPS_CHROMIUM' },
  { pkg: 'awscli', path: '/usr/bin/aws' },
];

function ensureTestTools() {
  const missing = testTools.filter((t) => !existsSync(t.path));
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${missing.map((t) => t.pkg).join(' ')}`;
  if (process.getuid?.() === 0 && process.platform === 'linux') {
    log(`installing what the tests need: ${cmd}`);
    must('bash', [
      '-c',
      `export DEBIAN_FRONTEND=noninteractive; ${cmd.replace('install -y', 'install -y -qq')}`,
    ]);
    return;
  }
  console.error(
    `[batchops] the tests need ${missing.map((t) => t.path).join(' and ')}. Install with:\n\n  sudo sh -c '${cmd}'\n`,
  );
  process.exit(1);
}

function startServer() {
  ensureBuild();
  log('starting the console (Ctrl-C to stop)');
  const child = spawn(process.execPath, [join(root, 'apps', 'bff', 'dist', 'index.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

function unitAndIntegration() {
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
  const counts = { unit: { passed: 0, failed: 0 }, integration: { passed: 0, failed: 0 } };
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    for (const file of report.testResults ?? []) {
      const kind = /\.int\.test\.tsx?$/.test(file.name) ? 'integration' : 'unit';
      for (const t of file.assertionResults ?? []) {
        if (t.status === 'passed') counts[kind].passed++;
        else if (t.status === 'failed') counts[kind].failed++;
      }
    }
  }
  return { code, counts };
}

function e2e() {
  ensureTestTools();
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, 'playwright.json');
  rmSync(out, { force: true });
  const code = pnpm(['--filter', '@batchops/e2e', 'exec', 'playwright', 'test'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out, BATCHOPS_CHROMIUM: chromiumPath },
  });
  const counts = { passed: 0, failed: 0 };
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed = report.stats?.expected ?? 0;
    counts.failed = (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
  }
  return { code, counts };
}

function lintAndTypecheck() {
  must(process.execPath, [pnpmBin, 'exec', 'biome', 'ci', '.']);
  mustPnpm(['-r', '--workspace-concurrency=2', 'typecheck']);
}

function fullTest() {
  const started = Date.now();
  ensureBuild();
  log('lint + typecheck');
  lintAndTypecheck();
  log('unit + integration tests');
  const ui = unitAndIntegration();
  log('e2e tests (Chromium)');
  const e = e2e();
  const secs = Math.round((Date.now() - started) / 1000);
  const line = (name, c) => `  ${name.padEnd(12)} ${String(c.passed).padStart(4)} passed  ${c.failed} failed`;
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
  const failed = ui.code !== 0 || e.code !== 0;
  if (failed) console.error('[batchops] tests FAILED');
  process.exit(failed ? 1 : 0);
}

const command = process.argv[2] ?? 'help';
switch (command) {
  case 'start':
    startServer();
    break;
  case 'dev':
    ensureBuild();
    process.exit(pnpm(['--parallel', '--filter', '@batchops/bff', '--filter', '@batchops/web', 'dev']));
    break;
  case 'build':
    ensureBuild({ force: true });
    break;
  case 'install':
    ensureInstall();
    break;
  case 'typecheck':
    ensureBuild();
    process.exit(pnpm(['-r', 'typecheck']));
    break;
  case 'lint':
    ensureInstall();
    process.exit(pnpm(['exec', 'biome', 'check', '.']));
    break;
  case 'format':
    ensureInstall();
    process.exit(pnpm(['exec', 'biome', 'check', '--write', '.']));
    break;
  case 'test:unit': {
    ensureBuild();
    process.exit(unitAndIntegration().code);
    break;
  }
  case 'test:e2e': {
    ensureBuild();
    process.exit(e2e().code);
    break;
  }
  case 'test':
  case 'validate':
    fullTest();
    break;
  case 'bench':
    ensureBuild();
    process.exit(
      pnpm(['-r', '--if-present', '--workspace-concurrency=1', 'bench', ...process.argv.slice(3)]),
    );
    break;
  case 'pnpm':
    ensureInstall();
    process.exit(pnpm(process.argv.slice(3)));
    break;
  default:
    console.log(
      `usage: node scripts/batchops.mjs <start|dev|build|typecheck|lint|format|test|test:unit|test:e2e|bench|validate|pnpm …>\n(relative to ${relative(process.cwd(), root) || '.'})`,
    );
    process.exit(command === 'help' ? 0 : 1);
}
