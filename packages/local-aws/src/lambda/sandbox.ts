import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { chown, cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RUNNER_SOURCE } from './runner-source.js';

/** Where and as whom function code runs (decision 0024). */
export interface SandboxSettings {
  /** Parent of the per-start sandbox directory; default the OS temp directory (never the data directory). */
  readonly sandboxDir?: string;
  /** The OS user and group of workers when local-aws runs as root (default 65534, nobody). */
  readonly workerUid?: number;
  readonly workerGid?: number;
}

/** A function revision's private tree: its code copy (`task`) and one tmp per worker. */
export interface FunctionDir {
  readonly dir: string;
  readonly task: string;
}

/** What the Lambda paths of AWS are: a function's code and the runtime. */
export const TASK_ROOT = '/var/task';
export const RUNTIME_ROOT = '/var/runtime';

type Owner = { readonly uid: number; readonly gid: number };

/** Whether `owner` may search every directory above `file` and execute it. */
function executableBy(file: string, owner: Owner): boolean {
  const may = (path: string) => {
    const st = statSync(path);
    const bits = st.uid === owner.uid ? 0o100 : st.gid === owner.gid ? 0o010 : 0o001;
    return (st.mode & bits) !== 0;
  };
  for (let d = dirname(file); ; d = dirname(d)) {
    if (!may(d)) return false;
    if (d === dirname(d)) break;
  }
  return may(file);
}

/**
 * The Node.js binary workers run: this process's own, unless the worker user cannot reach it (a
 * Node under a 0700 home directory); then a hard link (or, across file systems, a copy) of it in
 * the sandbox's runtime directory.
 */
export function workerExecPath(
  runtimeDir: string,
  owner: Owner | undefined,
  execPath = process.execPath,
): string {
  if (!owner || executableBy(execPath, owner)) return execPath;
  const node = join(runtimeDir, 'node');
  if (!existsSync(node)) {
    try {
      linkSync(execPath, node);
    } catch {
      copyFileSync(execPath, `${node}.tmp`);
      renameSync(`${node}.tmp`, node);
    }
  }
  chmodSync(node, 0o755);
  return node;
}

/** NODE_OPTIONS flags that would widen the permission model or open a debugger into the worker. */
const LOOSENING = /^--(allow-|permission|experimental-permission|inspect|debug)/;

/**
 * A function's NODE_OPTIONS without the flags that would loosen its sandbox (Lambda lets a
 * function set NODE_OPTIONS; Node would add them to the worker's own flags). Quotes are looked
 * through; what is left of a quoted flag makes Node refuse to start: closed, not open.
 */
export function sandboxedNodeOptions(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value
    .split(/\s+/)
    .filter((token) => token !== '' && !LOOSENING.test(token.replace(/^["']+/, '')))
    .join(' ');
}

/** Variables that make Node itself write files where they say, whatever the permission model allows. */
export const FILE_WRITING_NODE_ENV = [
  'NODE_V8_COVERAGE',
  'NODE_REDIRECT_WARNINGS',
  'NODE_COMPILE_CACHE',
  'NODE_REPL_HISTORY',
] as const;

/** Sandboxes of local-aws processes that are gone (killed before they could remove theirs). */
function removeAbandoned(parent: string): void {
  for (const name of readdirSync(parent)) {
    const pid = Number(name.match(/^batchops-lambda-(\d+)-/)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH')
        rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

/** Node's permission model flag: stable `--permission` from 22.13 / 23.5, experimental before. */
export function permissionFlag(version = process.versions.node): string {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const stable = major >= 24 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13);
  return stable ? '--permission' : '--experimental-permission';
}

/**
 * The sandbox of one local-aws start: `<sandboxDir>/batchops-lambda-XXXX/` (0700, or 0711 when
 * workers run as another user) holding the runner in `runtime/` and, per function revision, a
 * directory with an unguessable name holding a copy of its code and its workers' tmp directories,
 * owned by the worker user. Workers run under Node's permission model: they may read the runner and
 * their function's directory, write their own tmp, and start no process, thread or addon.
 */
export class Sandbox {
  readonly root: string;
  readonly runnerPath: string;
  /** The uid/gid workers run as (local-aws started as root), else undefined: the server's own. */
  readonly owner: Owner | undefined;
  /** The Node.js binary workers run (one the worker user can execute). */
  readonly execPath: string;

  constructor(settings: SandboxSettings) {
    const asRoot = process.getuid?.() === 0;
    this.owner = asRoot ? { uid: settings.workerUid ?? 65534, gid: settings.workerGid ?? 65534 } : undefined;
    const parent = settings.sandboxDir ?? tmpdir();
    mkdirSync(parent, { recursive: true });
    removeAbandoned(parent);
    this.root = mkdtempSync(join(parent, `batchops-lambda-${process.pid}-`));
    // Another user's workers must traverse to their own directory, never list the others.
    chmodSync(this.root, this.owner ? 0o711 : 0o700);
    const runtime = join(this.root, 'runtime');
    mkdirSync(runtime, { mode: 0o755 });
    this.runnerPath = join(runtime, 'runner.cjs');
    writeFileSync(this.runnerPath, RUNNER_SOURCE, { mode: 0o644 });
    this.execPath = workerExecPath(runtime, this.owner);
  }

  /** Copy a function's unzipped code into a new private directory owned by the worker user. */
  async prepare(codeTree: string): Promise<FunctionDir> {
    const dir = join(this.root, randomBytes(16).toString('hex'));
    const task = join(dir, 'task');
    await mkdir(dir, { mode: 0o700 });
    try {
      await cp(codeTree, task, { recursive: true });
      // `.js` is CommonJS unless the function's own package.json says module (as on Lambda),
      // wherever this directory sits: the nearest package.json above the code says so.
      await writeFile(join(dir, 'package.json'), '{"type":"commonjs"}\n');
      await this.own(dir);
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    return { dir, task };
  }

  /** A worker's private, writable tmp directory (its TMPDIR). */
  async workerTmp(fn: FunctionDir): Promise<string> {
    const tmp = join(fn.dir, `tmp-${randomBytes(8).toString('hex')}`);
    await mkdir(tmp, { mode: 0o700 });
    if (this.owner) await chown(tmp, this.owner.uid, this.owner.gid);
    return tmp;
  }

  /** Node flags of a worker: its heap limit and what the permission model lets it touch. */
  execArgv(fn: FunctionDir, tmp: string, memoryMb: number): string[] {
    return [
      `--max-old-space-size=${memoryMb}`,
      permissionFlag(),
      `--allow-fs-read=${this.runnerPath}`,
      `--allow-fs-read=${join(fn.dir, 'package.json')}`,
      `--allow-fs-read=${fn.task}`,
      `--allow-fs-read=${tmp}`,
      `--allow-fs-write=${tmp}`,
      '--disable-warning=ExperimentalWarning',
    ];
  }

  /** Replace the sandbox's host paths in text a caller sees by Lambda's (`/var/task`, `/tmp`, `/var/runtime`). */
  mask(fn: FunctionDir, tmp: string, text: string): string {
    const pairs: Array<[string, string]> = [
      [fn.task, TASK_ROOT],
      [tmp, '/tmp'],
      [join(this.root, 'runtime'), RUNTIME_ROOT],
      [this.root, '/var'],
    ];
    return pairs.reduce((t, [from, to]) => t.split(from).join(to), text);
  }

  async remove(path: string): Promise<void> {
    await rm(path, { recursive: true, force: true }).catch(() => {});
  }

  close(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private async own(path: string): Promise<void> {
    const owner = this.owner;
    if (!owner) return;
    await chown(path, owner.uid, owner.gid);
    for (const e of await readdir(path, { withFileTypes: true })) {
      const child = join(path, e.name);
      if (e.isDirectory()) await this.own(child);
      else await chown(child, owner.uid, owner.gid);
    }
  }
}
