import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  RestoreObjectCommand,
} from '@aws-sdk/client-s3';
import { s3ClientFor } from '@batchops/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './support/cli-process.js';

// The built command as `npm start` of this package runs it; the packed one: package-install.int.test.ts.
const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'local-aws-cli-'));
// A bare environment: PATH (its first node is the one running this test) and a HOME of its own.
const env = { PATH: process.env.PATH, HOME: work };
afterAll(() => rmSync(work, { recursive: true, force: true }));

const s3For = (url: string, accessKeyId: string, secretAccessKey: string) =>
  s3ClientFor(url, { accessKeyId, secretAccessKey }, { maxAttempts: 1 });

async function signsWith(p: CliProcess, key: string, secret: string): Promise<boolean> {
  const s3 = s3For(p.url, key, secret);
  try {
    await s3.send(new ListBucketsCommand({}));
    return true;
  } catch {
    return false;
  } finally {
    s3.destroy();
  }
}

describe('batchops-local-aws command', () => {
  it('--port 0 prints its URL, answers the health check on loopback names only, and SIGTERM removes the temporary data directory', async () => {
    const p = await startCli(process.execPath, [cli, '--port', '0'], env);
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(p.url).not.toMatch(/:4566$/);
    const health = await fetch(`${p.url}/_batchops/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'running',
      services: expect.arrayContaining(['s3', 's3control']),
    });
    const viaLocalhost = await fetch(`${p.url.replace('127.0.0.1', 'localhost')}/_batchops/health`);
    expect(viaLocalhost.status).toBe(200);
    // fetch() will not set Host; a raw request with another name is refused like any other request.
    const status = await new Promise<number>((ok, fail) => {
      request(`${p.url}/_batchops/health`, { headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      })
        .on('error', fail)
        .end();
    });
    expect(status).toBe(403);
    expect(await signsWith(p, 'test', 'test')).toBe(true);
    expect(existsSync(p.dataDir)).toBe(true);
    expect(await p.stop()).toBe(0);
    expect(existsSync(p.dataDir)).toBe(false);
  });

  it('reads credentials from --credentials-file and from BATCHOPS_LOCAL_AWS_CREDENTIALS, never needing them on argv', async () => {
    const file = join(work, 'keys');
    writeFileSync(file, '# test keys\nfilekey:filesecret:111111111111\n', { mode: 0o600 });
    const dataDir = join(work, 'data');
    const fromFile = await startCli(
      process.execPath,
      [cli, '--port', '0', '--credentials-file', file, '--data-dir', dataDir],
      env,
    );
    expect(await signsWith(fromFile, 'filekey', 'filesecret')).toBe(true);
    expect(await signsWith(fromFile, 'test', 'test')).toBe(false);
    // One process serves a data directory: a second one says so and exits, the first serves on.
    const second = spawnSync(process.execPath, [cli, '--port', '0', '--data-dir', dataDir], {
      env,
      encoding: 'utf8',
    });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`${dataDir} is in use by another local-aws`);
    expect(second.stderr).not.toContain('--port <n>');
    expect(await signsWith(fromFile, 'filekey', 'filesecret')).toBe(true);
    expect(await fromFile.stop()).toBe(0);
    // A --data-dir is kept.
    expect(existsSync(join(dataDir, 's3.sqlite'))).toBe(true);

    const fromEnv = await startCli(process.execPath, [cli, '--port', '0'], {
      ...env,
      BATCHOPS_LOCAL_AWS_CREDENTIALS: 'envkey:envsecret,second:secret2:222222222222',
    });
    expect(await signsWith(fromEnv, 'envkey', 'envsecret')).toBe(true);
    expect(await signsWith(fromEnv, 'second', 'secret2')).toBe(true);
    expect(fromEnv.output()).not.toContain('envsecret');
    expect(await fromEnv.stop()).toBe(0);
  });

  it('still takes --credentials, with a warning that argv is readable by every local user', async () => {
    const p = await startCli(
      process.execPath,
      [cli, '--port', '0', '--credentials', 'argkey:argsecret'],
      env,
    );
    expect(p.output()).toContain('--credentials puts secrets where every local user can read them');
    expect(await signsWith(p, 'argkey', 'argsecret')).toBe(true);
    expect(await p.stop()).toBe(0);
  });

  it('--restore-delays and --restore-day-seconds set the restore clock; a tier it does not know stops the start', async () => {
    const p = await startCli(
      process.execPath,
      [cli, '--port', '0', '--restore-delays', 'Standard=0.3,Bulk=600', '--restore-day-seconds', '1'],
      env,
    );
    const s3 = s3For(p.url, 'test', 'test');
    const restoreOf = async () =>
      (await s3.send(new HeadObjectCommand({ Bucket: 'cold', Key: 'k' }))).Restore;
    await s3.send(new CreateBucketCommand({ Bucket: 'cold' }));
    await s3.send(new PutObjectCommand({ Bucket: 'cold', Key: 'k', Body: 'x', StorageClass: 'GLACIER' }));
    await s3.send(
      new RestoreObjectCommand({
        Bucket: 'cold',
        Key: 'k',
        RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Standard' } },
      }),
    );
    expect(await restoreOf()).toBe('ongoing-request="true"');
    await sleep(500);
    expect(await restoreOf()).toMatch(/^ongoing-request="false", expiry-date=/);
    await sleep(1_100);
    expect(await restoreOf()).toBeUndefined();
    s3.destroy();
    expect(await p.stop()).toBe(0);

    const bad = spawnSync(process.execPath, [cli, '--port', '0', '--restore-delays', 'Glacial=1'], {
      env,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--restore-delays: 'Glacial' is not a retrieval tier");
  });
});
