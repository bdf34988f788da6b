// The Node every command runs on (decision 0031): the system's when it has node:sqlite unflagged
// (≥ 22.13), else Node 24 LTS from the npm registry's node-<platform>-<arch> package, fetched once
// into .tools/ (the package carries the plain binary; nothing else is downloaded).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { log, npmInstallInto, root, rootPkg } from './shell.mjs';

export const nodeVersion = '24.22.3';
// The oldest Node with node:sqlite unflagged, as the root package.json's engines states it.
export const minNode = rootPkg.engines.node.replace(/^>=/, '').split('.').map(Number);

export function isNodeNewEnough(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > minNode[0] || (major === minNode[0] && minor >= (minNode[1] ?? 0));
}

/** The bin directory of the Node fetched into .tools/ (fetched now if missing). */
function ensureToolsNode() {
  const platform = { linux: 'linux', darwin: 'darwin' }[process.platform];
  const tooOld = `batchops needs Node.js ${minNode.join('.')} or newer (this is ${process.version})`;
  if (!platform) {
    console.error(`[batchops] ${tooOld}: install Node ${nodeVersion.split('.')[0]} LTS and run again`);
    process.exit(1);
  }
  const pkg = `node-${platform}-${process.arch}`;
  const dir = join(root, '.tools', `node-${nodeVersion}`);
  const bin = join(dir, 'node_modules', pkg, 'bin');
  if (!existsSync(join(bin, 'node'))) {
    log(`${tooOld}: installing Node ${nodeVersion} into .tools/ (once)`);
    npmInstallInto(dir, [`${pkg}@${nodeVersion}`]);
  }
  return bin;
}

/**
 * On a Node too old for node:sqlite, run this same command again under the Node in .tools/ (first on
 * PATH, so `node` in every child is that one too) and exit with its code. Returns when this Node will do.
 */
export function ensureRuntime() {
  if (isNodeNewEnough()) return;
  const bin = ensureToolsNode();
  const child = spawn(join(bin, 'node'), process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 1));
  // Nothing else runs in this process: the caller waits for the child's exit.
  return new Promise(() => {});
}
