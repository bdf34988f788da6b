// Paths and process helpers every bootstrap step uses.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const pnpmVersion = rootPkg.packageManager.replace(/^pnpm@/, '');
export const toolsDir = join(root, '.tools', `pnpm-${pnpmVersion}`);
export const pnpmBin = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
export const resultsDir = join(root, '.tools', 'results');
export const chromiumPath = process.env.BATCHOPS_CHROMIUM ?? '/usr/bin/chromium';

export const log = (msg) => console.log(`\x1b[36m[batchops]\x1b[0m ${msg}`);

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function must(cmd, args, opts) {
  const code = run(cmd, args, opts);
  if (code !== 0) {
    console.error(`[batchops] failed (${code}): ${cmd} ${args.join(' ')}`);
    process.exit(code);
  }
}

export const pnpm = (args, opts) => run(process.execPath, [pnpmBin, ...args], opts);
export const mustPnpm = (args, opts) => must(process.execPath, [pnpmBin, ...args], opts);

/** pnpm beside other work; resolves to its exit code. */
export const pnpmAsync = (args, opts = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pnpmBin, ...args], { cwd: root, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });

/** npm packages installed into a folder of .tools/ of their own (pnpm itself, Node). */
export function npmInstallInto(dir, packages) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  must('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', ...packages]);
}
