#!/usr/bin/env node
// Builds the installable tarball (decision 0027): one esbuild bundle per entry with the workspace
// packages and the AWS SDK inside, and no dependency at all (SQLite is Node's own: decision 0031).
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
// The oldest Node it runs on, from engines (">=22.13"): the command checks it before loading anything.
const minNode = own.engines.node.replace(/^>=/, '');

rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist'), { recursive: true });

await build({
  entryPoints: { cli: join(pkgDir, 'dist', 'cli.js'), index: join(pkgDir, 'dist', 'package-api.js') },
  outdir: join(stage, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: `node${minNode}`,
  // CommonJS modules inside the bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __batchopsRequire } from 'node:module'; const require = __batchopsRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync(join(pkgDir, 'dist', 'package-api.d.ts'), join(stage, 'dist', 'index.d.ts'));
copyFileSync(join(pkgDir, 'README.md'), join(stage, 'README.md'));
// An older Node would fail deep inside the bundle; this says why in one line before loading it.
mkdirSync(join(stage, 'bin'));
writeFileSync(
  join(stage, 'bin', 'batchops-local-aws.js'),
  `#!/usr/bin/env node
const [major, minor] = process.versions.node.split('.').map(Number);
const [needMajor, needMinor] = ${JSON.stringify(minNode)}.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(\`batchops-local-aws needs Node.js ${minNode} or newer (it uses node:sqlite); this is \${process.version}\`);
  process.exit(1);
}
await import('../dist/cli.js');
`,
  { mode: 0o755 },
);

const manifest = {
  name: own.name,
  version: own.version,
  description: own.description,
  type: 'module',
  license: 'UNLICENSED',
  engines: own.engines,
  bin: { 'batchops-local-aws': './bin/batchops-local-aws.js' },
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  files: ['bin', 'dist', 'README.md'],
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' }),
);
console.log(join(outDir, packed[0].filename));
