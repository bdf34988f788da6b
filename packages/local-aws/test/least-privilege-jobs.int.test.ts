import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  GetObjectAclCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { JobOperation } from '@aws-sdk/client-s3-control';
import { type JobOperationName, permissionPolicy } from '@batchops/batch-formats';
import {
  createRoleWithPolicy,
  createVersionedBucket,
  csvJobInput,
  putCsvManifest,
  putReplicationRule,
  reportLines,
  runJobToEnd,
} from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { createFunction } from './support/lambda-functions.js';
import { ACCOUNT_ID, TEST_ROLE_ARN, useFixture } from './support/local-aws-fixture.js';

// Issue 20 §2: one job of every operation runs as a role whose only policy is what the permissions
// table (batch-formats job-permissions.ts) says the job needs — never s3:* — and every task succeeds.
// A row the table gets wrong (too narrow) fails its tasks here with AccessDenied.

const FUNCTION = 'lp-fn';
const KMS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/5e6f7a8b-1c2d-4e3f-9a0b-1c2d3e4f5a6b`;
const far = new Date(Date.now() + 365 * 86_400_000);

interface Row {
  readonly operation: JobOperation;
  /** The bucket whose objects `k1`, `k2` the manifest lists. */
  readonly bucket: string;
  /** What the job did to `k1`, read as the account's root. */
  readonly check?: (key: string) => Promise<void>;
}

const f = useFixture(
  { engine: { concurrency: 8, flushMs: 50 }, lambda: { poolSize: 1 } },
  async ({ s3, lambda }) => {
    // The ACL job needs ACLs on: new buckets have them off, as on S3 since April 2023.
    for (const Bucket of ['lp-plain', 'lp-cold', 'lp-dst', 'lp-reports'])
      await s3.send(new CreateBucketCommand({ Bucket, ObjectOwnership: 'ObjectWriter' }));
    // …and a public-read grant needs Block Public Access off for its bucket, as on S3.
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'lp-plain' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'lp-locked', ObjectLockEnabledForBucket: true }));
    await createVersionedBucket(s3, 'lp-repl-src');
    await createVersionedBucket(s3, 'lp-repl-dst');
    await putReplicationRule(s3, 'lp-repl-src', 'lp-repl-dst', TEST_ROLE_ARN);
    for (const Key of ['k1', 'k2']) {
      for (const Bucket of ['lp-plain', 'lp-locked', 'lp-repl-src'])
        await s3.send(new PutObjectCommand({ Bucket, Key, Body: `body of ${Key}` }));
      await s3.send(new PutObjectCommand({ Bucket: 'lp-cold', Key, Body: Key, StorageClass: 'GLACIER' }));
    }
    const code = `exports.handler = async (e) => ({ invocationSchemaVersion: e.invocationSchemaVersion,
      treatMissingKeysAs: 'PermanentFailure', invocationId: e.invocationId,
      results: e.tasks.map((t) => ({ taskId: t.taskId, resultCode: 'Succeeded', resultString: t.s3Key })) });`;
    await createFunction(lambda, FUNCTION, [{ name: 'index.js', data: code }]);
  },
  120_000,
);

const ROWS: { readonly [K in JobOperationName]-?: Row } = {
  S3PutObjectTagging: {
    operation: { S3PutObjectTagging: { TagSet: [{ Key: 'lp', Value: 'yes' }] } },
    bucket: 'lp-plain',
    check: async (Key) => {
      const tags = await f.s3.send(new GetObjectTaggingCommand({ Bucket: 'lp-plain', Key }));
      expect(tags.TagSet).toContainEqual({ Key: 'lp', Value: 'yes' });
    },
  },
  S3DeleteObjectTagging: { operation: { S3DeleteObjectTagging: {} }, bucket: 'lp-locked' },
  S3PutObjectAcl: {
    operation: { S3PutObjectAcl: { AccessControlPolicy: { CannedAccessControlList: 'public-read' } } },
    bucket: 'lp-plain',
    check: async (Key) => {
      const acl = await f.s3.send(new GetObjectAclCommand({ Bucket: 'lp-plain', Key }));
      expect(acl.Grants?.map((g) => [g.Grantee?.URI, g.Permission])).toContainEqual([
        'http://acs.amazonaws.com/groups/global/AllUsers',
        'READ',
      ]);
    },
  },
  S3InitiateRestoreObject: {
    operation: { S3InitiateRestoreObject: { ExpirationInDays: 1, GlacierJobTier: 'STANDARD' } },
    bucket: 'lp-cold',
    check: async (Key) => {
      const head = await f.s3.send(new HeadObjectCommand({ Bucket: 'lp-cold', Key }));
      expect(head.Restore).toMatch(/ongoing-request=/);
    },
  },
  S3PutObjectLegalHold: {
    operation: { S3PutObjectLegalHold: { LegalHold: { Status: 'OFF' } } },
    bucket: 'lp-locked',
  },
  S3PutObjectRetention: {
    operation: { S3PutObjectRetention: { Retention: { Mode: 'GOVERNANCE', RetainUntilDate: far } } },
    bucket: 'lp-locked',
    check: async (Key) => {
      const head = await f.s3.send(new HeadObjectCommand({ Bucket: 'lp-locked', Key }));
      expect(head.ObjectLockMode).toBe('GOVERNANCE');
    },
  },
  S3ReplicateObject: {
    operation: { S3ReplicateObject: {} },
    bucket: 'lp-repl-src',
    check: async (Key) => {
      const head = await f.s3.send(new HeadObjectCommand({ Bucket: 'lp-repl-dst', Key }));
      expect(head.ReplicationStatus).toBe('REPLICA');
    },
  },
  S3ComputeObjectChecksum: {
    operation: { S3ComputeObjectChecksum: { ChecksumAlgorithm: 'CRC32', ChecksumType: 'FULL_OBJECT' } },
    bucket: 'lp-plain',
  },
  S3UpdateObjectEncryption: {
    operation: { S3UpdateObjectEncryption: { ObjectEncryption: { SSEKMS: { KMSKeyArn: KMS_KEY } } } },
    bucket: 'lp-plain',
    check: async (Key) => {
      const head = await f.s3.send(new HeadObjectCommand({ Bucket: 'lp-plain', Key }));
      expect(head.SSEKMSKeyId).toBe(KMS_KEY);
    },
  },
  LambdaInvoke: {
    operation: {
      LambdaInvoke: { FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:${FUNCTION}` },
    },
    bucket: 'lp-plain',
  },
  S3PutObjectCopy: {
    operation: { S3PutObjectCopy: { TargetResource: 'arn:aws:s3:::lp-dst', TargetKeyPrefix: 'copies' } },
    bucket: 'lp-plain',
    check: async (Key) => {
      await f.s3.send(new HeadObjectCommand({ Bucket: 'lp-dst', Key: `copies/${Key}` }));
    },
  },
};

describe('every operation as a least-privilege role from the permissions table', () => {
  it.each(Object.entries(ROWS) as [JobOperationName, Row][])('%s', async (name, row) => {
    const manifestKey = `manifests/${name}.csv`;
    const manifest = await putCsvManifest(f.s3, 'lp-reports', manifestKey, [
      `${row.bucket},k1`,
      `${row.bucket},k2`,
    ]);
    const policy = permissionPolicy({
      partition: 'aws',
      operation: row.operation,
      sourceBuckets: [row.bucket],
      manifest: { format: 'csv', bucket: 'lp-reports', key: manifestKey },
      report: { bucket: 'lp-reports', prefix: name },
    });
    expect(JSON.stringify(policy)).not.toContain('s3:*');
    const roleArn = await createRoleWithPolicy(f.iam, `lp-${name}`, policy.Statement);
    const job = await runJobToEnd(
      f.s3control,
      csvJobInput({
        operation: row.operation,
        manifest,
        reportBucket: 'lp-reports',
        reportPrefix: name,
        roleArn,
      }),
    );
    const rows = await reportLines(f.s3, 'lp-reports', name, job.JobId);
    expect([job.Status, job.ProgressSummary?.NumberOfTasksSucceeded, rows.join('\n')]).toEqual([
      'Complete',
      2,
      expect.not.stringContaining('failed'),
    ]);
    await row.check?.('k1');
  });
});
