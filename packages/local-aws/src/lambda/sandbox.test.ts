import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { permissionFlag, Sandbox, sandboxedNodeOptions, workerExecPath } from './sandbox.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('workerExecPath', () => {
  it("keeps a Node the worker user can reach, and links one it cannot (a 0700 home) into the sandbox's runtime", () => {
    const root = mkdtempSync(join(tmpdir(), 'exec-path-'));
    made.push(root);
    chmodSync(root, 0o755);
    const runtime = join(root, 'runtime');
    mkdirSync(runtime);
    const open = join(root, 'open');
    mkdirSync(open, { mode: 0o755 });
    writeFileSync(join(open, 'node'), '#!/bin/sh\n', { mode: 0o755 });
    const nobody = { uid: 65534, gid: 65534 };
    expect(workerExecPath(runtime, nobody, join(open, 'node'))).toBe(join(open, 'node'));

    const home = join(root, 'home');
    mkdirSync(home, { mode: 0o700 });
    writeFileSync(join(home, 'node'), '#!/bin/sh\n', { mode: 0o755 });
    const linked = workerExecPath(runtime, nobody, join(home, 'node'));
    expect(linked).toBe(join(runtime, 'node'));
    expect(statSync(linked).mode & 0o777).toBe(0o755);
    expect(statSync(linked).ino).toBe(statSync(join(home, 'node')).ino);
    // The server's own user runs its own binary.
    expect(workerExecPath(runtime, undefined, join(home, 'node'))).toBe(join(home, 'node'));
  });
});

describe('permissionFlag', () => {
  it('is stable --permission from Node 22.13 / 23.5 / 24, experimental before', () => {
    expect(permissionFlag('20.20.2')).toBe('--experimental-permission');
    expect(permissionFlag('22.12.0')).toBe('--experimental-permission');
    expect(permissionFlag('22.13.0')).toBe('--permission');
    expect(permissionFlag('23.4.0')).toBe('--experimental-permission');
    expect(permissionFlag('23.5.0')).toBe('--permission');
    expect(permissionFlag('24.22.3')).toBe('--permission');
  });
});

describe('sandboxedNodeOptions', () => {
  it('drops the flags that widen the permission model or open a debugger, keeps the rest', () => {
    expect(sandboxedNodeOptions(undefined)).toBeUndefined();
    expect(
      sandboxedNodeOptions(
        '--enable-source-maps --allow-child-process --allow-fs-read=* "--allow-fs-write=/" --inspect=0.0.0.0:9229 --permission --stack-trace-limit=50',
      ),
    ).toBe('--enable-source-maps --stack-trace-limit=50');
  });
});

describe('Sandbox', () => {
  it("removes the sandboxes of local-aws processes that are gone, never a live one's", () => {
    const parent = mkdtempSync(join(tmpdir(), 'sandboxes-'));
    made.push(parent);
    const gone = join(parent, 'batchops-lambda-999999999-abc');
    const alive = join(parent, `batchops-lambda-${process.ppid}-abc`);
    mkdirSync(gone);
    mkdirSync(alive);
    const sandbox = new Sandbox({ sandboxDir: parent });
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    expect(existsSync(sandbox.runnerPath)).toBe(true);
    sandbox.close();
    expect(existsSync(sandbox.root)).toBe(false);
  });
});
