import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

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
