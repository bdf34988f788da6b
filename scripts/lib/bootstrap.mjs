// What a fresh machine lacks: a pinned pnpm, dependencies, the build, and the Debian packages the
// tests drive. Nothing is compiled natively: SQLite is Node's own (decision 0031).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  chromiumPath,
  log,
  must,
  mustPnpm,
  npmInstallInto,
  pnpmAsync,
  pnpmBin,
  pnpmVersion,
  root,
  toolsDir,
} from './shell.mjs';

export function ensurePnpm() {
  if (existsSync(pnpmBin)) return;
  log(`installing pnpm ${pnpmVersion} into .tools/ (once)`);
  npmInstallInto(toolsDir, [`pnpm@${pnpmVersion}`]);
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

export function ensureInstall() {
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
    log('installing dependencies');
    const frozen = existsSync(lock) && process.env.BATCHOPS_UNFROZEN !== '1';
    mustPnpm(['install', frozen ? '--frozen-lockfile' : '--no-frozen-lockfile', '--reporter=append-only']);
    writeFileSync(stamp, hashFiles(inputs));
  }
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

/**
 * Build every part: the SPA's workspace dependencies first, then the SPA (vite, the longest step)
 * beside the rest. tsc skips type checking (`--noCheck`) unless `check`: a command that builds on
 * the way (start, test) need not check types, and `npm test` and CI check them in a step of their own.
 */
async function buildAll({ check }) {
  const tsc = check ? [] : ['--noCheck'];
  mustPnpm(['--filter', '@batchops/web^...', 'build', ...tsc]);
  const rest = [
    '-r',
    '--filter',
    '!@batchops/web',
    '--filter',
    '!@batchops/web^...',
    '--filter',
    '!batchops',
  ];
  const codes = await Promise.all([
    pnpmAsync(['--filter', '@batchops/web', 'build']),
    pnpmAsync([...rest, 'build', ...tsc]),
  ]);
  if (codes.some((c) => c !== 0)) {
    console.error('[batchops] the build failed');
    process.exit(1);
  }
}

/** Build when a source changed since the last build (`force`: always, type-checked: `npm run build`). */
export async function ensureBuild({ force = false } = {}) {
  ensureInstall();
  const stamp = join(root, '.tools', 'build-stamp');
  const newest = newestInput();
  if (!force && existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newest) return;
  log(force ? 'building (with type checks)' : 'building');
  await buildAll({ check: force });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, String(newest));
}

// Debian packages the tests drive: Chromium (e2e) and AWS CLI v2 (wire tests of local-aws).
const testTools = [
  { pkg: 'chromium', path: chromiumPath, env: 'BATCHOPS_CHROMIUM' },
  { pkg: 'awscli', path: '/usr/bin/aws' },
  { pkg: 'rclone', path: '/usr/bin/rclone' },
  { pkg: 's3cmd', path: '/usr/bin/s3cmd' },
];

// The Python example (examples/python-pytest) needs a python3 with boto3 and pytest: PATH's, else Debian's.
const hasBoto3 = (python) =>
  spawnSync(python, ['-c', 'import boto3, pytest'], { stdio: 'ignore' }).status === 0;

export function ensureTestTools() {
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
