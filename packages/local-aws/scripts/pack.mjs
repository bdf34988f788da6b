#!/usr/bin/env node
// Builds the installable tarball (decision 0027): one esbuild bundle per entry with the workspace
// packages and the AWS SDK inside, better-sqlite3 left as the one dependency (it is native).
// Usage: node scripts/pack.mjs [--out <dir>]   (after the build; prints the tarball's path last)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(values.out ?? join(pkgDir, '.pack'));
const stage = join(outDir, 'package');
const own = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const sqlite = JSON.parse(
  readFileSync(join(pkgDir, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
);

rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist'), { recursive: true });

await build({
  entryPoints: { cli: join(pkgDir, 'dist', 'cli.js'), index: join(pkgDir, 'dist', 'package-api.js') },
  outdir: join(stage, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['better-sqlite3'],
  // CommonJS modules inside the bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __batchopsRequire } from 'node:module'; const require = __batchopsRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync(join(pkgDir, 'dist', 'package-api.d.ts'), join(stage, 'dist', 'index.d.ts'));
copyFileSync(join(pkgDir, 'README.md'), join(stage, 'README.md'));

const manifest = {
  name: own.name,
  version: own.version,
  description: own.description,
  type: 'module',
  license: 'UNLICENSED',
  engines: { node: '>=20.19' },
  bin: own.bin,
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  files: ['dist', 'README.md'],
  dependencies: { 'better-sqlite3': `^${sqlite.version}` },
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' }),
);
console.log(join(outDir, packed[0].filename));
