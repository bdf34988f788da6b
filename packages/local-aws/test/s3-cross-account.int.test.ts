import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketAclCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketVersioningCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketAclCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { CreateJobCommand } from '@aws-sdk/client-s3-control';
import { s3ClientFor, s3ControlClientFor, waitForJob } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ROLE } from '../src/index.js';
import { errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

// Account A signs with test/test (the fixture's clients), account B with its own keys.
const A = '000000000000';
const B = '111111111111';
const CREDENTIALS = [
  { accessKeyId: 'test', secretAccessKey: 'test', accountId: A },
  { accessKeyId: 'other', secretAccessKey: 'other-secret', accountId: B },
];
const canonical = (account: string) => account.padStart(64, '0');
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

let fx: LocalAwsFixture;
let a: S3Client;
let b: S3Client;

const OTHER_KEYS = { accessKeyId: 'other', secretAccessKey: 'other-secret' };
const clientOf = (url: string) => s3ClientFor(url, OTHER_KEYS);

beforeAll(async () => {
  fx = await startFixture({
    credentials: CREDENTIALS,
    // Account B's jobs run as B's own batchops-test role.
    roles: [{ ...TEST_ROLE, accountId: B }],
    engine: { concurrency: 4, flushMs: 50 },
  });
  a = fx.s3;
  b = clientOf(fx.aws.url);
});
afterAll(async () => {
  b.destroy();
  await fx.close();
});

async function denied(p: Promise<unknown>) {
  const e = await errorOf(p);
  expect(e.$metadata.httpStatusCode).toBe(403);
  return e;
}
const deniedAccess = async (p: Promise<unknown>) => expect((await denied(p)).name).toBe('AccessDenied');
const body = async (client: S3Client, Bucket: string, Key: string) =>
  (await client.send(new GetObjectCommand({ Bucket, Key }))).Body?.transformToString();

describe('bucket ownership', () => {
  it('records the creating account: another account cannot take the name, and lists only its own', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'a-owned' }));
    await b.send(new CreateBucketCommand({ Bucket: 'b-owned' }));
    const taken = await errorOf(b.send(new CreateBucketCommand({ Bucket: 'a-owned' })));
    expect(taken.$metadata.httpStatusCode).toBe(409);
    expect(taken.name).toBe('BucketAlreadyExists');
    // The owner re-creating in us-east-1 still gets S3's legacy 200.
    await a.send(new CreateBucketCommand({ Bucket: 'a-owned' }));

    const listA = await a.send(new ListBucketsCommand({}));
    const listB = await b.send(new ListBucketsCommand({}));
    expect(listA.Buckets?.map((x) => x.Name)).toContain('a-owned');
    expect(listA.Buckets?.map((x) => x.Name)).not.toContain('b-owned');
    expect(listB.Buckets?.map((x) => x.Name)).toEqual(['b-owned']);
    expect(listB.Owner?.ID).toBe(canonical(B));
    const acl = await a.send(new GetBucketAclCommand({ Bucket: 'a-owned' }));
    expect(acl.Owner?.ID).toBe(canonical(A));
  });

  it('refuses every operation of another account on a bucket without a grant (S3 error XML)', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'a-private' }));
    await a.send(new PutObjectCommand({ Bucket: 'a-private', Key: 'k', Body: 'secret' }));
    await deniedAccess(b.send(new ListObjectsV2Command({ Bucket: 'a-private' })));
    await deniedAccess(b.send(new ListObjectVersionsCommand({ Bucket: 'a-private' })));
    await denied(b.send(new HeadBucketCommand({ Bucket: 'a-private' })));
    await deniedAccess(b.send(new PutObjectCommand({ Bucket: 'a-private', Key: 'x', Body: 'x' })));
    await deniedAccess(b.send(new DeleteObjectCommand({ Bucket: 'a-private', Key: 'k' })));
    await deniedAccess(
      b.send(new DeleteObjectsCommand({ Bucket: 'a-private', Delete: { Objects: [{ Key: 'k' }] } })),
    );
    await deniedAccess(b.send(new CreateMultipartUploadCommand({ Bucket: 'a-private', Key: 'm' })));
    await deniedAccess(b.send(new GetObjectCommand({ Bucket: 'a-private', Key: 'k' })));
    await deniedAccess(b.send(new GetBucketVersioningCommand({ Bucket: 'a-private' })));
    await deniedAccess(b.send(new PutBucketTaggingCommand({ Bucket: 'a-private', Tagging: { TagSet: [] } })));
    await deniedAccess(b.send(new GetBucketAclCommand({ Bucket: 'a-private' })));
    await deniedAccess(b.send(new PutBucketAclCommand({ Bucket: 'a-private', ACL: 'public-read' })));
    await deniedAccess(b.send(new GetBucketOwnershipControlsCommand({ Bucket: 'a-private' })));
    await deniedAccess(b.send(new DeleteBucketCommand({ Bucket: 'a-private' })));
    // Nothing changed.
    expect(await body(a, 'a-private', 'k')).toBe('secret');
    await a.send(new HeadBucketCommand({ Bucket: 'a-private' }));
  });
});

describe('bucket ACL grants', () => {
  it('READ lets another account list, WRITE put and delete, READ_ACP/WRITE_ACP the ACL', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'a-granted' }));
    await a.send(new PutObjectCommand({ Bucket: 'a-granted', Key: 'mine', Body: 'a' }));
    await a.send(new PutBucketAclCommand({ Bucket: 'a-granted', GrantRead: `id="${canonical(B)}"` }));
    const listed = await b.send(new ListObjectsV2Command({ Bucket: 'a-granted' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['mine']);
    await b.send(new ListObjectVersionsCommand({ Bucket: 'a-granted' }));
    await b.send(new HeadBucketCommand({ Bucket: 'a-granted' }));
    await deniedAccess(b.send(new PutObjectCommand({ Bucket: 'a-granted', Key: 'x', Body: 'x' })));
    await deniedAccess(b.send(new GetBucketAclCommand({ Bucket: 'a-granted' })));
    // The object is A's and private: listing the bucket does not make it readable.
    await deniedAccess(b.send(new GetObjectCommand({ Bucket: 'a-granted', Key: 'mine' })));
    // A missing key with READ on the bucket is a 404, as on S3.
    expect((await errorOf(b.send(new GetObjectCommand({ Bucket: 'a-granted', Key: 'none' })))).name).toBe(
      'NoSuchKey',
    );

    await a.send(
      new PutBucketAclCommand({
        Bucket: 'a-granted',
        GrantWrite: `id="${canonical(B)}"`,
        GrantReadACP: `id="${canonical(B)}"`,
      }),
    );
    await deniedAccess(b.send(new ListObjectsV2Command({ Bucket: 'a-granted' })));
    await b.send(new PutObjectCommand({ Bucket: 'a-granted', Key: 'theirs', Body: 'b' }));
    const upload = await b.send(new CreateMultipartUploadCommand({ Bucket: 'a-granted', Key: 'mp' }));
    await b.send(
      new AbortMultipartUploadCommand({ Bucket: 'a-granted', Key: 'mp', UploadId: upload.UploadId }),
    );
    const acl = await b.send(new GetBucketAclCommand({ Bucket: 'a-granted' }));
    expect(acl.Owner?.ID).toBe(canonical(A));
    expect(acl.Grants?.map((g) => [g.Grantee?.ID, g.Permission])).toEqual([
      [canonical(B), 'READ_ACP'],
      [canonical(B), 'WRITE'],
    ]);
    await deniedAccess(b.send(new PutBucketAclCommand({ Bucket: 'a-granted', ACL: 'public-read' })));
    await b.send(new DeleteObjectCommand({ Bucket: 'a-granted', Key: 'mine' }));

    await a.send(new PutBucketAclCommand({ Bucket: 'a-granted', GrantFullControl: `id="${canonical(B)}"` }));
    await b.send(new ListObjectsV2Command({ Bucket: 'a-granted' }));
    await b.send(new PutBucketAclCommand({ Bucket: 'a-granted', GrantFullControl: `id="${canonical(B)}"` }));
    // FULL_CONTROL is the ACL's all; configuration and deleting stay the owner's.
    await deniedAccess(
      b.send(
        new PutBucketVersioningCommand({
          Bucket: 'a-granted',
          VersioningConfiguration: { Status: 'Enabled' },
        }),
      ),
    );
    await deniedAccess(b.send(new DeleteBucketCommand({ Bucket: 'a-granted' })));
  });

  it('grants to the AllUsers and AuthenticatedUsers groups count', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'a-public', ACL: 'public-read' }));
    await b.send(new ListObjectsV2Command({ Bucket: 'a-public' }));
    await a.send(new CreateBucketCommand({ Bucket: 'a-authenticated' }));
    await a.send(
      new PutBucketAclCommand({ Bucket: 'a-authenticated', GrantWrite: `uri="${AUTHENTICATED_USERS}"` }),
    );
    await b.send(new PutObjectCommand({ Bucket: 'a-authenticated', Key: 'k', Body: 'b' }));
    await deniedAccess(b.send(new ListObjectsV2Command({ Bucket: 'a-authenticated' })));
  });
});

describe('object ACLs and object owners', () => {
  it('GetObject needs READ on the object or owning it; the writer owns what it writes', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'a-objects', ACL: 'public-read-write' }));
    await a.send(new PutObjectCommand({ Bucket: 'a-objects', Key: 'private', Body: 'p' }));
    await a.send(
      new PutObjectCommand({ Bucket: 'a-objects', Key: 'public', Body: 'pub', ACL: 'public-read' }),
    );
    await deniedAccess(b.send(new GetObjectCommand({ Bucket: 'a-objects', Key: 'private' })));
    await denied(b.send(new HeadObjectCommand({ Bucket: 'a-objects', Key: 'private' })));
    expect(await body(b, 'a-objects', 'public')).toBe('pub');
    await b.send(new HeadObjectCommand({ Bucket: 'a-objects', Key: 'public' }));

    // B writes into A's bucket: B owns that object; A (the bucket owner) may not read it ungranted.
    await b.send(new PutObjectCommand({ Bucket: 'a-objects', Key: 'by-b', Body: 'b' }));
    expect(await body(b, 'a-objects', 'by-b')).toBe('b');
    await deniedAccess(a.send(new GetObjectCommand({ Bucket: 'a-objects', Key: 'by-b' })));
    const bAcl = await b.send(new GetObjectAclCommand({ Bucket: 'a-objects', Key: 'by-b' }));
    expect(bAcl.Owner?.ID).toBe(canonical(B));
    const listed = await a.send(new ListObjectsV2Command({ Bucket: 'a-objects', FetchOwner: true }));
    const owners = Object.fromEntries(listed.Contents?.map((o) => [o.Key, o.Owner?.ID]) ?? []);
    expect(owners).toEqual({ 'by-b': canonical(B), private: canonical(A), public: canonical(A) });

    // A multipart upload's object is its initiator's, whoever completes it.
    const { UploadId } = await b.send(new CreateMultipartUploadCommand({ Bucket: 'a-objects', Key: 'mp' }));
    const uploads = await a.send(new ListMultipartUploadsCommand({ Bucket: 'a-objects' }));
    expect(uploads.Uploads?.map((u) => [u.Key, u.Initiator?.ID, u.Owner?.ID])).toEqual([
      ['mp', canonical(B), canonical(B)],
    ]);
    const part = await b.send(
      new UploadPartCommand({ Bucket: 'a-objects', Key: 'mp', UploadId, PartNumber: 1, Body: 'mp' }),
    );
    await a.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'a-objects',
        Key: 'mp',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    expect(await body(b, 'a-objects', 'mp')).toBe('mp');
    await deniedAccess(a.send(new GetObjectCommand({ Bucket: 'a-objects', Key: 'mp' })));
    await b.send(
      new PutObjectCommand({
        Bucket: 'a-objects',
        Key: 'by-b-shared',
        Body: 'shared',
        ACL: 'bucket-owner-full-control',
      }),
    );
    expect(await body(a, 'a-objects', 'by-b-shared')).toBe('shared');
  });

  it('Get/PutObjectAcl need READ_ACP / WRITE_ACP on the object', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'a-object-acl' }));
    await a.send(new PutObjectCommand({ Bucket: 'a-object-acl', Key: 'k', Body: 'k' }));
    await deniedAccess(b.send(new GetObjectAclCommand({ Bucket: 'a-object-acl', Key: 'k' })));
    await a.send(
      new PutObjectAclCommand({ Bucket: 'a-object-acl', Key: 'k', GrantReadACP: `id="${canonical(B)}"` }),
    );
    const acl = await b.send(new GetObjectAclCommand({ Bucket: 'a-object-acl', Key: 'k' }));
    expect(acl.Owner?.ID).toBe(canonical(A));
    await deniedAccess(b.send(new GetObjectCommand({ Bucket: 'a-object-acl', Key: 'k' })));
    await deniedAccess(
      b.send(new PutObjectAclCommand({ Bucket: 'a-object-acl', Key: 'k', ACL: 'public-read' })),
    );
    await a.send(
      new PutObjectAclCommand({
        Bucket: 'a-object-acl',
        Key: 'k',
        GrantWriteACP: `id="${canonical(B)}"`,
      }),
    );
    await b.send(
      new PutObjectAclCommand({ Bucket: 'a-object-acl', Key: 'k', GrantRead: `id="${canonical(B)}"` }),
    );
    expect(await body(b, 'a-object-acl', 'k')).toBe('k');
  });

  it('BucketOwnerEnforced: the bucket owner owns every object and ACLs grant nothing', async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'a-enforced', ACL: 'public-read-write' }));
    await b.send(new PutObjectCommand({ Bucket: 'a-enforced', Key: 'by-b', Body: 'b', ACL: 'public-read' }));
    await a.send(
      new PutBucketOwnershipControlsCommand({
        Bucket: 'a-enforced',
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      }),
    );
    expect(await body(a, 'a-enforced', 'by-b')).toBe('b');
    const acl = await a.send(new GetObjectAclCommand({ Bucket: 'a-enforced', Key: 'by-b' }));
    expect(acl.Owner?.ID).toBe(canonical(A));
    await deniedAccess(b.send(new GetObjectCommand({ Bucket: 'a-enforced', Key: 'by-b' })));
    await deniedAccess(b.send(new ListObjectsV2Command({ Bucket: 'a-enforced' })));
    await deniedAccess(b.send(new PutObjectCommand({ Bucket: 'a-enforced', Key: 'x', Body: 'x' })));
  });
});

describe('data directories from before bucket owners', () => {
  it('gives buckets without an owner to the first account', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-owner-'));
    try {
      const first = await startFixture({ dataDir, credentials: CREDENTIALS });
      await first.s3.send(new CreateBucketCommand({ Bucket: 'legacy' }));
      await first.close();
      // The schema as it was: no owner column.
      const db = new DatabaseSync(join(dataDir, 's3.sqlite'));
      db.exec('ALTER TABLE buckets DROP COLUMN owner');
      db.close();

      const again = await startFixture({ dataDir, credentials: CREDENTIALS });
      const other = clientOf(again.aws.url);
      try {
        expect((await again.s3.send(new ListBucketsCommand({}))).Buckets?.map((x) => x.Name)).toEqual([
          'legacy',
        ]);
        expect((await other.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
        await deniedAccess(other.send(new ListObjectsV2Command({ Bucket: 'legacy' })));
        await again.s3.send(new PutObjectCommand({ Bucket: 'legacy', Key: 'k', Body: 'k' }));
      } finally {
        other.destroy();
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('S3 Control jobs of another account', () => {
  it("cannot read a manifest in another account's bucket until it is granted", async () => {
    const ctlB = s3ControlClientFor(fx.aws.url, OTHER_KEYS);
    try {
      await b.send(new CreateBucketCommand({ Bucket: 'b-data' }));
      await b.send(new PutObjectCommand({ Bucket: 'b-data', Key: 'one', Body: '1' }));
      await a.send(new CreateBucketCommand({ Bucket: 'a-manifests' }));
      const put = await a.send(
        new PutObjectCommand({ Bucket: 'a-manifests', Key: 'm.csv', Body: 'b-data,one\n' }),
      );
      const createJob = async () => {
        const { JobId } = await ctlB.send(
          new CreateJobCommand({
            AccountId: B,
            ConfirmationRequired: false,
            Operation: { S3PutObjectTagging: { TagSet: [{ Key: 't', Value: 'v' }] } },
            Manifest: {
              Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
              Location: { ObjectArn: 'arn:aws:s3:::a-manifests/m.csv', ETag: put.ETag },
            },
            Report: { Enabled: false },
            Priority: 1,
            RoleArn: `arn:aws:iam::${B}:role/batchops-test`,
          }),
        );
        return waitForJob(ctlB, JobId as string, ['Complete', 'Failed'], { accountId: B });
      };
      const refused = await createJob();
      expect(refused.Status).toBe('Failed');
      expect(refused.FailureReasons?.[0]?.FailureCode).toBe('AccessDenied');

      await a.send(
        new PutObjectAclCommand({ Bucket: 'a-manifests', Key: 'm.csv', GrantRead: `id="${canonical(B)}"` }),
      );
      const granted = await createJob();
      expect(granted.Status).toBe('Complete');
      expect(granted.ProgressSummary?.NumberOfTasksSucceeded).toBe(1);
    } finally {
      ctlB.destroy();
    }
  });
});
