import {
  CreateBucketCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketPolicyCommand,
  PutBucketReplicationCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  createVersionedBucket,
  csvJobInput,
  eventually,
  reportLines,
  runJobToEnd,
  s3ControlClientFor,
} from '@batchops/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ROLE } from '../src/index.js';
import type { LocalAwsFixture } from './support/local-aws-fixture.js';
import { ACCOUNT_A, ACCOUNT_B, B_KEYS, useTwoAccounts } from './support/two-accounts.js';

// Cross-account Batch Operations and replication with bucket policies (issue 24 §1, decision 0032):
// each works once the other account's bucket policy allows the role, and fails without it.

const A = ACCOUNT_A;
const B = ACCOUNT_B;
const B_ROLE = `arn:aws:iam::${B}:role/batchops-test`;
const A_REPLICATION_ROLE = `arn:aws:iam::${A}:role/batchops-replication`;

// Account B's jobs run as B's own batchops-test role.
const accounts = useTwoAccounts({
  roles: [{ ...TEST_ROLE, accountId: B }],
  engine: { concurrency: 4, flushMs: 50 },
});
let fx: LocalAwsFixture;
let a: S3Client;
let b: S3Client;
beforeAll(() => {
  ({ fx, a, b } = accounts);
});

const allow = (client: S3Client, Bucket: string, principal: string, Action: string[]) =>
  client.send(
    new PutBucketPolicyCommand({
      Bucket,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: principal }, Action, Resource: `arn:aws:s3:::${Bucket}/*` },
        ],
      }),
    }),
  );

describe("a job of account B over account A's bucket", () => {
  it("fails without A's bucket policy and completes once it allows B's role", async () => {
    await a.send(new CreateBucketCommand({ Bucket: 'pj-data' }));
    await b.send(new CreateBucketCommand({ Bucket: 'pj-reports' }));
    for (const Key of ['one', 'two'])
      await a.send(new PutObjectCommand({ Bucket: 'pj-data', Key, Body: Key }));
    const manifest = await a.send(
      new PutObjectCommand({ Bucket: 'pj-data', Key: 'manifest.csv', Body: 'pj-data,one\npj-data,two\n' }),
    );
    const ctlB = s3ControlClientFor(fx.aws.url, B_KEYS);
    const job = (prefix: string) =>
      runJobToEnd(
        ctlB,
        csvJobInput({
          accountId: B,
          roleArn: B_ROLE,
          operation: { S3PutObjectTagging: { TagSet: [{ Key: 'by', Value: 'b' }] } },
          manifest: { ObjectArn: 'arn:aws:s3:::pj-data/manifest.csv', ETag: manifest.ETag },
          reportBucket: 'pj-reports',
          reportPrefix: prefix,
        }),
      );
    const refused = await job('refused');
    expect(refused.Status).toBe('Failed');
    expect(refused.FailureReasons?.[0]?.FailureCode).toBe('AccessDenied');

    await allow(a, 'pj-data', B_ROLE, ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObjectTagging']);
    const done = await job('allowed');
    expect(done.Status).toBe('Complete');
    expect(done.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 2, NumberOfTasksFailed: 0 });
    const lines = await reportLines(b, 'pj-reports', 'allowed', done.JobId);
    expect(lines.map((l) => l.split(',')[3])).toEqual(['succeeded', 'succeeded']);
    const tags = await a.send(new GetObjectTaggingCommand({ Bucket: 'pj-data', Key: 'one' }));
    expect(tags.TagSet).toEqual([{ Key: 'by', Value: 'b' }]);
    ctlB.destroy();
  });
});

/** A's `src` replicating everything to B's `dst` (owner override: the replicas become B's). */
const replicateToB = (src: string, dst: string, ownerOverride: boolean, Account = B) =>
  a.send(
    new PutBucketReplicationCommand({
      Bucket: src,
      ReplicationConfiguration: {
        Role: A_REPLICATION_ROLE,
        Rules: [
          {
            ID: 'to-b',
            Priority: 1,
            Status: 'Enabled',
            Filter: {},
            DeleteMarkerReplication: { Status: 'Enabled' },
            Destination: {
              Bucket: `arn:aws:s3:::${dst}`,
              Account,
              ...(ownerOverride ? { AccessControlTranslation: { Owner: 'Destination' as const } } : {}),
            },
          },
        ],
      },
    }),
  );

const statusIn = (Bucket: string) => async (Key: string) =>
  (await a.send(new HeadObjectCommand({ Bucket, Key }))).ReplicationStatus;

describe("replication into account B's bucket", () => {
  it("fails (FAILED) without B's bucket policy and replicates once it allows A's replication role", async () => {
    await createVersionedBucket(a, 'pr-src');
    await createVersionedBucket(b, 'pr-dst');
    await replicateToB('pr-src', 'pr-dst', false);
    const status = statusIn('pr-src');
    await a.send(new PutObjectCommand({ Bucket: 'pr-src', Key: 'before', Body: '1' }));
    await eventually(async () => expect(await status('before')).toBe('FAILED'));

    // Another principal than the rule's role gets nothing; the role itself replicates.
    await allow(b, 'pr-dst', `arn:aws:iam::${A}:role/someone-else`, ['s3:ReplicateObject']);
    await a.send(new PutObjectCommand({ Bucket: 'pr-src', Key: 'other-role', Body: '2' }));
    await eventually(async () => expect(await status('other-role')).toBe('FAILED'));
    await allow(b, 'pr-dst', A_REPLICATION_ROLE, ['s3:ReplicateObject', 's3:ReplicateDelete']);
    const put = await a.send(new PutObjectCommand({ Bucket: 'pr-src', Key: 'after', Body: '3' }));
    await eventually(async () => expect(await status('after')).toBe('COMPLETED'));
    const versions = await b.send(new ListObjectVersionsCommand({ Bucket: 'pr-dst' }));
    expect(versions.Versions?.map((v) => [v.Key, v.VersionId])).toEqual([['after', put.VersionId]]);
  });

  it("with owner override (AccessControlTranslation) needs s3:ObjectOwnerOverrideToBucketOwner too; the replica is then B's", async () => {
    await createVersionedBucket(a, 'po-src');
    await createVersionedBucket(b, 'po-dst');
    await replicateToB('po-src', 'po-dst', true);
    const status = statusIn('po-src');
    await allow(b, 'po-dst', A_REPLICATION_ROLE, ['s3:ReplicateObject', 's3:ReplicateDelete']);
    await a.send(new PutObjectCommand({ Bucket: 'po-src', Key: 'no-override', Body: '1' }));
    await eventually(async () => expect(await status('no-override')).toBe('FAILED'));
    await allow(b, 'po-dst', A_REPLICATION_ROLE, [
      's3:ReplicateObject',
      's3:ReplicateDelete',
      's3:ObjectOwnerOverrideToBucketOwner',
    ]);
    await a.send(new PutObjectCommand({ Bucket: 'po-src', Key: 'override', Body: 'mine now' }));
    await eventually(async () => expect(await status('override')).toBe('COMPLETED'));
    const replica = await b.send(new GetObjectCommand({ Bucket: 'po-dst', Key: 'override' }));
    expect(await replica.Body?.transformToString()).toBe('mine now');

    // The rule's Account must be the destination's owner: another account gets no replica.
    await replicateToB('po-src', 'po-dst', true, '222222222222');
    await a.send(new PutObjectCommand({ Bucket: 'po-src', Key: 'wrong-account', Body: '2' }));
    await eventually(async () => expect(await status('wrong-account')).toBe('FAILED'));
  });
});
