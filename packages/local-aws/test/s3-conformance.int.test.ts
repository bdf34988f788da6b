import { crc32 } from 'node:zlib';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteBucketOwnershipControlsCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketAclCommand,
  GetBucketOwnershipControlsCommand,
  GetObjectAclCommand,
  GetObjectAttributesCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  GetObjectRetentionCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketAclCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketVersioningCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { putObjects } from '@batchops/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, useFixture } from './support/local-aws-fixture.js';
import { errorCode, send, sign, signedChunks, signedRequest } from './support/signed-http.js';

// Behaviour an independent S3 client test suite expects of S3 (issue 13).

const fixture = useFixture();

const keysOf = async (bucket: string) =>
  ((await fixture.s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key);

describe('DeleteObjects keys are exact bytes', () => {
  it('deletes "_ " and not "_", and reports " " as " "', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'spaces' }));
    for (const Key of ['_', '_ ', ' '])
      await fixture.s3.send(new PutObjectCommand({ Bucket: 'spaces', Key, Body: Key }));
    const one = await fixture.s3.send(
      new DeleteObjectsCommand({ Bucket: 'spaces', Delete: { Objects: [{ Key: '_ ' }] } }),
    );
    expect(one.Deleted?.map((d) => d.Key)).toEqual(['_ ']);
    expect(await keysOf('spaces')).toEqual([' ', '_']);
    const blank = await fixture.s3.send(
      new DeleteObjectsCommand({ Bucket: 'spaces', Delete: { Objects: [{ Key: ' ' }] } }),
    );
    expect(blank.Deleted?.map((d) => d.Key)).toEqual([' ']);
    expect(await keysOf('spaces')).toEqual(['_']);
  });
});

describe('ListObjectVersions after the marker version is deleted', () => {
  it('lists a page, deletes it, and lists the next from the marker position', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'paging' }));
    await fixture.s3.send(
      new PutBucketVersioningCommand({ Bucket: 'paging', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const ids: Record<string, string[]> = {};
    for (const Key of ['a', 'a', 'a', 'b', 'b', 'c']) {
      const put = await fixture.s3.send(new PutObjectCommand({ Bucket: 'paging', Key, Body: Key }));
      ids[Key] = [put.VersionId as string, ...(ids[Key] ?? [])]; // newest first
    }
    const seen: string[] = [];
    let page = await fixture.s3.send(new ListObjectVersionsCommand({ Bucket: 'paging', MaxKeys: 2 }));
    for (;;) {
      const versions = page.Versions ?? [];
      seen.push(...versions.map((v) => `${v.Key}:${v.VersionId}`));
      for (const v of versions) {
        await fixture.s3.send(
          new DeleteObjectCommand({ Bucket: 'paging', Key: v.Key, VersionId: v.VersionId }),
        );
      }
      if (!page.IsTruncated) break;
      page = await fixture.s3.send(
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
    expect(
      (await fixture.s3.send(new ListObjectVersionsCommand({ Bucket: 'paging' }))).Versions,
    ).toBeUndefined();
  });
});

describe('DeleteBucket', () => {
  it('deletes a bucket holding only unfinished multipart uploads, and the uploads with it', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'uploads-only' }));
    const { UploadId } = await fixture.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'uploads-only', Key: 'big' }),
    );
    await fixture.s3.send(
      new UploadPartCommand({ Bucket: 'uploads-only', Key: 'big', UploadId, PartNumber: 1, Body: 'part' }),
    );
    await fixture.s3.send(new DeleteBucketCommand({ Bucket: 'uploads-only' }));
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'uploads-only' }));
    const uploads = await fixture.s3.send(new ListMultipartUploadsCommand({ Bucket: 'uploads-only' }));
    expect(uploads.Uploads).toBeUndefined();
    const gone = await errorOf(
      fixture.s3.send(
        new UploadPartCommand({ Bucket: 'uploads-only', Key: 'big', UploadId, PartNumber: 2, Body: 'x' }),
      ),
    );
    expect(gone.name).toBe('NoSuchUpload');
  });

  it('still refuses a bucket that holds only a delete marker', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'marker-only' }));
    await fixture.s3.send(
      new PutBucketVersioningCommand({
        Bucket: 'marker-only',
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    await fixture.s3.send(new DeleteObjectCommand({ Bucket: 'marker-only', Key: 'k' }));
    await fixture.s3.send(new CreateMultipartUploadCommand({ Bucket: 'marker-only', Key: 'k' }));
    const refused = await errorOf(fixture.s3.send(new DeleteBucketCommand({ Bucket: 'marker-only' })));
    expect(refused.name).toBe('BucketNotEmpty');
    expect(
      (await fixture.s3.send(new ListMultipartUploadsCommand({ Bucket: 'marker-only' }))).Uploads,
    ).toHaveLength(1);
  });
});

describe('CompleteMultipartUpload', () => {
  const bucket = 'complete';
  const crc32Base64 = (s: string) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(crc32(s));
    return b.toString('base64');
  };
  /** An upload of one part holding `body`; returns what Complete needs. */
  async function upload(
    Key: string,
    body: string,
    checksum?: { ChecksumAlgorithm: 'CRC32'; ChecksumType: 'FULL_OBJECT' | 'COMPOSITE' },
  ) {
    const { UploadId } = await fixture.s3.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key, ...checksum }),
    );
    const part = await fixture.s3.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key,
        UploadId,
        PartNumber: 1,
        Body: body,
        ...(checksum ? { ChecksumAlgorithm: 'CRC32' } : {}),
      }),
    );
    const Parts = [{ PartNumber: 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 }];
    return { Bucket: bucket, Key, UploadId, MultipartUpload: { Parts } };
  }

  beforeAll(async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('answers a retry after success with the same result', async () => {
    const input = await upload('retried', 'retried body');
    const first = await fixture.s3.send(new CompleteMultipartUploadCommand(input));
    const again = await fixture.s3.send(new CompleteMultipartUploadCommand(input));
    expect(again.ETag).toBe(first.ETag);
    expect(again.Location).toBe(first.Location);
    expect(again.Key).toBe('retried');
    const otherParts = await errorOf(
      fixture.s3.send(
        new CompleteMultipartUploadCommand({
          ...input,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }] },
        }),
      ),
    );
    expect(otherParts.name).toBe('NoSuchUpload');
    expect(
      (await fixture.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'retried' }))).Uploads,
    ).toBeUndefined();
  });

  it('honours If-None-Match: * and If-Match', async () => {
    const existing = await fixture.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'cond', Body: 'there' }),
    );
    const input = await upload('cond', 'new body');
    const exists = await errorOf(
      fixture.s3.send(new CompleteMultipartUploadCommand({ ...input, IfNoneMatch: '*' })),
    );
    expect(exists.name).toBe('PreconditionFailed');
    expect(exists.$metadata.httpStatusCode).toBe(412);
    const stale = await errorOf(
      fixture.s3.send(
        new CompleteMultipartUploadCommand({ ...input, IfMatch: '"0123456789abcdef0123456789abcdef"' }),
      ),
    );
    expect(stale.name).toBe('PreconditionFailed');
    expect((await fixture.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'cond' }))).ETag).toBe(
      existing.ETag,
    );
    const done = await fixture.s3.send(
      new CompleteMultipartUploadCommand({ ...input, IfMatch: existing.ETag }),
    );
    expect((await fixture.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'cond' }))).ETag).toBe(
      done.ETag,
    );
    const fresh = await upload('cond-new', 'first');
    await fixture.s3.send(new CompleteMultipartUploadCommand({ ...fresh, IfNoneMatch: '*' }));
  });

  it('refuses a wrong full-object checksum and accepts the right one', async () => {
    const input = await upload('full', 'full object body', {
      ChecksumAlgorithm: 'CRC32',
      ChecksumType: 'FULL_OBJECT',
    });
    const bad = await errorOf(
      fixture.s3.send(
        new CompleteMultipartUploadCommand({
          ...input,
          ChecksumCRC32: crc32Base64('other'),
          ChecksumType: 'FULL_OBJECT',
        }),
      ),
    );
    expect(bad.name).toBe('BadDigest');
    expect(bad.$metadata.httpStatusCode).toBe(400);
    const wrongType = await errorOf(
      fixture.s3.send(
        new CompleteMultipartUploadCommand({
          ...input,
          ChecksumCRC32: crc32Base64('full object body'),
          ChecksumType: 'COMPOSITE',
        }),
      ),
    );
    expect(wrongType.name).toBe('BadDigest');
    const unknownType = await errorOf(
      fixture.s3.send(new CompleteMultipartUploadCommand({ ...input, ChecksumType: 'BOGUS' as 'COMPOSITE' })),
    );
    expect(unknownType.name).toBe('InvalidArgument');
    const good = await fixture.s3.send(
      new CompleteMultipartUploadCommand({
        ...input,
        ChecksumCRC32: crc32Base64('full object body'),
        ChecksumType: 'FULL_OBJECT',
      }),
    );
    expect(good.ChecksumCRC32).toBe(crc32Base64('full object body'));
  });

  it('refuses a wrong composite checksum and one of another algorithm', async () => {
    const input = await upload('composite', 'composite body', {
      ChecksumAlgorithm: 'CRC32',
      ChecksumType: 'COMPOSITE',
    });
    const bad = await errorOf(
      fixture.s3.send(
        new CompleteMultipartUploadCommand({ ...input, ChecksumCRC32: `${crc32Base64('x')}-1` }),
      ),
    );
    expect(bad.name).toBe('BadDigest');
    const otherAlgorithm = await errorOf(
      fixture.s3.send(new CompleteMultipartUploadCommand({ ...input, ChecksumSHA256: 'AAAA' })),
    );
    expect(otherAlgorithm.name).toBe('InvalidRequest');
    const partCrc = Buffer.alloc(4);
    partCrc.writeUInt32BE(crc32('composite body'));
    const composite = `${crc32Base64(partCrc.toString('latin1'))}-1`;
    const good = await fixture.s3.send(
      new CompleteMultipartUploadCommand({ ...input, ChecksumCRC32: composite }),
    );
    expect(good.ChecksumCRC32).toBe(composite);
  });
});

describe('sub-resources local-aws does not implement', () => {
  // Every one once answered as another operation would (PUT ?policy created the bucket, GET ?torrent
  // returned the object): now each is 501 NotImplemented and changes nothing.
  const unimplemented: Array<[method: string, path: string, sub: string]> = [
    ['PUT', '/unimpl', 'cors'],
    ['PUT', '/unimpl', 'lifecycle'],
    ['PUT', '/unimpl', 'encryption'],
    ['GET', '/unimpl', 'website'],
    ['PUT', '/unimpl', 'website'],
    ['DELETE', '/unimpl', 'website'],
    ['GET', '/unimpl', 'notification'],
    ['PUT', '/unimpl', 'notification'],
    ['GET', '/unimpl', 'analytics'],
    ['DELETE', '/unimpl', 'analytics'],
    ['GET', '/unimpl', 'metrics'],
    ['PUT', '/unimpl', 'intelligent-tiering'],
    ['GET', '/unimpl', 'accelerate'],
    ['PUT', '/unimpl', 'requestPayment'],
    ['GET', '/unimpl', 'logging'],
    ['DELETE', '/unimpl', 'metadataTable'],
    ['GET', '/unimpl/obj', 'torrent'],
    ['POST', '/unimpl/obj', 'select'],
    ['HEAD', '/unimpl/obj', 'torrent'],
    ['PUT', '/unimpl/obj', 'renameObject'],
    ['DELETE', '/unimpl/obj', 'annotation'],
  ];

  beforeAll(async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'unimpl' }));
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'unimpl', Key: 'obj', Body: 'object body' }));
  });

  it.each(unimplemented)('%s %s?%s is 501 NotImplemented', async (method, path, sub) => {
    const r = await signedRequest(fixture.aws.url, { method, path, query: { [sub]: '' }, body: '' });
    expect(r.status).toBe(501);
    if (method !== 'HEAD') {
      expect(errorCode(r.body)).toBe('NotImplemented');
      expect(r.body).not.toContain('object body');
    }
    // Nothing happened to the bucket or the object.
    expect(
      (await fixture.s3.send(new GetObjectCommand({ Bucket: 'unimpl', Key: 'obj' }))).ContentLength,
    ).toBe(11);
  });

  it('does not create a bucket for PUT ?policy', async () => {
    const r = await signedRequest(fixture.aws.url, {
      method: 'PUT',
      path: '/no-such-bucket',
      query: { policy: '' },
      body: '{"Version":"2012-10-17","Statement":[]}',
    });
    // PutBucketPolicy of a bucket that does not exist (decision 0032).
    expect(r.status).toBe(404);
    expect(errorCode(r.body)).toBe('NoSuchBucket');
    expect((await errorOf(fixture.s3.send(new HeadBucketCommand({ Bucket: 'no-such-bucket' })))).name).toBe(
      'NotFound',
    );
  });
});

describe('GetObjectAttributes', () => {
  beforeAll(async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'attributes' }));
  });

  it('answers the attributes asked for, of a single-part object', async () => {
    const put = await fixture.s3.send(
      new PutObjectCommand({
        Bucket: 'attributes',
        Key: 'single',
        Body: 'twelve bytes',
        ChecksumAlgorithm: 'SHA256',
        StorageClass: 'STANDARD_IA',
      }),
    );
    const all = await fixture.s3.send(
      new GetObjectAttributesCommand({
        Bucket: 'attributes',
        Key: 'single',
        ObjectAttributes: ['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize'],
      }),
    );
    expect(all.ETag).toBe(put.ETag?.replace(/"/g, ''));
    expect(all.Checksum?.ChecksumSHA256).toBe(put.ChecksumSHA256);
    expect(all.Checksum?.ChecksumType).toBe('FULL_OBJECT');
    expect(all.StorageClass).toBe('STANDARD_IA');
    expect(all.ObjectSize).toBe(12);
    expect(all.ObjectParts).toBeUndefined();
    expect(all.LastModified).toBeInstanceOf(Date);
    const some = await fixture.s3.send(
      new GetObjectAttributesCommand({
        Bucket: 'attributes',
        Key: 'single',
        ObjectAttributes: ['ObjectSize'],
      }),
    );
    expect(some.ObjectSize).toBe(12);
    expect(some.ETag).toBeUndefined();
    expect(some.Checksum).toBeUndefined();
    const missing = await errorOf(
      fixture.s3.send(
        new GetObjectAttributesCommand({ Bucket: 'attributes', Key: 'nope', ObjectAttributes: ['ETag'] }),
      ),
    );
    expect(missing.name).toBe('NoSuchKey');
  });

  it('pages the parts of a multipart object', async () => {
    const Key = 'parts';
    const { UploadId } = await fixture.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'attributes', Key, ChecksumAlgorithm: 'CRC32' }),
    );
    const bodies = [Buffer.alloc(5 * 1024 * 1024, 1), Buffer.from('tail')];
    const Parts = [];
    for (const [i, Body] of bodies.entries()) {
      const part = await fixture.s3.send(
        new UploadPartCommand({
          Bucket: 'attributes',
          Key,
          UploadId,
          PartNumber: i + 1,
          Body,
          ChecksumAlgorithm: 'CRC32',
        }),
      );
      Parts.push({ PartNumber: i + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
    }
    await fixture.s3.send(
      new CompleteMultipartUploadCommand({ Bucket: 'attributes', Key, UploadId, MultipartUpload: { Parts } }),
    );
    const first = await fixture.s3.send(
      new GetObjectAttributesCommand({
        Bucket: 'attributes',
        Key,
        ObjectAttributes: ['ObjectParts'],
        MaxParts: 1,
      }),
    );
    expect(first.ObjectParts?.TotalPartsCount).toBe(2);
    expect(first.ObjectParts?.IsTruncated).toBe(true);
    expect(first.ObjectParts?.NextPartNumberMarker).toBe('1');
    expect(first.ObjectParts?.Parts).toEqual([
      { PartNumber: 1, Size: 5 * 1024 * 1024, ChecksumCRC32: Parts[0]?.ChecksumCRC32 },
    ]);
    const next = await fixture.s3.send(
      new GetObjectAttributesCommand({
        Bucket: 'attributes',
        Key,
        ObjectAttributes: ['ObjectParts'],
        PartNumberMarker: '1',
      }),
    );
    expect(next.ObjectParts?.IsTruncated).toBe(false);
    expect(next.ObjectParts?.Parts).toEqual([
      { PartNumber: 2, Size: 4, ChecksumCRC32: Parts[1]?.ChecksumCRC32 },
    ]);
  });
});

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const grantsOf = (acl: {
  Grants?: Array<{ Grantee?: { URI?: string; ID?: string }; Permission?: string }>;
}) => (acl.Grants ?? []).map((g) => `${g.Grantee?.URI ?? g.Grantee?.ID}:${g.Permission}`);

describe('bucket ACLs', () => {
  it('puts and gets canned and granted ACLs, and CreateBucket takes one', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'bucket-acl' }));
    const initial = await fixture.s3.send(new GetBucketAclCommand({ Bucket: 'bucket-acl' }));
    const ownerId = initial.Owner?.ID as string;
    expect(grantsOf(initial)).toEqual([`${ownerId}:FULL_CONTROL`]);
    await fixture.s3.send(new PutBucketAclCommand({ Bucket: 'bucket-acl', ACL: 'public-read' }));
    expect(grantsOf(await fixture.s3.send(new GetBucketAclCommand({ Bucket: 'bucket-acl' })))).toEqual([
      `${ownerId}:FULL_CONTROL`,
      `${ALL_USERS}:READ`,
    ]);
    await fixture.s3.send(
      new PutBucketAclCommand({ Bucket: 'bucket-acl', GrantWrite: `uri="${ALL_USERS}"` }),
    );
    expect(grantsOf(await fixture.s3.send(new GetBucketAclCommand({ Bucket: 'bucket-acl' })))).toEqual([
      `${ALL_USERS}:WRITE`,
    ]);
    await fixture.s3.send(
      new PutBucketAclCommand({
        Bucket: 'bucket-acl',
        AccessControlPolicy: {
          Owner: { ID: ownerId },
          Grants: [
            { Grantee: { Type: 'CanonicalUser', ID: ownerId }, Permission: 'FULL_CONTROL' },
            { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ_ACP' },
          ],
        },
      }),
    );
    expect(grantsOf(await fixture.s3.send(new GetBucketAclCommand({ Bucket: 'bucket-acl' })))).toEqual([
      `${ownerId}:FULL_CONTROL`,
      `${ALL_USERS}:READ_ACP`,
    ]);
    await fixture.s3.send(
      new CreateBucketCommand({ Bucket: 'bucket-acl-created', ACL: 'public-read-write' }),
    );
    expect(
      grantsOf(await fixture.s3.send(new GetBucketAclCommand({ Bucket: 'bucket-acl-created' }))),
    ).toEqual([`${ownerId}:FULL_CONTROL`, `${ALL_USERS}:READ`, `${ALL_USERS}:WRITE`]);
    const bad = await errorOf(
      fixture.s3.send(new PutBucketAclCommand({ Bucket: 'bucket-acl', ACL: 'nonsense' as 'private' })),
    );
    expect(bad.name).toBe('InvalidArgument');
  });
});

describe('bucket ownership controls', () => {
  it('puts, gets and deletes them; BucketOwnerEnforced disables ACLs', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'owned' }));
    const none = await errorOf(fixture.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'owned' })));
    expect(none.name).toBe('OwnershipControlsNotFoundError');
    expect(none.$metadata.httpStatusCode).toBe(404);
    await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'owned', Key: 'before', Body: 'x', ACL: 'public-read' }),
    );
    await fixture.s3.send(
      new PutBucketOwnershipControlsCommand({
        Bucket: 'owned',
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      }),
    );
    const got = await fixture.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'owned' }));
    expect(got.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);

    const refused = [
      // Thunks: each call starts only when the loop awaits it.
      () =>
        fixture.s3.send(new PutObjectCommand({ Bucket: 'owned', Key: 'k', Body: 'x', ACL: 'public-read' })),
      () =>
        fixture.s3.send(
          new PutObjectCommand({ Bucket: 'owned', Key: 'k', Body: 'x', GrantRead: `uri="${ALL_USERS}"` }),
        ),
      () => fixture.s3.send(new PutObjectAclCommand({ Bucket: 'owned', Key: 'before', ACL: 'private' })),
      () => fixture.s3.send(new PutBucketAclCommand({ Bucket: 'owned', ACL: 'public-read' })),
      () =>
        fixture.s3.send(
          new CreateMultipartUploadCommand({ Bucket: 'owned', Key: 'k', ACL: 'authenticated-read' }),
        ),
    ];
    for (const call of refused) {
      const e = await errorOf(call());
      expect(e.name).toBe('AccessControlListNotSupported');
      expect(e.$metadata.httpStatusCode).toBe(400);
    }
    await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'owned', Key: 'k', Body: 'x', ACL: 'bucket-owner-full-control' }),
    );
    // ACLs no longer count: the object's public-read grant is not shown.
    const objectAcl = await fixture.s3.send(new GetObjectAclCommand({ Bucket: 'owned', Key: 'before' }));
    expect(grantsOf(objectAcl)).toEqual([`${objectAcl.Owner?.ID}:FULL_CONTROL`]);

    await fixture.s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket: 'owned' }));
    expect(
      (await errorOf(fixture.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'owned' })))).name,
    ).toBe('OwnershipControlsNotFoundError');
    await fixture.s3.send(new PutObjectAclCommand({ Bucket: 'owned', Key: 'before', ACL: 'private' }));
  });

  it('refuses an unknown ObjectOwnership and takes one from CreateBucket', async () => {
    const bad = await errorOf(
      fixture.s3.send(
        new PutBucketOwnershipControlsCommand({
          Bucket: 'owned',
          OwnershipControls: { Rules: [{ ObjectOwnership: 'Nobody' as 'ObjectWriter' }] },
        }),
      ),
    );
    expect(bad.name).toBe('MalformedXML');
    const aclOnEnforced = await errorOf(
      fixture.s3.send(
        new CreateBucketCommand({
          Bucket: 'owned-acl',
          ObjectOwnership: 'BucketOwnerEnforced',
          ACL: 'public-read',
        }),
      ),
    );
    expect(aclOnEnforced.name).toBe('InvalidBucketAclWithObjectOwnership');
    expect((await errorOf(fixture.s3.send(new HeadBucketCommand({ Bucket: 'owned-acl' })))).name).toBe(
      'NotFound',
    );
    await fixture.s3.send(
      new CreateBucketCommand({ Bucket: 'owned-preferred', ObjectOwnership: 'BucketOwnerPreferred' }),
    );
    const got = await fixture.s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'owned-preferred' }));
    expect(got.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerPreferred' }]);
  });
});

describe('bucket names', () => {
  it.each([
    'foo.-bar',
    'foo-.bar',
    'foo..bar',
    'xn--bucket',
    'sthree-bucket',
    'amzn-s3-demo-bucket',
    'bucket-s3alias',
    'bucket--ol-s3',
    'bucket.mrap',
    'bucket--x-s3',
    'bucket--table-s3',
  ])('refuses %s with InvalidBucketName', async (name) => {
    const r = await signedRequest(fixture.aws.url, { method: 'PUT', path: `/${name}`, body: '' });
    expect(r.status).toBe(400);
    expect(errorCode(r.body)).toBe('InvalidBucketName');
  });

  it('accepts dots and hyphens inside labels', async () => {
    const r = await signedRequest(fixture.aws.url, {
      method: 'PUT',
      path: '/my-bucket.with-dots.2',
      body: '',
    });
    expect(r.status).toBe(200);
  });
});

describe('ListBuckets pagination', () => {
  it('pages with max-buckets and continuation-token, and filters by prefix and region', async () => {
    for (const Bucket of ['page-c', 'page-a', 'page-b'])
      await fixture.s3.send(new CreateBucketCommand({ Bucket }));
    await fixture.s3.send(
      new CreateBucketCommand({
        Bucket: 'page-eu',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    const first = await fixture.s3.send(new ListBucketsCommand({ Prefix: 'page-', MaxBuckets: 2 }));
    expect(first.Buckets?.map((b) => b.Name)).toEqual(['page-a', 'page-b']);
    expect(first.Prefix).toBe('page-');
    expect(first.ContinuationToken).toBeTruthy();
    const second = await fixture.s3.send(
      new ListBucketsCommand({ Prefix: 'page-', MaxBuckets: 2, ContinuationToken: first.ContinuationToken }),
    );
    expect(second.Buckets?.map((b) => b.Name)).toEqual(['page-c', 'page-eu']);
    expect(second.ContinuationToken).toBeUndefined();
    const eu = await fixture.s3.send(new ListBucketsCommand({ Prefix: 'page-', BucketRegion: 'eu-west-1' }));
    expect(eu.Buckets?.map((b) => b.Name)).toEqual(['page-eu']);
    const bad = await errorOf(fixture.s3.send(new ListBucketsCommand({ MaxBuckets: 0 })));
    expect(bad.name).toBe('InvalidArgument');
    const badToken = await errorOf(fixture.s3.send(new ListBucketsCommand({ ContinuationToken: '%%%' })));
    expect(badToken.name).toBe('InvalidArgument');
  });
});

describe('Object Lock on an existing bucket', () => {
  it('enables Object Lock on a versioned bucket, and refuses it on an unversioned one', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'lock-later' }));
    const unversioned = await errorOf(
      fixture.s3.send(
        new PutObjectLockConfigurationCommand({
          Bucket: 'lock-later',
          ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' },
        }),
      ),
    );
    expect(unversioned.name).toBe('InvalidBucketState');
    await fixture.s3.send(
      new PutBucketVersioningCommand({
        Bucket: 'lock-later',
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    await fixture.s3.send(
      new PutObjectLockConfigurationCommand({
        Bucket: 'lock-later',
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } },
        },
      }),
    );
    const config = await fixture.s3.send(new GetObjectLockConfigurationCommand({ Bucket: 'lock-later' }));
    expect(config.ObjectLockConfiguration?.Rule?.DefaultRetention).toEqual({ Mode: 'GOVERNANCE', Days: 1 });
    const put = await fixture.s3.send(
      new PutObjectCommand({
        Bucket: 'lock-later',
        Key: 'k',
        Body: 'x',
      }),
    );
    const retention = await fixture.s3.send(
      new GetObjectRetentionCommand({ Bucket: 'lock-later', Key: 'k', VersionId: put.VersionId }),
    );
    expect(retention.Retention?.Mode).toBe('GOVERNANCE');
    const suspend = await errorOf(
      fixture.s3.send(
        new PutBucketVersioningCommand({
          Bucket: 'lock-later',
          VersioningConfiguration: { Status: 'Suspended' },
        }),
      ),
    );
    expect(suspend.name).toBe('InvalidBucketState');
  });
});

describe('retention changes', () => {
  it('refuses GOVERNANCE to COMPLIANCE or a shorter date without bypass, and allows them with it', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'retention', ObjectLockEnabledForBucket: true }));
    const put = await fixture.s3.send(
      new PutObjectCommand({
        Bucket: 'retention',
        Key: 'k',
        Body: 'x',
      }),
    );
    // One clock reading: a second boundary crossed mid-test must not move the dates compared below.
    const now = Math.floor(Date.now() / 1000) * 1000;
    const at = (days: number) => new Date(now + days * 86_400_000);
    const retain = (Mode: 'GOVERNANCE' | 'COMPLIANCE', days: number, BypassGovernanceRetention?: boolean) =>
      fixture.s3.send(
        new PutObjectRetentionCommand({
          Bucket: 'retention',
          Key: 'k',
          VersionId: put.VersionId,
          Retention: { Mode, RetainUntilDate: at(days) },
          BypassGovernanceRetention,
        }),
      );
    await retain('GOVERNANCE', 10);
    await retain('GOVERNANCE', 20); // extending needs no bypass
    expect((await errorOf(retain('COMPLIANCE', 30))).name).toBe('AccessDenied');
    expect((await errorOf(retain('GOVERNANCE', 5))).name).toBe('AccessDenied');
    const kept = await fixture.s3.send(
      new GetObjectRetentionCommand({ Bucket: 'retention', Key: 'k', VersionId: put.VersionId }),
    );
    expect(kept.Retention?.Mode).toBe('GOVERNANCE');
    expect(kept.Retention?.RetainUntilDate?.getTime()).toBe(at(20).getTime());
    await retain('GOVERNANCE', 5, true);
    await retain('COMPLIANCE', 6, true);
    expect((await errorOf(retain('COMPLIANCE', 3, true))).name).toBe('AccessDenied');
    expect((await errorOf(retain('GOVERNANCE', 7, true))).name).toBe('AccessDenied');
  });
});

describe('conditional deletes', () => {
  beforeAll(async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'cond-delete' }));
  });

  it('DeleteObject with If-Match deletes only the object with that ETag', async () => {
    const put = await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'cond-delete', Key: 'one', Body: 'one' }),
    );
    const stale = await errorOf(
      fixture.s3.send(
        new DeleteObjectCommand({
          Bucket: 'cond-delete',
          Key: 'one',
          IfMatch: '"ffffffffffffffffffffffffffffffff"',
        }),
      ),
    );
    expect(stale.name).toBe('PreconditionFailed');
    expect(stale.$metadata.httpStatusCode).toBe(412);
    expect((await fixture.s3.send(new HeadObjectCommand({ Bucket: 'cond-delete', Key: 'one' }))).ETag).toBe(
      put.ETag,
    );
    await fixture.s3.send(new DeleteObjectCommand({ Bucket: 'cond-delete', Key: 'one', IfMatch: put.ETag }));
    expect(await keysOf('cond-delete')).not.toContain('one');
    const gone = await errorOf(
      fixture.s3.send(new DeleteObjectCommand({ Bucket: 'cond-delete', Key: 'one', IfMatch: '*' })),
    );
    expect(gone.name).toBe('NoSuchKey');
  });

  it('DeleteObjects honours each object ETag', async () => {
    const { a } = await putObjects(fixture.s3, 'cond-delete', { a: 'a', b: 'b' });
    const result = await fixture.s3.send(
      new DeleteObjectsCommand({
        Bucket: 'cond-delete',
        Delete: {
          Objects: [
            { Key: 'a', ETag: a.ETag },
            { Key: 'b', ETag: '"ffffffffffffffffffffffffffffffff"' },
          ],
        },
      }),
    );
    expect(result.Deleted?.map((d) => d.Key)).toEqual(['a']);
    expect(result.Errors?.map((e) => [e.Key, e.Code])).toEqual([['b', 'PreconditionFailed']]);
    expect(await keysOf('cond-delete')).toEqual(['b']);
  });
});

describe('non-ASCII user metadata', () => {
  it('accepts UTF-8 metadata signed by the SDK and returns it RFC 2047-encoded, as S3 does', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'meta-utf8' }));
    await fixture.s3.send(
      new PutObjectCommand({
        Bucket: 'meta-utf8',
        Key: 'k',
        Body: 'x',
        Metadata: { name: 'ünï', plain: 'ascii' },
      }),
    );
    const head = await fixture.s3.send(new HeadObjectCommand({ Bucket: 'meta-utf8', Key: 'k' }));
    expect(head.Metadata).toEqual({
      name: `=?UTF-8?B?${Buffer.from('ünï').toString('base64')}?=`,
      plain: 'ascii',
    });
  });
});

describe('aws-chunked bodies', () => {
  it('are told by x-amz-content-sha256 alone, without Content-Encoding: aws-chunked', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'chunked' }));
    const payload = Buffer.alloc(70_000, 'q');
    const signed = sign(fixture.aws.url, {
      method: 'PUT',
      path: '/chunked/no-encoding.bin',
      payloadHash: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      headers: { 'x-amz-decoded-content-length': String(payload.length) },
    });
    const body = signedChunks(signed, payload, 65_536);
    const put = await send(
      fixture.aws.url,
      'PUT',
      signed.path,
      { ...signed.headers, 'content-length': String(body.length) },
      body,
    );
    expect(put.status).toBe(200);
    const got = await fixture.s3.send(new GetObjectCommand({ Bucket: 'chunked', Key: 'no-encoding.bin' }));
    expect(got.ContentLength).toBe(payload.length);
    expect(got.ContentEncoding).toBeUndefined();
    expect(
      Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()),
    ).toEqual(payload);
  });
});
