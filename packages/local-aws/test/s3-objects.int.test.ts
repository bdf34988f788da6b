import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  type DeleteObjectCommandInput,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { bodyText, createVersionedBucket, putVersions } from '@batchops/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, useFixture } from './support/local-aws-fixture.js';

const f = useFixture();

const text = async (out: { Body?: unknown }) =>
  (out.Body as { transformToString(): Promise<string> }).transformToString();

describe('objects', () => {
  it('puts and gets an object with metadata, checksum and ranges', async () => {
    await f.s3.send(new CreateBucketCommand({ Bucket: 'objs' }));
    const put = await f.s3.send(
      new PutObjectCommand({
        Bucket: 'objs',
        Key: 'dir/a b+c%.txt',
        Body: 'hello world',
        ContentType: 'text/plain',
        Metadata: { owner: 'ana' },
        Tagging: 'a=1&b=2',
        StorageClass: 'STANDARD_IA',
      }),
    );
    expect(put.ETag).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    expect(put.ChecksumCRC32).toBe('DUoRhQ==');
    const got = await f.s3.send(
      new GetObjectCommand({ Bucket: 'objs', Key: 'dir/a b+c%.txt', ChecksumMode: 'ENABLED' }),
    );
    expect(await text(got)).toBe('hello world');
    expect(got).toMatchObject({
      ContentType: 'text/plain',
      Metadata: { owner: 'ana' },
      StorageClass: 'STANDARD_IA',
      TagCount: 2,
      ChecksumCRC32: 'DUoRhQ==',
    });
    const part = await f.s3.send(
      new GetObjectCommand({ Bucket: 'objs', Key: 'dir/a b+c%.txt', Range: 'bytes=6-' }),
    );
    expect(await text(part)).toBe('world');
    expect(part.ContentRange).toBe('bytes 6-10/11');
    const suffix = await f.s3.send(
      new GetObjectCommand({ Bucket: 'objs', Key: 'dir/a b+c%.txt', Range: 'bytes=-3' }),
    );
    expect(await text(suffix)).toBe('rld');
    const bad = await errorOf(
      f.s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'dir/a b+c%.txt', Range: 'bytes=50-' })),
    );
    expect(bad.name).toBe('InvalidRange');
  });

  it('honours conditional reads and writes', async () => {
    await f.s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'cond', Body: 'x' }));
    const head = await f.s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'cond' }));
    const notModified = await errorOf(
      f.s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'cond', IfNoneMatch: head.ETag })),
    );
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    const failed = await errorOf(
      f.s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'cond', IfMatch: '"nope"' })),
    );
    expect(failed.name).toBe('PreconditionFailed');
    const exists = await errorOf(
      f.s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'cond', Body: 'y', IfNoneMatch: '*' })),
    );
    expect(exists.$metadata.httpStatusCode).toBe(412);
  });

  it('refuses a wrong Content-MD5 with BadDigest and keeps the old object', async () => {
    const err = await errorOf(
      f.s3.send(
        new PutObjectCommand({
          Bucket: 'objs',
          Key: 'cond',
          Body: 'changed',
          ContentMD5: '1B2M2Y8AsgTpgAmY7PhCfg==',
        }),
      ),
    );
    expect(err.name).toBe('BadDigest');
    expect(await text(await f.s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'cond' })))).toBe('x');
  });

  it('answers the S3 error codes for missing things', async () => {
    expect((await errorOf(f.s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'missing' })))).name).toBe(
      'NoSuchKey',
    );
    expect((await errorOf(f.s3.send(new GetObjectCommand({ Bucket: 'nobucket', Key: 'k' })))).name).toBe(
      'NoSuchBucket',
    );
    expect((await errorOf(f.s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })))).name).toBe(
      'InvalidBucketName',
    );
    expect((await errorOf(f.s3.send(new DeleteBucketCommand({ Bucket: 'objs' })))).name).toBe(
      'BucketNotEmpty',
    );
    const long = await errorOf(
      f.s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'k'.repeat(1025), Body: 'x' })),
    );
    expect(long.name).toBe('KeyTooLongError');
  });
});

describe('versioning', () => {
  it('keeps versions, hides a key behind a delete marker and brings it back', async () => {
    await createVersionedBucket(f.s3, 'vers');
    const [v1, v2] = await putVersions(f.s3, 'vers', 'k', 'one', 'two');
    expect(v1.VersionId).not.toBe(v2.VersionId);
    expect(await text(await f.s3.send(new GetObjectCommand({ Bucket: 'vers', Key: 'k' })))).toBe('two');
    expect(
      await text(
        await f.s3.send(new GetObjectCommand({ Bucket: 'vers', Key: 'k', VersionId: v1.VersionId })),
      ),
    ).toBe('one');
    const del = await f.s3.send(new DeleteObjectCommand({ Bucket: 'vers', Key: 'k' }));
    expect(del.DeleteMarker).toBe(true);
    const hidden = await errorOf(f.s3.send(new GetObjectCommand({ Bucket: 'vers', Key: 'k' })));
    expect(hidden.name).toBe('NoSuchKey');
    expect(hidden.$response?.headers['x-amz-delete-marker']).toBe('true');
    const versions = await f.s3.send(new ListObjectVersionsCommand({ Bucket: 'vers' }));
    expect(versions.Versions?.map((v) => v.VersionId)).toEqual([v2.VersionId, v1.VersionId]);
    expect(versions.DeleteMarkers?.[0]).toMatchObject({ Key: 'k', IsLatest: true, VersionId: del.VersionId });
    expect((await f.s3.send(new ListObjectsV2Command({ Bucket: 'vers' }))).KeyCount).toBe(0);
    await f.s3.send(new DeleteObjectCommand({ Bucket: 'vers', Key: 'k', VersionId: del.VersionId }));
    expect(await text(await f.s3.send(new GetObjectCommand({ Bucket: 'vers', Key: 'k' })))).toBe('two');
  });

  it('pages versions with key and version markers', async () => {
    for (let i = 0; i < 5; i++)
      await f.s3.send(new PutObjectCommand({ Bucket: 'vers', Key: 'many', Body: String(i) }));
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    for (;;) {
      const page = await f.s3.send(
        new ListObjectVersionsCommand({
          Bucket: 'vers',
          Prefix: 'many',
          MaxKeys: 2,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
        }),
      );
      for (const v of page.Versions ?? []) seen.push(v.VersionId as string);
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionMarker = page.NextVersionIdMarker;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});

describe('listing', () => {
  beforeAll(async () => {
    await f.s3.send(new CreateBucketCommand({ Bucket: 'list' }));
    const keys = ['a/1', 'a/2', 'b/1', 'b/c/1', 'c', 'd/1', 'd/2', 'e', 'ü/1', 'sp ace'];
    for (const Key of keys) await f.s3.send(new PutObjectCommand({ Bucket: 'list', Key, Body: Key }));
  });

  it('rolls keys into common prefixes and pages across them with continuation tokens', async () => {
    const entries: string[] = [];
    let token: string | undefined;
    do {
      const page = await f.s3.send(
        new ListObjectsV2Command({ Bucket: 'list', Delimiter: '/', MaxKeys: 2, ContinuationToken: token }),
      );
      expect((page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0)).toBeLessThanOrEqual(2);
      for (const c of page.Contents ?? []) entries.push(c.Key as string);
      for (const p of page.CommonPrefixes ?? []) entries.push(p.Prefix as string);
      token = page.NextContinuationToken;
    } while (token);
    expect(entries.sort()).toEqual(['a/', 'b/', 'c', 'd/', 'e', 'sp ace', 'ü/'].sort());
  });

  it('reads an empty continuation-token as the first page and echoes it, as boto3 users send it', async () => {
    const page = await f.s3.send(
      new ListObjectsV2Command({ Bucket: 'list', Prefix: 'a/', ContinuationToken: '' }),
    );
    expect(page.Contents?.map((c) => c.Key)).toEqual(['a/1', 'a/2']);
    expect(page.ContinuationToken).toBe('');
  });

  it('lists under a prefix, after a key, and with ListObjects v1 markers', async () => {
    const b = await f.s3.send(new ListObjectsV2Command({ Bucket: 'list', Prefix: 'b/', Delimiter: '/' }));
    expect(b.Contents?.map((c) => c.Key)).toEqual(['b/1']);
    expect(b.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['b/c/']);
    const after = await f.s3.send(new ListObjectsV2Command({ Bucket: 'list', StartAfter: 'd/1' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['d/2', 'e', 'sp ace', 'ü/1']);
    const v1 = await f.s3.send(
      new ListObjectsCommand({ Bucket: 'list', Marker: 'c', MaxKeys: 2, Delimiter: '/' }),
    );
    expect(
      [...(v1.Contents ?? []).map((c) => c.Key), ...(v1.CommonPrefixes ?? []).map((p) => p.Prefix)].sort(),
    ).toEqual(['d/', 'e']);
    expect(v1.IsTruncated).toBe(true);
    expect(v1.NextMarker).toBe('e');
  });
});

// Issue 24 §3: what S3 answers for a key with a C1 control character, where it sends
// x-amz-delete-marker, and the conditional deletes of a general purpose bucket (README, "Objects").
describe('keys and delete answers', () => {
  beforeAll(async () => {
    await f.s3.send(new CreateBucketCommand({ Bucket: 'kd-plain' }));
    await createVersionedBucket(f.s3, 'kd-versioned');
  });
  const put = (Bucket: string, Key: string, Body = 'hello\n') =>
    f.s3.send(new PutObjectCommand({ Bucket, Key, Body }));

  describe('a key with a C1 control character (U+0080–U+009F)', () => {
    it('is 400 InvalidURI for every operation, as for ceph/s3-tests "\\xae\\x8a-"', async () => {
      for (const send of [
        () => f.s3.send(new GetObjectCommand({ Bucket: 'kd-plain', Key: '\xae\x8a-' })),
        () => put('kd-plain', 'a\u0080b'),
        () => f.s3.send(new DeleteObjectCommand({ Bucket: 'kd-plain', Key: 'x\u009f' })),
      ]) {
        const err = await errorOf(send());
        expect([err.$metadata.httpStatusCode, err.name, err.message]).toEqual([
          400,
          'InvalidURI',
          "Couldn't parse the specified URI.",
        ]);
      }
      const head = await errorOf(f.s3.send(new HeadObjectCommand({ Bucket: 'kd-plain', Key: 'a\u0085' })));
      expect(head.$metadata.httpStatusCode).toBe(400);
    });

    it('leaves the printable characters around the range alone (U+007F, U+00A0, U+00AE)', async () => {
      for (const Key of ['del\u007f', 'nbsp\u00a0', '\u00ae-']) {
        await put('kd-plain', Key, Key);
        expect(await bodyText(f.s3, 'kd-plain', Key)).toBe(Key);
      }
    });
  });

  describe('x-amz-delete-marker on DeleteObject (never "false": AWS-recorded tests of moto and LocalStack)', () => {
    it('is true for a new delete marker and for deleting one; absent for deleting a version or an unversioned object', async () => {
      const { VersionId } = await put('kd-versioned', 'dm');
      const marker = await f.s3.send(new DeleteObjectCommand({ Bucket: 'kd-versioned', Key: 'dm' }));
      expect(marker.DeleteMarker).toBe(true);
      const gone = await errorOf(f.s3.send(new HeadObjectCommand({ Bucket: 'kd-versioned', Key: 'dm' })));
      expect(gone.$response?.headers['x-amz-delete-marker']).toBe('true');
      const unmarked = await f.s3.send(
        new DeleteObjectCommand({ Bucket: 'kd-versioned', Key: 'dm', VersionId: marker.VersionId }),
      );
      expect([unmarked.DeleteMarker, unmarked.VersionId]).toEqual([true, marker.VersionId]);
      const version = await f.s3.send(
        new DeleteObjectCommand({ Bucket: 'kd-versioned', Key: 'dm', VersionId }),
      );
      expect([version.DeleteMarker, version.VersionId]).toEqual([undefined, VersionId]);
      const missing = await errorOf(
        f.s3.send(new GetObjectCommand({ Bucket: 'kd-versioned', Key: 'dm', VersionId })),
      );
      expect(missing.$response?.headers['x-amz-delete-marker']).toBeUndefined();

      await put('kd-plain', 'dm');
      expect(
        (await f.s3.send(new DeleteObjectCommand({ Bucket: 'kd-plain', Key: 'dm' }))).DeleteMarker,
      ).toBeUndefined();
      const plainGone = await errorOf(f.s3.send(new HeadObjectCommand({ Bucket: 'kd-plain', Key: 'dm' })));
      expect(plainGone.$response?.headers['x-amz-delete-marker']).toBeUndefined();
    });
  });

  describe('conditional DeleteObject on a general purpose bucket', () => {
    const refusal = async (input: Omit<DeleteObjectCommandInput, 'Bucket'>, Bucket = 'kd-plain') => {
      const err = (await errorOf(f.s3.send(new DeleteObjectCommand({ Bucket, ...input })))) as Awaited<
        ReturnType<typeof errorOf>
      > & { Header?: string };
      // S3 refuses before deleting anything.
      expect(await bodyText(f.s3, Bucket, input.Key as string)).toBe('hello\n');
      return [err.$metadata.httpStatusCode, err.name, err.message, err.Header];
    };
    const notImplemented = (header: string) => [
      501,
      'NotImplemented',
      'A header you provided implies functionality that is not implemented',
      header,
    ];

    it('refuses the directory-bucket-only x-amz-if-match-size and -last-modified-time with 501 NotImplemented', async () => {
      await put('kd-plain', 'c');
      expect(await refusal({ Key: 'c', IfMatchSize: 6 })).toEqual(notImplemented('x-amz-if-match-size'));
      expect(await refusal({ Key: 'c', IfMatchLastModifiedTime: new Date('2015-01-01T00:00:00Z') })).toEqual(
        notImplemented('x-amz-if-match-last-modified-time'),
      );
      expect(
        await refusal({ Key: 'c', IfMatch: '"bad"', IfMatchSize: 10, IfMatchLastModifiedTime: new Date() }),
      ).toEqual(notImplemented('x-amz-if-match-last-modified-time'));
    });

    it('refuses If-Match beside a versionId (conditions apply to the current version only), even a matching one', async () => {
      const { VersionId, ETag } = await put('kd-versioned', 'v');
      expect(await refusal({ Key: 'v', VersionId, IfMatch: ETag }, 'kd-versioned')).toEqual(
        notImplemented('If-Match'),
      );
    });

    it('answers a stale If-Match 412 PreconditionFailed and keeps the object', async () => {
      await put('kd-plain', 'p');
      const [status, code] = await refusal({ Key: 'p', IfMatch: '"ffffffffffffffffffffffffffffffff"' });
      expect([status, code]).toEqual([412, 'PreconditionFailed']);
    });
  });
});
