import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3ClientFor } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalAwsHandle, startLocalAws } from '../src/index.js';
import { AWS_CLI } from './support/local-aws-fixture.js';

// Each CLI call starts Python (~1.5 s of CPU here): a busy machine stretches a test of 30 calls past 90 s.
const CLI_TEST_MS = 240_000;

let aws: LocalAwsHandle;
let root: string;
let env: NodeJS.ProcessEnv;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run /usr/bin/aws against local-aws; resolves with the exit code instead of throwing. */
function cli(...args: string[]): Promise<CliResult> {
  return new Promise((ok) => {
    execFile(
      AWS_CLI,
      [...args, '--endpoint-url', aws.url, '--output', 'json'],
      { env, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => ok({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function cliJson<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const r = await cli(...args);
  if (r.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return (r.stdout.trim() === '' ? {} : JSON.parse(r.stdout)) as T;
}

/** The S3 error code the CLI printed, e.g. `An error occurred (NoSuchKey) when calling …`. */
async function cliError(...args: string[]): Promise<string | undefined> {
  const r = await cli(...args);
  expect(r.code, `aws ${args.join(' ')} should fail`).not.toBe(0);
  return r.stderr.match(/An error occurred \(([^)]+)\)/)?.[1];
}

/** Every file under `dir`, relative path → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  visit(dir);
  return out;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'local-aws-cli-'));
  mkdirSync(join(root, 'home'));
  aws = await startLocalAws({ port: 0, dataDir: join(root, 'data') });
  env = {
    PATH: process.env.PATH,
    HOME: join(root, 'home'),
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
  };
});
afterAll(async () => {
  await aws?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('AWS CLI v2 against local-aws', () => {
  it(
    'mb, sync 1,000 files up and back down byte for byte, ls --recursive, rm --recursive',
    async () => {
      const up = join(root, 'up');
      const down = join(root, 'down');
      // Nested dirs, spaces, unicode, `+` and `%` in names; sizes from 0 to a few KiB.
      const names = (i: number) =>
        [`file ${i}.txt`, `ünïcødé-日本-${i}.txt`, `a+b ${i}.bin`, `100%-${i}.dat`][i % 4];
      for (let i = 0; i < 1000; i++) {
        const dir = join(up, `d${i % 10}`, i % 3 === 0 ? `sub dir ${i % 7}` : '', i % 5 === 0 ? 'ñ+%' : '');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, names(i) as string), randomBytes((i * 37) % 4000));
      }
      const sent = filesOf(up);
      expect(sent.size).toBe(1000);

      const mb = await cli('s3', 'mb', 's3://cli-sync');
      expect(mb.stdout).toContain('make_bucket: cli-sync');
      const sync = await cli('s3', 'sync', up, 's3://cli-sync/tree', '--only-show-errors');
      expect(sync.stderr).toBe('');
      expect(sync.code).toBe(0);

      const ls = await cli('s3', 'ls', 's3://cli-sync/', '--recursive');
      expect(ls.code).toBe(0);
      expect(ls.stdout.trim().split('\n')).toHaveLength(1000);
      expect(ls.stdout).toContain('tree/d0/sub dir 0/ñ+%/file 0.txt');

      // A second sync finds nothing to do: sizes and LastModified as listed match what was sent.
      const again = await cli('s3', 'sync', up, 's3://cli-sync/tree');
      expect(again.stdout).toBe('');

      const back = await cli('s3', 'sync', 's3://cli-sync/tree', down, '--only-show-errors');
      expect(back.stderr).toBe('');
      const got = filesOf(down);
      expect([...got.keys()].sort()).toEqual([...sent.keys()].sort());
      for (const [name, bytes] of sent) expect(got.get(name)?.equals(bytes), name).toBe(true);

      const rm = await cli('s3', 'rm', 's3://cli-sync/', '--recursive', '--only-show-errors');
      expect(rm.code).toBe(0);
      const empty = await cliJson<{ KeyCount: number }>('s3api', 'list-objects-v2', '--bucket', 'cli-sync');
      expect(empty.KeyCount ?? 0).toBe(0);
    },
    CLI_TEST_MS,
  );

  it(
    's3api put/get/head/list/delete on awkward keys',
    async () => {
      const b = 'cli-keys';
      await cliJson('s3api', 'create-bucket', '--bucket', b);
      const long = `k/${'x'.repeat(1022)}`;
      const keys = ['k/with space.txt', 'k/ünïcødé 日本語.txt', 'k/100%/a+b=c%20d.txt', 'k//double', long];
      expect(Buffer.byteLength(long)).toBe(1024);
      const src = join(root, 'keys');
      mkdirSync(src);
      const bodies = keys.map((k, i) => Buffer.from(`body ${i} of ${k.slice(0, 40)}`));
      // One CLI at a time: parallel Python start-ups are slower than sequential ones on a small host.
      for (const [i, key] of keys.entries()) {
        const file = join(src, `in-${i}`);
        writeFileSync(file, bodies[i] as Buffer);
        const put = await cliJson<{ ETag: string }>(
          's3api',
          'put-object',
          '--bucket',
          b,
          '--key',
          key,
          '--body',
          file,
        );
        expect(put.ETag).toBe(
          `"${createHash('md5')
            .update(bodies[i] as Buffer)
            .digest('hex')}"`,
        );
      }

      // Every key reads back with its own bytes, length and ETag.
      for (const [i, key] of keys.entries()) {
        const out = join(src, `out-${i}`);
        const meta = await cliJson<{ ContentLength: number }>(
          's3api',
          'get-object',
          '--bucket',
          b,
          '--key',
          key,
          out,
        );
        expect(meta.ContentLength).toBe((bodies[i] as Buffer).length);
        expect(readFileSync(out).equals(bodies[i] as Buffer), key).toBe(true);
      }
      const head = await cliJson<{ ContentLength: number; ETag: string }>(
        's3api',
        'head-object',
        '--bucket',
        b,
        '--key',
        'k/100%/a+b=c%20d.txt',
      );
      expect(head.ContentLength).toBe((bodies[2] as Buffer).length);

      type Listing = {
        Contents?: Array<{ Key: string; Size: number }>;
        CommonPrefixes?: Array<{ Prefix: string }>;
        NextToken?: string;
      };
      const all = await cliJson<Listing>('s3api', 'list-objects-v2', '--bucket', b, '--prefix', 'k/');
      expect(all.Contents?.map((c) => c.Key)).toEqual(
        [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))),
      );

      const byDir = await cliJson<Listing>(
        's3api',
        'list-objects-v2',
        '--bucket',
        b,
        '--prefix',
        'k/',
        '--delimiter',
        '/',
      );
      expect(byDir.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['k//', 'k/100%/']);
      expect(byDir.Contents?.map((c) => c.Key)).toEqual(
        keys
          .filter((k) => !k.startsWith('k//') && !k.startsWith('k/100%/'))
          .sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))),
      );

      // Paging: pages of 2 from the server, 4 items per CLI call, then resume from the CLI token.
      const paging = ['s3api', 'list-objects-v2', '--bucket', b, '--max-items', '3', '--page-size', '2'];
      const page1 = await cliJson<Listing>(...paging);
      expect(page1.Contents).toHaveLength(3);
      expect(page1.NextToken).toBeTruthy();
      const page2 = await cliJson<Listing>(...paging, '--starting-token', page1.NextToken as string);
      expect(page2.NextToken).toBeUndefined();
      expect([...(page1.Contents ?? []), ...(page2.Contents ?? [])].map((c) => c.Key)).toEqual(
        all.Contents?.map((c) => c.Key),
      );

      const versions = await cliJson<{
        Versions: Array<{ Key: string; VersionId: string; IsLatest: boolean }>;
      }>('s3api', 'list-object-versions', '--bucket', b, '--prefix', 'k/');
      expect(versions.Versions.map((v) => v.Key)).toEqual(all.Contents?.map((c) => c.Key));
      expect(versions.Versions.every((v) => v.VersionId === 'null' && v.IsLatest)).toBe(true);

      expect(
        await cliError(
          's3api',
          'put-object',
          '--bucket',
          b,
          '--key',
          `${long}y`,
          '--body',
          join(src, 'in-0'),
        ),
      ).toBe('KeyTooLongError');
      expect(await cliError('s3api', 'delete-bucket', '--bucket', b)).toBe('BucketNotEmpty');

      for (const key of keys) await cliJson('s3api', 'delete-object', '--bucket', b, '--key', key);
      const after = await cliJson<Listing>('s3api', 'list-objects-v2', '--bucket', b);
      expect(after.Contents).toBeUndefined();
      await cliJson('s3api', 'delete-bucket', '--bucket', b);
      expect(await cliError('s3api', 'list-objects-v2', '--bucket', b)).toBe('NoSuchBucket');
    },
    CLI_TEST_MS,
  );

  it('reports BadDigest for a wrong --content-md5 and InvalidBucketName for a bad name', async () => {
    await cliJson('s3api', 'create-bucket', '--bucket', 'cli-errors');
    const file = join(root, 'digest.txt');
    writeFileSync(file, 'the real body');
    const wrongMd5 = createHash('md5').update('another body').digest('base64');
    expect(
      await cliError(
        's3api',
        'put-object',
        '--bucket',
        'cli-errors',
        '--key',
        'd',
        '--body',
        file,
        '--content-md5',
        wrongMd5,
      ),
    ).toBe('BadDigest');
    expect(await cliError('s3api', 'create-bucket', '--bucket', 'Bad_Name')).toBe('InvalidBucketName');
    // Nothing was stored by the refused put.
    expect(
      await cliError('s3api', 'get-object', '--bucket', 'cli-errors', '--key', 'd', join(root, 'd.out')),
    ).toBe('NoSuchKey');
  }, 60_000);

  it('serves a GET presigned by the CLI (and by the SDK presigner when installed)', async () => {
    const s3 = s3ClientFor(aws.url);
    await cliJson('s3api', 'create-bucket', '--bucket', 'cli-presign');
    const key = 'shared/ünï code+1%.txt';
    await s3.send(new PutObjectCommand({ Bucket: 'cli-presign', Key: key, Body: 'presigned bytes' }));

    const presigned = await cli('s3', 'presign', `s3://cli-presign/${key}`, '--expires-in', '300');
    expect(presigned.code).toBe(0);
    const url = presigned.stdout.trim();
    expect(url).toContain('X-Amz-Signature=');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('presigned bytes');
    // The signature covers the path: another key with the same query string is refused.
    const forged = await fetch(url.replace('presign/shared', 'presign/other'));
    expect(forged.status).toBe(403);

    // Optional dependency: a non-literal specifier keeps the bundler and tsc from requiring it.
    const presignerModule = '@aws-sdk/s3-request-presigner';
    const presigner = (await import(presignerModule).catch(() => undefined)) as
      | { getSignedUrl: (c: S3Client, cmd: GetObjectCommand, o: { expiresIn: number }) => Promise<string> }
      | undefined;
    if (presigner) {
      const sdkUrl = await presigner.getSignedUrl(
        s3,
        new GetObjectCommand({ Bucket: 'cli-presign', Key: key }),
        {
          expiresIn: 300,
        },
      );
      expect(await (await fetch(sdkUrl)).text()).toBe('presigned bytes');
    }
    s3.destroy();
  }, 30_000);
});
