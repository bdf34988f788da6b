import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { putVersions } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAwsHandle } from '../src/index.js';
import { AWS_CLI, errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
let fixture: LocalAwsFixture;
let aws: LocalAwsHandle;
let dataDir: string;
let s3: S3Client;

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

async function bytesOf(out: { Body?: { transformToByteArray(): Promise<Uint8Array> } }) {
  return Buffer.from(
    await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
  );
}

async function createUpload(bucket: string, key: string) {
  const out = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  return out.UploadId as string;
}

beforeAll(async () => {
  fixture = await startFixture();
  ({ aws, dataDir, s3 } = fixture);
  for (const Bucket of ['mp-bucket', 'cp-bucket', 'cpv-bucket'])
    await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: 'cpv-bucket', VersioningConfiguration: { Status: 'Enabled' } }),
  );
});
afterAll(async () => {
  s3?.destroy();
  await aws?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('multipart upload', () => {
  const parts = [randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(1024)];

  it('completes a 3-part upload into the exact bytes with a -3 ETag, and serves ?partNumber', async () => {
    const uploadId = await createUpload('mp-bucket', 'big.bin');
    const etags: string[] = [];
    for (const [i, body] of parts.entries()) {
      const out = await s3.send(
        new UploadPartCommand({
          Bucket: 'mp-bucket',
          Key: 'big.bin',
          UploadId: uploadId,
          PartNumber: i + 1,
          Body: body,
        }),
      );
      expect(out.ETag).toBe(`"${md5(body)}"`);
      etags.push(out.ETag as string);
    }
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'mp-bucket',
        Key: 'big.bin',
        UploadId: uploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    const expectedEtag = `"${createHash('md5')
      .update(Buffer.concat(parts.map((p) => Buffer.from(md5(p), 'hex'))))
      .digest('hex')}-3"`;
    expect(done.ETag).toBe(expectedEtag);
    expect(done.Key).toBe('big.bin');
    expect(done.Location).toMatch(/\/mp-bucket\/big\.bin$/);

    const got = await s3.send(new GetObjectCommand({ Bucket: 'mp-bucket', Key: 'big.bin' }));
    expect(got.ETag).toBe(expectedEtag);
    expect((await bytesOf(got)).equals(Buffer.concat(parts))).toBe(true);

    const part2 = await s3.send(new GetObjectCommand({ Bucket: 'mp-bucket', Key: 'big.bin', PartNumber: 2 }));
    expect(part2.PartsCount).toBe(3);
    expect((await bytesOf(part2)).equals(parts[1] as Buffer)).toBe(true);

    // The upload is gone once completed.
    const err = await errorOf(
      s3.send(new ListPartsCommand({ Bucket: 'mp-bucket', Key: 'big.bin', UploadId: uploadId })),
    );
    expect(err.name).toBe('NoSuchUpload');
  });

  it('refuses a small non-last part (EntityTooSmall) and a wrong ETag (InvalidPart)', async () => {
    const uploadId = await createUpload('mp-bucket', 'small.bin');
    const a = await s3.send(
      new UploadPartCommand({
        Bucket: 'mp-bucket',
        Key: 'small.bin',
        UploadId: uploadId,
        PartNumber: 1,
        Body: 'aaa',
      }),
    );
    const b = await s3.send(
      new UploadPartCommand({
        Bucket: 'mp-bucket',
        Key: 'small.bin',
        UploadId: uploadId,
        PartNumber: 2,
        Body: 'bbb',
      }),
    );
    const complete = (Parts: Array<{ ETag: string; PartNumber: number }>) =>
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'mp-bucket',
          Key: 'small.bin',
          UploadId: uploadId,
          MultipartUpload: { Parts },
        }),
      );
    const tooSmall = await errorOf(
      complete([
        { ETag: a.ETag as string, PartNumber: 1 },
        { ETag: b.ETag as string, PartNumber: 2 },
      ]),
    );
    expect(tooSmall.name).toBe('EntityTooSmall');
    expect(tooSmall.$metadata.httpStatusCode).toBe(400);
    const invalid = await errorOf(complete([{ ETag: `"${md5(Buffer.from('nope'))}"`, PartNumber: 1 }]));
    expect(invalid.name).toBe('InvalidPart');
    const order = await errorOf(
      complete([
        { ETag: b.ETag as string, PartNumber: 2 },
        { ETag: a.ETag as string, PartNumber: 1 },
      ]),
    );
    expect(order.name).toBe('InvalidPartOrder');
    // A single (last) part may be small.
    const ok = await complete([{ ETag: a.ETag as string, PartNumber: 1 }]);
    expect(ok.ETag).toMatch(/-1"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'mp-bucket', Key: 'small.bin' }));
    expect((await bytesOf(got)).toString()).toBe('aaa');
  });

  it('answers NoSuchUpload for an unknown or aborted upload', async () => {
    const unknown = await errorOf(
      s3.send(
        new UploadPartCommand({ Bucket: 'mp-bucket', Key: 'x', UploadId: 'nope', PartNumber: 1, Body: 'x' }),
      ),
    );
    expect(unknown.name).toBe('NoSuchUpload');
    expect(unknown.$metadata.httpStatusCode).toBe(404);
    const uploadId = await createUpload('mp-bucket', 'aborted');
    const abort = await s3.send(
      new AbortMultipartUploadCommand({ Bucket: 'mp-bucket', Key: 'aborted', UploadId: uploadId }),
    );
    expect(abort.$metadata.httpStatusCode).toBe(204);
    const again = await errorOf(
      s3.send(new AbortMultipartUploadCommand({ Bucket: 'mp-bucket', Key: 'aborted', UploadId: uploadId })),
    );
    expect(again.name).toBe('NoSuchUpload');
  });

  it('pages ListParts with max-parts and part-number-marker', async () => {
    const uploadId = await createUpload('mp-bucket', 'listed');
    for (const n of [1, 2, 3]) {
      await s3.send(
        new UploadPartCommand({
          Bucket: 'mp-bucket',
          Key: 'listed',
          UploadId: uploadId,
          PartNumber: n,
          Body: `p${n}`,
        }),
      );
    }
    const first = await s3.send(
      new ListPartsCommand({ Bucket: 'mp-bucket', Key: 'listed', UploadId: uploadId, MaxParts: 2 }),
    );
    expect(first.Parts?.map((p) => p.PartNumber)).toEqual([1, 2]);
    expect(first.IsTruncated).toBe(true);
    expect(first.NextPartNumberMarker).toBe('2');
    expect(first.Parts?.[0]?.ETag).toBe(`"${md5(Buffer.from('p1'))}"`);
    expect(first.Parts?.[0]?.Size).toBe(2);
    const second = await s3.send(
      new ListPartsCommand({
        Bucket: 'mp-bucket',
        Key: 'listed',
        UploadId: uploadId,
        MaxParts: 2,
        PartNumberMarker: first.NextPartNumberMarker,
      }),
    );
    expect(second.Parts?.map((p) => p.PartNumber)).toEqual([3]);
    expect(second.IsTruncated).toBe(false);
    await s3.send(
      new AbortMultipartUploadCommand({ Bucket: 'mp-bucket', Key: 'listed', UploadId: uploadId }),
    );
  });

  it('pages ListMultipartUploads with prefix, key-marker and max-uploads', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    const ids: Record<string, string> = {};
    for (const key of ['dir/a', 'dir/b', 'dir/c', 'other']) ids[key] = await createUpload('uploads', key);
    const first = await s3.send(
      new ListMultipartUploadsCommand({ Bucket: 'uploads', Prefix: 'dir/', MaxUploads: 2 }),
    );
    expect(first.Uploads?.map((u) => u.Key)).toEqual(['dir/a', 'dir/b']);
    expect(first.Uploads?.[0]?.UploadId).toBe(ids['dir/a']);
    expect(first.IsTruncated).toBe(true);
    expect(first.NextKeyMarker).toBe('dir/b');
    const second = await s3.send(
      new ListMultipartUploadsCommand({
        Bucket: 'uploads',
        Prefix: 'dir/',
        MaxUploads: 2,
        KeyMarker: first.NextKeyMarker,
        UploadIdMarker: first.NextUploadIdMarker,
      }),
    );
    expect(second.Uploads?.map((u) => u.Key)).toEqual(['dir/c']);
    expect(second.IsTruncated).toBe(false);
    const all = await s3.send(new ListMultipartUploadsCommand({ Bucket: 'uploads', Delimiter: '/' }));
    expect(all.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/']);
    expect(all.Uploads?.map((u) => u.Key)).toEqual(['other']);
  });

  it('keeps a FULL_OBJECT CRC32 across parts, which GetObject with checksum mode validates', async () => {
    const body = [randomBytes(5 * MiB), randomBytes(300)];
    const created = await s3.send(
      new CreateMultipartUploadCommand({
        Bucket: 'mp-bucket',
        Key: 'crc.bin',
        ChecksumAlgorithm: 'CRC32',
        ChecksumType: 'FULL_OBJECT',
      }),
    );
    expect(created.ChecksumAlgorithm).toBe('CRC32');
    const uploaded = [];
    for (const [i, Body] of body.entries()) {
      const out = await s3.send(
        new UploadPartCommand({
          Bucket: 'mp-bucket',
          Key: 'crc.bin',
          UploadId: created.UploadId,
          PartNumber: i + 1,
          Body,
          ChecksumAlgorithm: 'CRC32',
        }),
      );
      expect(out.ChecksumCRC32).toMatch(/^[A-Za-z0-9+/]{6}==$/);
      uploaded.push({ ETag: out.ETag as string, ChecksumCRC32: out.ChecksumCRC32, PartNumber: i + 1 });
    }
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'mp-bucket',
        Key: 'crc.bin',
        UploadId: created.UploadId,
        MultipartUpload: { Parts: uploaded },
      }),
    );
    expect(done.ChecksumType).toBe('FULL_OBJECT');
    const got = await s3.send(
      new GetObjectCommand({ Bucket: 'mp-bucket', Key: 'crc.bin', ChecksumMode: 'ENABLED' }),
    );
    expect(got.ChecksumCRC32).toBe(done.ChecksumCRC32);
    expect((await bytesOf(got)).equals(Buffer.concat(body))).toBe(true);
  });

  it('copies a byte range of an object into a part (UploadPartCopy)', async () => {
    const source = randomBytes(6 * MiB);
    await s3.send(new PutObjectCommand({ Bucket: 'mp-bucket', Key: 'copy-src', Body: source }));
    const uploadId = await createUpload('mp-bucket', 'assembled');
    const p1 = await s3.send(
      new UploadPartCopyCommand({
        Bucket: 'mp-bucket',
        Key: 'assembled',
        UploadId: uploadId,
        PartNumber: 1,
        CopySource: 'mp-bucket/copy-src',
        CopySourceRange: `bytes=0-${5 * MiB - 1}`,
      }),
    );
    expect(p1.CopyPartResult?.ETag).toBe(`"${md5(source.subarray(0, 5 * MiB))}"`);
    expect(p1.CopyPartResult?.LastModified).toBeInstanceOf(Date);
    const p2 = await s3.send(
      new UploadPartCopyCommand({
        Bucket: 'mp-bucket',
        Key: 'assembled',
        UploadId: uploadId,
        PartNumber: 2,
        CopySource: 'mp-bucket/copy-src',
        CopySourceRange: `bytes=${5 * MiB}-${5 * MiB + 99}`,
      }),
    );
    const badRange = await errorOf(
      s3.send(
        new UploadPartCopyCommand({
          Bucket: 'mp-bucket',
          Key: 'assembled',
          UploadId: uploadId,
          PartNumber: 3,
          CopySource: 'mp-bucket/copy-src',
          CopySourceRange: `bytes=0-${7 * MiB}`,
        }),
      ),
    );
    expect(badRange.name).toBe('InvalidArgument');
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'mp-bucket',
        Key: 'assembled',
        UploadId: uploadId,
        MultipartUpload: {
          Parts: [
            { ETag: p1.CopyPartResult?.ETag as string, PartNumber: 1 },
            { ETag: p2.CopyPartResult?.ETag as string, PartNumber: 2 },
          ],
        },
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'mp-bucket', Key: 'assembled' }));
    expect((await bytesOf(got)).equals(source.subarray(0, 5 * MiB + 100))).toBe(true);
  });
});

describe('CopyObject', () => {
  beforeAll(async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: 'cp-bucket',
        Key: 'src.txt',
        Body: 'hello copy',
        ContentType: 'text/plain',
        Metadata: { colour: 'blue' },
        Tagging: 'team=a',
      }),
    );
  });

  it('copies bytes, metadata and tags by default (COPY)', async () => {
    const out = await s3.send(
      new CopyObjectCommand({ Bucket: 'cp-bucket', Key: 'copy1', CopySource: 'cp-bucket/src.txt' }),
    );
    expect(out.CopyObjectResult?.ETag).toBe(`"${md5(Buffer.from('hello copy'))}"`);
    expect(out.CopyObjectResult?.LastModified).toBeInstanceOf(Date);
    expect(out.VersionId).toBeUndefined();
    const got = await s3.send(new GetObjectCommand({ Bucket: 'cp-bucket', Key: 'copy1' }));
    expect(await got.Body?.transformToString()).toBe('hello copy');
    expect(got.ContentType).toBe('text/plain');
    expect(got.Metadata).toEqual({ colour: 'blue' });
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'cp-bucket', Key: 'copy1' }));
    expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'a' }]);
  });

  it('replaces metadata and tags with REPLACE directives and changes the storage class', async () => {
    await s3.send(
      new CopyObjectCommand({
        Bucket: 'cp-bucket',
        Key: 'copy2',
        CopySource: '/cp-bucket/src.txt',
        MetadataDirective: 'REPLACE',
        ContentType: 'application/json',
        Metadata: { shape: 'round' },
        TaggingDirective: 'REPLACE',
        Tagging: 'team=b&env=dev',
        StorageClass: 'STANDARD_IA',
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'cp-bucket', Key: 'copy2' }));
    expect(head.ContentType).toBe('application/json');
    expect(head.Metadata).toEqual({ shape: 'round' });
    expect(head.StorageClass).toBe('STANDARD_IA');
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'cp-bucket', Key: 'copy2' }));
    expect(tags.TagSet).toEqual([
      { Key: 'team', Value: 'b' },
      { Key: 'env', Value: 'dev' },
    ]);
  });

  it('copies a given source version and reports version ids', async () => {
    const [v1] = await putVersions(s3, 'cpv-bucket', 'doc', 'first', 'second');
    const out = await s3.send(
      new CopyObjectCommand({
        Bucket: 'cpv-bucket',
        Key: 'doc-copy',
        CopySource: `cpv-bucket/doc?versionId=${encodeURIComponent(v1.VersionId as string)}`,
      }),
    );
    expect(out.CopySourceVersionId).toBe(v1.VersionId);
    expect(out.VersionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'cpv-bucket', Key: 'doc-copy' }));
    expect(await got.Body?.transformToString()).toBe('first');
    expect(got.VersionId).toBe(out.VersionId);
  });

  it('fails a copy-source-if-match on another ETag with 412, and a missing source with NoSuchKey', async () => {
    const failed = await errorOf(
      s3.send(
        new CopyObjectCommand({
          Bucket: 'cp-bucket',
          Key: 'copy3',
          CopySource: 'cp-bucket/src.txt',
          CopySourceIfMatch: '"00000000000000000000000000000000"',
        }),
      ),
    );
    expect(failed.name).toBe('PreconditionFailed');
    expect(failed.$metadata.httpStatusCode).toBe(412);
    const missing = await errorOf(
      s3.send(new CopyObjectCommand({ Bucket: 'cp-bucket', Key: 'copy3', CopySource: 'cp-bucket/none' })),
    );
    expect(missing.name).toBe('NoSuchKey');
    const head = await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'cp-bucket', Key: 'copy3' })));
    expect(head.$metadata.httpStatusCode).toBe(404);
  });

  it('refuses to copy an archived source that is not restored (InvalidObjectState)', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: 'cp-bucket', Key: 'cold', Body: 'ice', StorageClass: 'GLACIER' }),
    );
    const err = await errorOf(
      s3.send(new CopyObjectCommand({ Bucket: 'cp-bucket', Key: 'warm', CopySource: 'cp-bucket/cold' })),
    );
    expect(err.name).toBe('InvalidObjectState');
    expect(err.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses to copy an object onto itself without a change, but allows a metadata replace', async () => {
    const err = await errorOf(
      s3.send(
        new CopyObjectCommand({ Bucket: 'cp-bucket', Key: 'src.txt', CopySource: 'cp-bucket/src.txt' }),
      ),
    );
    expect(err.name).toBe('InvalidRequest');
    expect(err.message).toMatch(/copy an object to itself without changing/);
    await s3.send(
      new CopyObjectCommand({
        Bucket: 'cp-bucket',
        Key: 'src.txt',
        CopySource: 'cp-bucket/src.txt',
        MetadataDirective: 'REPLACE',
        Metadata: { colour: 'red' },
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'cp-bucket', Key: 'src.txt' }));
    expect(head.Metadata).toEqual({ colour: 'red' });
    const got = await s3.send(new GetObjectCommand({ Bucket: 'cp-bucket', Key: 'src.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello copy');
  });
});

describe('aws CLI', () => {
  it('round-trips a 20 MiB file through `aws s3 cp` (multipart) byte-identical', async () => {
    const local = mkdtempSync(join(tmpdir(), 'local-aws-cli-'));
    try {
      const up = join(local, 'up.bin');
      const down = join(local, 'down.bin');
      const data = randomBytes(20 * MiB);
      writeFileSync(up, data);
      const env = {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: join(local, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(local, 'none'),
      };
      const cli = (...args: string[]) => run(AWS_CLI, [...args, '--endpoint-url', aws.url], { env });
      await cli('s3', 'cp', up, 's3://mp-bucket/cli/big.bin');
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'mp-bucket', Key: 'cli/big.bin' }));
      expect(head.ETag).toMatch(/-\d+"$/);
      expect(head.ContentLength).toBe(20 * MiB);
      await cli('s3', 'cp', 's3://mp-bucket/cli/big.bin', down);
      expect(readFileSync(down).equals(data)).toBe(true);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  }, 60_000);
});
