#!/usr/bin/env node
// The one entry point behind every root script: it bootstraps what a fresh machine lacks
// (a pinned pnpm, dependencies, the build, Chromium for tests) and then runs the command.
// Needs only Node and npm, so `npm start` and `npm test` work on a fresh clone: on a Node older than
// 22.13 every command runs under the Node 24 it fetches once into .tools/ (lib/node-runtime.mjs).
// The steps live in scripts/lib/: shell (paths, spawning), node-runtime, bootstrap, test-run.
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { benchAll } from './lib/bench-summary.mjs';
import { ensureBuild, ensureInstall } from './lib/bootstrap.mjs';
import { ensureRuntime } from './lib/node-runtime.mjs';
import { log, pnpm, pnpmBin, root } from './lib/shell.mjs';
import { e2e, fullTest, unitAndIntegration } from './lib/test-run.mjs';

await ensureRuntime();

async function startServer() {
  await ensureBuild();
  log('starting the console (Ctrl-C to stop)');
  // A 16 MB young generation: ~100 MiB less RSS for local-aws's jobs at no CPU cost (engine bench README).
  const flags = ['--max-semi-space-size=16'];
  const child = spawn(process.execPath, [...flags, join(root, 'apps', 'bff', 'dist', 'index.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
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
    await startServer();
    break;
  case 'dev':
    await ensureBuild();
    dev();
    break;
  case 'build':
    await ensureBuild({ force: true });
    break;
  case 'install':
    ensureInstall();
    break;
  case 'typecheck':
    await ensureBuild();
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
    await ensureBuild();
    process.exit(unitAndIntegration().code);
    break;
  }
  case 'test:e2e': {
    await ensureBuild();
    process.exit(e2e().code);
    break;
  }
  case 'test':
  case 'validate':
    await fullTest();
    break;
  case 'bench':
    await ensureBuild();
    process.exit(benchAll(process.argv.slice(3)));
    break;
  case 'mutation':
    await ensureBuild();
    process.exit(pnpm(['exec', 'stryker', 'run', ...process.argv.slice(3)]));
    break;
  case 'pnpm':
    ensureInstall();
    process.exit(pnpm(process.argv.slice(3)));
    break;
  default:
    console.log(
      `usage: node scripts/batchops.mjs <start|dev|build|typecheck|lint|format|test|test:unit|test:e2e|bench|mutation|validate|pnpm …>\n(relative to ${relative(process.cwd(), root) || '.'})`,
    );
    process.exit(command === 'help' ? 0 : 1);
}
