import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

// Behaviour an independent S3 client test suite expects of S3 (issue 13).

let fixture: LocalAwsFixture;
let s3: S3Client;

beforeAll(async () => {
  fixture = await startFixture();
  ({ s3 } = fixture);
});
afterAll(() => fixture.close());

const keysOf = async (bucket: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key);

describe('DeleteObjects keys are exact bytes', () => {
  it('deletes "_ " and not "_", and reports " " as " "', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'spaces' }));
    for (const Key of ['_', '_ ', ' '])
      await s3.send(new PutObjectCommand({ Bucket: 'spaces', Key, Body: Key }));
    const one = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'spaces', Delete: { Objects: [{ Key: '_ ' }] } }),
    );
    expect(one.Deleted?.map((d) => d.Key)).toEqual(['_ ']);
    expect(await keysOf('spaces')).toEqual([' ', '_']);
    const blank = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'spaces', Delete: { Objects: [{ Key: ' ' }] } }),
    );
    expect(blank.Deleted?.map((d) => d.Key)).toEqual([' ']);
    expect(await keysOf('spaces')).toEqual(['_']);
  });
});

describe('ListObjectVersions after the marker version is deleted', () => {
  it('lists a page, deletes it, and lists the next from the marker position', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'paging' }));
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: 'paging', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const ids: Record<string, string[]> = {};
    for (const Key of ['a', 'a', 'a', 'b', 'b', 'c']) {
      const put = await s3.send(new PutObjectCommand({ Bucket: 'paging', Key, Body: Key }));
      ids[Key] = [put.VersionId as string, ...(ids[Key] ?? [])]; // newest first
    }
    const seen: string[] = [];
    let page = await s3.send(new ListObjectVersionsCommand({ Bucket: 'paging', MaxKeys: 2 }));
    for (;;) {
      const versions = page.Versions ?? [];
      seen.push(...versions.map((v) => `${v.Key}:${v.VersionId}`));
      for (const v of versions) {
        await s3.send(new DeleteObjectCommand({ Bucket: 'paging', Key: v.Key, VersionId: v.VersionId }));
      }
      if (!page.IsTruncated) break;
      page = await s3.send(
        new ListObjectVersionsCommand({
          Bucket: 'paging',
          MaxKeys: 2,
          KeyMarker: page.NextKeyMarker,
          VersionIdMarker: page.NextVersionIdMarker,
        }),
      );
    }
    const expected = ['a', 'b', 'c'].flatMap((k) => (ids[k] ?? []).map((id) => `${k}:${id}`));
    expect(seen).toEqual(expected);
    expect((await s3.send(new ListObjectVersionsCommand({ Bucket: 'paging' }))).Versions).toBeUndefined();
  });
});

describe('DeleteBucket', () => {
  it('deletes a bucket holding only unfinished multipart uploads, and the uploads with it', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads-only' }));
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'uploads-only', Key: 'big' }),
    );
    await s3.send(
      new UploadPartCommand({ Bucket: 'uploads-only', Key: 'big', UploadId, PartNumber: 1, Body: 'part' }),
    );
    await s3.send(new DeleteBucketCommand({ Bucket: 'uploads-only' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads-only' }));
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: 'uploads-only' }));
    expect(uploads.Uploads).toBeUndefined();
    const gone = await errorOf(
      s3.send(
        new UploadPartCommand({ Bucket: 'uploads-only', Key: 'big', UploadId, PartNumber: 2, Body: 'x' }),
      ),
    );
    expect(gone.name).toBe('NoSuchUpload');
  });

  it('still refuses a bucket that holds only a delete marker', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'marker-only' }));
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: 'marker-only',
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    await s3.send(new DeleteObjectCommand({ Bucket: 'marker-only', Key: 'k' }));
    await s3.send(new CreateMultipartUploadCommand({ Bucket: 'marker-only', Key: 'k' }));
    const refused = await errorOf(s3.send(new DeleteBucketCommand({ Bucket: 'marker-only' })));
    expect(refused.name).toBe('BucketNotEmpty');
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: 'marker-only' }))).Uploads).toHaveLength(
      1,
    );
  });
});
