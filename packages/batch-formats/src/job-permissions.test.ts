import type { JobOperation } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import {
  type JobAccess,
  jobPermissionNeeds,
  OPERATION_PERMISSIONS,
  partitionOf,
  permissionPolicy,
} from './job-permissions.js';

const access = (operation: JobOperation, over: Partial<JobAccess> = {}): JobAccess => ({
  partition: 'aws',
  operation,
  sourceBuckets: ['src-a', 'src-b'],
  manifest: { bucket: 'manifests', key: 'jobs/m.csv', format: 'csv' },
  report: { bucket: 'reports', prefix: 'batch/' },
  ...over,
});

/** The report's statements of every job that writes one to `reports/batch/`. */
const REPORT_STATEMENTS = [
  { Sid: 'ReportWrite', Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::reports/batch/*' },
  {
    Sid: 'ReportBucket',
    Effect: 'Allow',
    Action: ['s3:GetBucketLocation'],
    Resource: 'arn:aws:s3:::reports',
  },
];

type Statement = { Sid: string; Action: string[]; Resource: string | string[] };
const statements = (a: JobAccess) => permissionPolicy(a).Statement as Statement[];
const bySid = (a: JobAccess, sid: string) => statements(a).find((s) => s.Sid === sid);

describe('job permissions table', () => {
  it('tagging: PutObjectTagging and PutObjectVersionTagging on the manifest buckets, manifest read, report write', () => {
    const a = access({ S3PutObjectTagging: { TagSet: [{ Key: 'k', Value: 'v' }] } });
    expect(statements(a)).toEqual([
      {
        Sid: 'BatchOperationObjects',
        Effect: 'Allow',
        Action: ['s3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        Resource: ['arn:aws:s3:::src-a/*', 'arn:aws:s3:::src-b/*'],
      },
      {
        Sid: 'ManifestRead',
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: 'arn:aws:s3:::manifests/jobs/m.csv',
      },
      ...REPORT_STATEMENTS,
    ]);
  });

  it('names the plain action for unversioned rows and the version action for versioned ones', () => {
    const [op] = jobPermissionNeeds(access({ S3DeleteObjectTagging: {} }));
    expect(op?.actions).toEqual(['s3:DeleteObjectTagging']);
    expect(op?.versionActions).toEqual(['s3:DeleteObjectVersionTagging']);
    const [acl] = jobPermissionNeeds(
      access({ S3PutObjectAcl: { AccessControlPolicy: { CannedAccessControlList: 'private' } } }),
    );
    expect(acl?.versionActions).toEqual(['s3:PutObjectVersionAcl']);
  });

  it('copy: reads the source and writes the destination prefix, plus what the copy sets', () => {
    const copy = access({
      S3PutObjectCopy: {
        TargetResource: 'arn:aws:s3:::dest',
        TargetKeyPrefix: 'copies/',
        CannedAccessControlList: 'bucket-owner-full-control',
      },
    });
    expect(bySid(copy, 'CopySource')?.Action).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
    expect(bySid(copy, 'CopyDestination')).toMatchObject({
      Action: ['s3:PutObject', 's3:PutObjectAcl'],
      Resource: 'arn:aws:s3:::dest/copies/*',
    });
    const withTags = access({
      S3PutObjectCopy: { TargetResource: 'arn:aws:s3:::dest', NewObjectTagging: [{ Key: 'a', Value: 'b' }] },
    });
    expect(bySid(withTags, 'CopyDestination')?.Action).toEqual(['s3:PutObject', 's3:PutObjectTagging']);
    expect(bySid(withTags, 'CopyDestination')?.Resource).toBe('arn:aws:s3:::dest/*');
  });

  it('object lock: retention (with bypass only when asked), legal hold, and the bucket lock configuration', () => {
    const retention = access({
      S3PutObjectRetention: {
        BypassGovernanceRetention: true,
        Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date('2030-01-01') },
      },
    });
    expect(bySid(retention, 'BatchOperationObjects')?.Action).toEqual([
      's3:PutObjectRetention',
      's3:BypassGovernanceRetention',
    ]);
    expect(bySid(retention, 'BatchOperationBuckets')).toMatchObject({
      Action: ['s3:GetBucketObjectLockConfiguration'],
      Resource: ['arn:aws:s3:::src-a', 'arn:aws:s3:::src-b'],
    });
    const noBypass = access({ S3PutObjectRetention: { Retention: { Mode: 'COMPLIANCE' } } });
    expect(bySid(noBypass, 'BatchOperationObjects')?.Action).toEqual(['s3:PutObjectRetention']);
    const hold = access({ S3PutObjectLegalHold: { LegalHold: { Status: 'ON' } } });
    expect(bySid(hold, 'BatchOperationObjects')?.Action).toEqual(['s3:PutObjectLegalHold']);
  });

  it('restore, replication, checksum and Lambda', () => {
    expect(
      bySid(access({ S3InitiateRestoreObject: { ExpirationInDays: 1 } }), 'BatchOperationObjects')?.Action,
    ).toEqual(['s3:RestoreObject']);
    const repl = access({ S3ReplicateObject: {} });
    expect(bySid(repl, 'BatchOperationObjects')?.Action).toEqual(['s3:InitiateReplication']);
    expect(bySid(repl, 'BatchOperationBuckets')).toBeUndefined();
    expect(
      bySid(access({ S3ComputeObjectChecksum: { ChecksumAlgorithm: 'CRC32' } }), 'BatchOperationObjects')
        ?.Action,
    ).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
    const fn = 'arn:aws:lambda:us-east-1:000000000000:function:f';
    expect(bySid(access({ LambdaInvoke: { FunctionArn: fn } }), 'InvokeFunction')).toMatchObject({
      Action: ['lambda:InvokeFunction'],
      Resource: fn,
    });
  });

  it('manifest: the version action for a versioned manifest; an inventory manifest also reads its data files', () => {
    const versioned = access(
      { S3DeleteObjectTagging: {} },
      { manifest: { bucket: 'm', key: 'x.csv', format: 'csv', versionId: 'v1' } },
    );
    expect(bySid(versioned, 'ManifestRead')?.Action).toEqual(['s3:GetObjectVersion']);
    const inventory = access(
      { S3DeleteObjectTagging: {} },
      {
        manifest: { bucket: 'inv', key: 'dest/src/cfg/2026-01-01T00-00Z/manifest.json', format: 'inventory' },
      },
    );
    expect(bySid(inventory, 'ManifestRead')?.Resource).toEqual([
      'arn:aws:s3:::inv/dest/src/cfg/2026-01-01T00-00Z/manifest.json',
      'arn:aws:s3:::inv/dest/src/cfg/*',
    ]);
  });

  it('no report: no report statement; no prefix: the whole report bucket; the partition from the Region', () => {
    const noReport = access({ S3DeleteObjectTagging: {} }, { report: null });
    expect(bySid(noReport, 'ReportWrite')).toBeUndefined();
    expect(bySid(noReport, 'ReportBucket')).toBeUndefined();
    const bare = access(
      { S3DeleteObjectTagging: {} },
      { report: { bucket: 'r' }, partition: partitionOf('cn-north-1') },
    );
    expect(bySid(bare, 'ReportWrite')?.Resource).toBe('arn:aws-cn:s3:::r/*');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('eu-west-1')).toBe('aws');
  });

  it('an operation the table does not know is an error, not an empty policy', () => {
    expect(() => jobPermissionNeeds(access({} as JobOperation))).toThrow(/no permissions known/);
  });

  it('a generated replication manifest: inventory and replication configuration on the source, not ListBucket; its output written and read back', () => {
    const generated = access(
      { S3ReplicateObject: {} },
      {
        sourceBuckets: ['src'],
        manifest: {
          format: 'generated',
          sourceBucket: 'src',
          eligibleForReplication: true,
          output: { bucket: 'out', prefix: 'gen' },
        },
      },
    );
    expect(statements(generated)).toEqual([
      {
        Sid: 'BatchOperationObjects',
        Effect: 'Allow',
        Action: ['s3:InitiateReplication'],
        Resource: 'arn:aws:s3:::src/*',
      },
      {
        Sid: 'GenerateManifest',
        Effect: 'Allow',
        Action: ['s3:PutInventoryConfiguration', 's3:GetReplicationConfiguration'],
        Resource: 'arn:aws:s3:::src',
      },
      {
        Sid: 'ManifestOutput',
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion'],
        Resource: 'arn:aws:s3:::out/gen/*',
      },
      ...REPORT_STATEMENTS,
    ]);
    expect(JSON.stringify(permissionPolicy(generated))).not.toContain('s3:ListBucket');
  });

  it('has one row per CreateJob operation member', () => {
    expect(Object.keys(OPERATION_PERMISSIONS).sort()).toEqual([
      'LambdaInvoke',
      'S3ComputeObjectChecksum',
      'S3DeleteObjectTagging',
      'S3InitiateRestoreObject',
      'S3PutObjectAcl',
      'S3PutObjectCopy',
      'S3PutObjectLegalHold',
      'S3PutObjectRetention',
      'S3PutObjectTagging',
      'S3ReplicateObject',
      'S3UpdateObjectEncryption',
    ]);
  });
});
