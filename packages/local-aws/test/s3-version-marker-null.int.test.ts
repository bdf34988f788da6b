import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
} from '@aws-sdk/client-s3';
import { putObjects } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { useFixture } from './support/local-aws-fixture.js';

// Issue 24 §3: "list a page, delete it, list the next" keeps the place of a deleted null version.

const fx = useFixture({}, async ({ s3 }) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'vm-plain' }));
  await putObjects(s3, 'vm-plain', { a: 'a', b: 'b', c: 'c' });
  await s3.send(new CreateBucketCommand({ Bucket: 'vm-suspended' }));
  await putObjects(s3, 'vm-suspended', { a: 'null a' });
  await s3.send(
    new PutBucketVersioningCommand({
      Bucket: 'vm-suspended',
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  await putObjects(s3, 'vm-suspended', { a: 'a v2', b: 'b v1' });
  await s3.send(
    new PutBucketVersioningCommand({
      Bucket: 'vm-suspended',
      VersioningConfiguration: { Status: 'Suspended' },
    }),
  );
});

async function drain(Bucket: string): Promise<string[]> {
  const seen: string[] = [];
  let markers: { KeyMarker?: string; VersionIdMarker?: string } = {};
  for (;;) {
    const page = await fx.s3.send(new ListObjectVersionsCommand({ Bucket, MaxKeys: 1, ...markers }));
    for (const v of page.Versions ?? []) {
      seen.push(`${v.Key}@${v.VersionId === 'null' ? 'null' : 'id'}`);
      await fx.s3.send(new DeleteObjectCommand({ Bucket, Key: v.Key, VersionId: v.VersionId }));
    }
    if (!page.IsTruncated) return seen;
    markers = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
  }
}

describe('ListObjectVersions with version-id-marker=null after the null version was deleted', () => {
  it('goes on from its place in an unversioned bucket', async () => {
    expect(await drain('vm-plain')).toEqual(['a@null', 'b@null', 'c@null']);
  });

  it('goes on from its place in a suspended bucket', async () => {
    expect(await drain('vm-suspended')).toEqual(['a@id', 'a@null', 'b@id']);
    expect(
      (await fx.s3.send(new ListObjectVersionsCommand({ Bucket: 'vm-suspended' }))).Versions,
    ).toBeUndefined();
  });
});
