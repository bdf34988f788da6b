import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  GetBucketOwnershipControlsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCommand } from './support/aws-cli-model.js';
import { type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

// rclone (Go: encoding/xml, aws-sdk-go) and s3cmd (Python, its own signer) as their users run them,
// Debian's packages as the AWS CLI (issue 24 §2): multipart uploads, sync, check, and keys with
// quotes, ampersands and non-ASCII letters.

const RCLONE = '/usr/bin/rclone';
const S3CMD = '/usr/bin/s3cmd';
const BIG = 12 * 1024 * 1024;
/** Keys whose XML (DeleteObjects, listings) and URLs every client must get right. */
const QUOTED = `it's "quoted".txt`;
const ADDED = `new 'one' & "two".txt`;
const TREE: Record<string, Buffer> = {
  'big.bin': randomBytes(BIG),
  [QUOTED]: Buffer.from('quotes'),
  'a&b <c>.txt': Buffer.from('ampersand'),
  'sub/héllo wörld ü.txt': Buffer.from('non-ascii'),
  'plain.txt': Buffer.from('plain'),
};

let f: LocalAwsFixture;
let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  f = await startFixture();
  root = mkdtempSync(join(tmpdir(), 'outside-clients-'));
  const s3cfg = join(root, 's3cfg');
  const host = new URL(f.aws.url).host;
  writeFileSync(
    s3cfg,
    `[default]\naccess_key = test\nsecret_key = test\nhost_base = ${host}\nhost_bucket = ${host}\nuse_https = False\nsignature_v2 = False\nbucket_location = us-east-1\n`,
  );
  env = {
    ...f.cliEnv,
    HOME: root,
    S3CMD_CONFIG: s3cfg,
    // The remote `la`, as rclone reads it from its environment.
    RCLONE_CONFIG: join(root, 'rclone.conf'),
    RCLONE_CONFIG_LA_TYPE: 's3',
    RCLONE_CONFIG_LA_PROVIDER: 'Other',
    RCLONE_CONFIG_LA_ACCESS_KEY_ID: 'test',
    RCLONE_CONFIG_LA_SECRET_ACCESS_KEY: 'test',
    RCLONE_CONFIG_LA_ENDPOINT: f.aws.url,
    RCLONE_CONFIG_LA_REGION: 'us-east-1',
    RCLONE_CONFIG_LA_FORCE_PATH_STYLE: 'true',
  };
});
afterAll(async () => {
  await f.close();
  rmSync(root, { recursive: true, force: true });
});

/** A local directory holding `files`. */
function tree(name: string, files: Record<string, Buffer>): string {
  const dir = join(root, name);
  for (const [key, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, key)), { recursive: true });
    writeFileSync(join(dir, key), body);
  }
  return dir;
}

async function run(command: string, ...args: string[]): Promise<CliResult> {
  const r = await runCommand(command, args, env);
  expect(r.code, `${command} ${args.join(' ')}:\n${r.stderr}`).toBe(0);
  return r;
}

/** The bucket's keys and each object's SHA-256, read back through the SDK. */
async function contents(Bucket: string, Prefix = ''): Promise<Record<string, string>> {
  const out = await f.s3.send(new ListObjectsV2Command({ Bucket, Prefix }));
  const entries = await Promise.all(
    (out.Contents ?? []).map(async ({ Key = '' }) => {
      const body = await (
        await f.s3.send(new GetObjectCommand({ Bucket, Key }))
      ).Body?.transformToByteArray();
      return [
        Key.slice(Prefix.length),
        createHash('sha256')
          .update(body ?? new Uint8Array())
          .digest('hex'),
      ];
    }),
  );
  return Object.fromEntries(entries);
}
const hashes = (files: Record<string, Buffer>) =>
  Object.fromEntries(
    Object.entries(files).map(([k, v]) => [k, createHash('sha256').update(v).digest('hex')]),
  );

describe('rclone', () => {
  const multipart = ['--s3-upload-cutoff', '5M', '--s3-chunk-size', '5M'];

  it('copies a tree with a multipart upload and odd keys, and check finds no difference', async () => {
    const src = tree('rclone-src', TREE);
    await run(RCLONE, 'mkdir', 'la:rclone-bucket');
    // rclone creates buckets with `x-amz-acl: private`: S3 takes it and makes them BucketOwnerPreferred.
    const ownership = await f.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'rclone-bucket' }));
    expect(ownership.OwnershipControls?.Rules?.[0]?.ObjectOwnership).toBe('BucketOwnerPreferred');
    await run(RCLONE, 'copy', src, 'la:rclone-bucket', ...multipart);
    expect(await contents('rclone-bucket')).toEqual(hashes(TREE));
    const big = await f.s3.send(new HeadObjectCommand({ Bucket: 'rclone-bucket', Key: 'big.bin' }));
    expect(big.ETag).toMatch(/-3"$/);
    const check = await run(RCLONE, 'check', src, 'la:rclone-bucket', '--download');
    expect(check.stderr).toContain('0 differences found');
  });

  it('syncs deletions, changes and new keys, and check still agrees', async () => {
    const src = join(root, 'rclone-src');
    unlinkSync(join(src, 'a&b <c>.txt'));
    writeFileSync(join(src, 'plain.txt'), 'changed');
    writeFileSync(join(src, ADDED), 'new');
    await run(RCLONE, 'sync', src, 'la:rclone-bucket', ...multipart);
    const { 'a&b <c>.txt': _gone, ...rest } = TREE;
    expect(await contents('rclone-bucket')).toEqual(
      hashes({ ...rest, 'plain.txt': Buffer.from('changed'), [ADDED]: Buffer.from('new') }),
    );
    await run(RCLONE, 'check', src, 'la:rclone-bucket');
    // purge deletes with DeleteObjects: every odd key must go.
    await run(RCLONE, 'purge', 'la:rclone-bucket');
    const left = await runCommand(RCLONE, ['lsf', 'la:rclone-bucket'], env);
    expect(left.stdout).toBe('');
  });
});

describe('s3cmd', () => {
  it('puts (multipart), lists, gets, syncs and deletes', async () => {
    const src = tree('s3cmd-src', TREE);
    await run(S3CMD, 'mb', 's3://s3cmd-bucket');
    await run(S3CMD, 'put', join(src, 'big.bin'), 's3://s3cmd-bucket/big.bin', '--multipart-chunk-size-mb=5');
    await run(S3CMD, 'put', join(src, QUOTED), 's3://s3cmd-bucket/');
    const ls = await run(S3CMD, 'ls', 's3://s3cmd-bucket');
    expect(ls.stdout).toContain(`s3://s3cmd-bucket/${QUOTED}`);
    expect(ls.stdout).toMatch(new RegExp(`${BIG}\\s+s3://s3cmd-bucket/big\\.bin`));
    const got = join(root, 'big.out');
    await run(S3CMD, 'get', 's3://s3cmd-bucket/big.bin', got, '--force');
    expect(readFileSync(got).equals(TREE['big.bin'] as Buffer)).toBe(true);

    await run(S3CMD, 'sync', `${src}/`, 's3://s3cmd-bucket/synced/');
    expect(await contents('s3cmd-bucket', 'synced/')).toEqual(hashes(TREE));
    await run(S3CMD, 'del', `s3://s3cmd-bucket/${QUOTED}`);
    // A recursive delete is one DeleteObjects of every synced key.
    await run(S3CMD, 'del', '--recursive', '--force', 's3://s3cmd-bucket/synced/');
    expect(Object.keys(await contents('s3cmd-bucket'))).toEqual(['big.bin']);
  });
});
