import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunction, invokeJson, lambdaClient } from './support/lambda-functions.js';
import { type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

// The attacks of issue 17 run as functions created through the Lambda API: each one tries to
// reach what a function must not (decision 0024) and reports what it got.

// In this process's memory: the attack on /proc/<ppid>/mem looks for it.
const SECRET = `batchops-secret-${process.pid}-${Date.now()}-marker`;
const MARKER = 'grandchild-marker-4242';

/** Runs `attack` (a CommonJS function body returning a value) and reports `{ ok, value | error }`. */
const ATTACKS = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const attempt = (f) => { try { return { ok: true, value: f() }; } catch (e) { return { ok: false, error: String(e && (e.code || e.message)) }; } };
function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}
function scanMemory(pid, needle) {
  const maps = fs.readFileSync('/proc/' + pid + '/maps', 'utf8').split('\n');
  const fd = fs.openSync('/proc/' + pid + '/mem', 'r');
  const want = Buffer.from(needle, 'latin1');
  const buf = Buffer.alloc(1 << 20);
  const end = Date.now() + 8000;
  try {
    for (const line of maps) {
      const m = line.match(/^([0-9a-f]+)-([0-9a-f]+) rw-p/);
      if (!m) continue;
      for (let at = BigInt('0x' + m[1]); at < BigInt('0x' + m[2]) && Date.now() < end; at += BigInt(buf.length)) {
        let n = 0;
        try { n = fs.readSync(fd, buf, 0, buf.length, at); } catch { break; }
        if (buf.subarray(0, n).includes(want)) return 'found';
      }
    }
  } finally { fs.closeSync(fd); }
  return 'not found';
}
exports.handler = async (event) => {
  const ppid = process.ppid;
  switch (event.attack) {
    case 'whoami': return { uid: process.getuid(), gid: process.getgid(), cwd: process.cwd() };
    case 'mem': return attempt(() => scanMemory(ppid, event.needle));
    case 'cmdline': return attempt(() => fs.readFileSync('/proc/' + ppid + '/cmdline', 'latin1'));
    case 'environ': return attempt(() => fs.readFileSync('/proc/' + ppid + '/environ', 'latin1'));
    case 'read': return attempt(() => fs.readFileSync(event.path, 'latin1').slice(0, 200));
    case 'list': return attempt(() => walk(event.path));
    case 'write': return attempt(() => fs.writeFileSync(event.path, 'pwned'));
    case 'spawn': return attempt(() => require('node:child_process').execFileSync('id').toString());
    case 'grandchild': {
      const r = attempt(() => require('node:child_process').spawn('/bin/sh', ['-c', 'sleep 30; : ${MARKER}'], { detached: true, stdio: 'ignore' }).unref());
      await new Promise(() => {}); // hang until the timeout kills the worker
      return r;
    }
    case 'tmp': {
      const file = path.join(require('node:os').tmpdir(), 'scratch.txt');
      fs.writeFileSync(file, 'kept');
      return { tmpdir: require('node:os').tmpdir(), back: fs.readFileSync(file, 'utf8') };
    }
  }
  throw new Error('unknown attack ' + event.attack);
};
`;

/** Processes whose command line holds `text`. */
function processesWith(text: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'latin1').includes(text)) pids.push(Number(name));
    } catch {}
  }
  return pids;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe.each([
  { as: 'the unprivileged worker user (local-aws started as root)', settings: {} },
  {
    as: "the server's own user (a non-root start): the permission model alone",
    settings: { workerUid: process.getuid?.() ?? 0, workerGid: process.getgid?.() ?? 0 },
  },
])('a function running as $as', ({ settings }) => {
  let fx: LocalAwsFixture;
  let lambda: LambdaClient;
  let victimDir: string;
  let victimPid: number;

  const run = async (name: string, event: Record<string, unknown>) =>
    (await invokeJson(lambda, name, event)).json;

  beforeAll(async () => {
    fx = await startFixture({ lambda: { poolSize: 1, ...settings } });
    lambda = lambdaClient(fx.aws.url);
    await fx.s3.send(new CreateBucketCommand({ Bucket: 'victim-bucket' }));
    await fx.s3.send(
      new PutObjectCommand({ Bucket: 'victim-bucket', Key: 'k', Body: 'x'.repeat(64 * 1024) }),
    );
    for (const [name, code, extra] of [
      ['attacker', ATTACKS, { Timeout: 3, MemorySize: 512 }],
      [
        'loosened',
        ATTACKS,
        {
          Environment: {
            Variables: {
              NODE_OPTIONS:
                '--allow-child-process --allow-fs-read=* "--allow-fs-write=*" --enable-source-maps',
            },
          },
        },
      ],
      [
        'victim',
        `const SECRET_CODE = 'victim-code-secret'; exports.handler = async () => ({ dir: __dirname, pid: process.pid });`,
        { Environment: { Variables: { VICTIM_SECRET: 'victim-env-secret' } } },
      ],
    ] as const) {
      await createFunction(lambda, name, [{ name: 'index.js', data: code }], extra);
    }
    const victim = await run('victim', {});
    victimDir = victim.dir;
    victimPid = victim.pid;
  });
  afterAll(async () => {
    lambda?.destroy();
    await fx?.close();
  });

  it('runs outside the data directory, with a private tmp', async () => {
    const me = await run('attacker', { attack: 'whoami' });
    expect(me.cwd.startsWith(fx.dataDir)).toBe(false);
    if (settings.workerUid === undefined && process.getuid?.() === 0) expect(me.uid).toBe(65534);
    const tmp = await run('attacker', { attack: 'tmp' });
    expect(tmp.back).toBe('kept');
    expect(tmp.tmpdir.startsWith(fx.dataDir)).toBe(false);
  });

  it("cannot read the server's memory, command line or environment", async () => {
    const mem = await run('attacker', { attack: 'mem', needle: SECRET });
    expect(mem).toMatchObject({ ok: false });
    expect(await run('attacker', { attack: 'cmdline' })).toMatchObject({ ok: false });
    expect(await run('attacker', { attack: 'environ' })).toMatchObject({ ok: false });
  });

  it('cannot read or change the data directory: SQLite files, blobs, other functions’ code', async () => {
    const targets = files(fx.dataDir).filter((f) => /\.sqlite$|blobs|code/.test(f));
    expect(targets.some((f) => f.endsWith('lambda.sqlite'))).toBe(true);
    expect(targets.some((f) => f.includes(`${join(fx.dataDir, 'blobs')}`))).toBe(true);
    for (const path of targets)
      expect(await run('attacker', { attack: 'read', path })).toMatchObject({ ok: false });
    expect(await run('attacker', { attack: 'list', path: fx.dataDir })).toMatchObject({ ok: false });
    const planted = join(fx.dataDir, 'lambda', 'planted.txt');
    expect(await run('attacker', { attack: 'write', path: planted })).toMatchObject({ ok: false });
  });

  it("cannot read another function's code directory or environment, even knowing where they are", async () => {
    expect(victimDir).toBeTruthy();
    const code = await run('attacker', { attack: 'read', path: join(victimDir, 'index.js') });
    expect(code).toMatchObject({ ok: false });
    expect(await run('attacker', { attack: 'list', path: join(victimDir, '..', '..') })).toMatchObject({
      ok: false,
    });
    const env = await run('attacker', { attack: 'read', path: `/proc/${victimPid}/environ` });
    expect(env).toMatchObject({ ok: false });
  });

  it('cannot leave a detached process behind a timeout', async () => {
    const timedOut = await run('attacker', { attack: 'grandchild' });
    expect(timedOut.errorType).toBe('Sandbox.Timedout');
    await new Promise((r) => setTimeout(r, 300));
    expect(processesWith(MARKER).filter((pid) => pid !== process.pid)).toEqual([]);
  });

  it('cannot start a process', async () => {
    expect(await run('attacker', { attack: 'spawn' })).toMatchObject({ ok: false });
  });

  it('cannot loosen the sandbox through NODE_OPTIONS in its environment', async () => {
    expect(await run('loosened', { attack: 'spawn' })).toMatchObject({ ok: false });
    const sqlite = join(fx.dataDir, 'lambda', 'lambda.sqlite');
    expect(await run('loosened', { attack: 'read', path: sqlite })).toMatchObject({ ok: false });
    expect(await run('loosened', { attack: 'cmdline' })).toMatchObject({ ok: false });
  });
});
