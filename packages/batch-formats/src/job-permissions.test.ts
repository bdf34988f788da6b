import type { JobOperation } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import {
  type JobAccess,
  jobPermissionNeeds,
  neededActions,
  OPERATION_PERMISSIONS,
  operationNameOf,
  partitionOf,
  permissionPolicy,
  widestOperationParameters,
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

// The edges the table's tests above leave open (mutation testing, issue 20).
describe('job permissions table at its edges', () => {
  const copy = (c: Omit<NonNullable<JobOperation['S3PutObjectCopy']>, 'TargetResource'>) =>
    bySid(access({ S3PutObjectCopy: { TargetResource: 'arn:aws:s3:::dest', ...c } }), 'CopyDestination');

  it('names what each statement is for: the purpose pre-flight shows beside a missing permission', () => {
    const purposes = (a: JobAccess) => jobPermissionNeeds(a).map((n) => `${n.sid}: ${n.purpose}`);
    const generated = {
      format: 'generated',
      sourceBucket: 'src',
      eligibleForReplication: false,
      output: { bucket: 'out' },
    } as const;
    expect(purposes(access({ S3PutObjectLegalHold: { LegalHold: { Status: 'ON' } } }))).toEqual([
      'BatchOperationObjects: operation',
      'BatchOperationBuckets: operation',
      'ManifestRead: manifest read',
      'ReportWrite: report write',
      'ReportBucket: report write',
    ]);
    expect(purposes(access({ S3PutObjectCopy: {} }, { manifest: generated, report: null }))).toEqual([
      'CopySource: copy source',
      'CopyDestination: copy destination',
      'GenerateManifest: manifest generation',
      'ManifestOutput: manifest generation',
    ]);
    expect(purposes(access({ LambdaInvoke: {} }, { report: null }))).toEqual([
      'InvokeFunction: operation',
      'ManifestRead: manifest read',
    ]);
  });

  it('ACL, legal hold, object encryption and a Lambda without a function ARN', () => {
    const acl = jobPermissionNeeds(access({ S3PutObjectAcl: {} }))[0];
    expect(acl && neededActions(acl, false)).toEqual(['s3:PutObjectAcl']);
    expect(acl && neededActions(acl, true)).toEqual(['s3:PutObjectVersionAcl']);
    const hold = access({ S3PutObjectLegalHold: { LegalHold: { Status: 'OFF' } } });
    expect(bySid(hold, 'BatchOperationBuckets')?.Action).toEqual(['s3:GetBucketObjectLockConfiguration']);
    const encryption = bySid(access({ S3UpdateObjectEncryption: {} }), 'BatchOperationObjects');
    expect(encryption?.Action).toEqual(['s3:PutObject']);
    expect(bySid(access({ LambdaInvoke: {} }), 'InvokeFunction')?.Resource).toBe('*');
  });

  it('copy: retention for a lock mode or a retain-until date alone, legal hold for its status', () => {
    const retention = ['s3:PutObject', 's3:PutObjectRetention'];
    expect(copy({ ObjectLockMode: 'COMPLIANCE' })?.Action).toEqual(retention);
    expect(copy({ ObjectLockRetainUntilDate: new Date('2030-01-01') })?.Action).toEqual(retention);
    expect(copy({ ObjectLockLegalHoldStatus: 'OFF' })?.Action).toEqual([
      's3:PutObject',
      's3:PutObjectLegalHold',
    ]);
    expect(copy({ AccessControlGrants: [{ Permission: 'READ' }] })?.Action).toEqual([
      's3:PutObject',
      's3:PutObjectAcl',
    ]);
    // A copy without its target yet names no bucket, rather than some other one.
    expect(bySid(access({ S3PutObjectCopy: {} }), 'CopyDestination')?.Resource).toBe('arn:aws:s3:::/*');
  });

  it('writes under a prefix with its trailing slashes folded into one', () => {
    expect(copy({ TargetKeyPrefix: 'a/b//' })?.Resource).toBe('arn:aws:s3:::dest/a/b/*');
    const report = access({ S3PutObjectAcl: {} }, { report: { bucket: 'r', prefix: 'x/y///' } });
    expect(bySid(report, 'ReportWrite')?.Resource).toBe('arn:aws:s3:::r/x/y/*');
  });

  it('an inventory manifest one folder deep or at the root reads the whole manifest bucket', () => {
    const inventory = (key: string) =>
      bySid(
        access({ S3PutObjectAcl: {} }, { manifest: { bucket: 'inv', key, format: 'inventory' } }),
        'ManifestRead',
      );
    expect(inventory('2026-01-01T00-00Z/manifest.json')?.Resource).toEqual([
      'arn:aws:s3:::inv/2026-01-01T00-00Z/manifest.json',
      'arn:aws:s3:::inv/*',
    ]);
    expect(inventory('manifest.json')?.Resource).toEqual([
      'arn:aws:s3:::inv/manifest.json',
      'arn:aws:s3:::inv/*',
    ]);
  });

  it('a generated manifest not filtered on replication needs no replication configuration, unsaved no output', () => {
    const generated = access(
      { S3ReplicateObject: {} },
      { manifest: { format: 'generated', sourceBucket: 'src', eligibleForReplication: false } },
    );
    expect(bySid(generated, 'GenerateManifest')?.Action).toEqual(['s3:PutInventoryConfiguration']);
    expect(bySid(generated, 'ManifestOutput')).toBeUndefined();
    expect(permissionPolicy(generated).Version).toBe('2012-10-17');
  });

  it('knows the eusc partition', () => {
    expect(partitionOf('eusc-de-east-1')).toBe('aws-eusc');
    expect(partitionOf('us-east-1')).toBe('aws');
  });

  it('names the one operation a CreateJob sets (null members are unset), or says which it got', () => {
    const withNull = { S3PutObjectAcl: {}, LambdaInvoke: null } as unknown as JobOperation;
    expect(operationNameOf(withNull)).toBe('S3PutObjectAcl');
    expect(() => operationNameOf({})).toThrow('no permissions known for the operation (none)');
    expect(() => operationNameOf({ S3PutObjectAcl: {}, S3ReplicateObject: {} })).toThrow(
      'no permissions known for the operation S3PutObjectAcl, S3ReplicateObject',
    );
  });

  it('the widest parameters of each operation ask for every permission its row can add', () => {
    const widest = widestOperationParameters('arn:aws:s3:::dest');
    for (const [name, params] of Object.entries(widest))
      expect(operationNameOf({ [name]: params } as JobOperation)).toBe(name);
    const actionsOf = (op: JobOperation, sid: string) => bySid(access(op), sid)?.Action;
    expect(actionsOf({ S3PutObjectCopy: widest.S3PutObjectCopy }, 'CopyDestination')).toEqual([
      's3:PutObject',
      's3:PutObjectTagging',
      's3:PutObjectAcl',
      's3:PutObjectRetention',
      's3:PutObjectLegalHold',
    ]);
    expect(
      actionsOf({ S3PutObjectRetention: widest.S3PutObjectRetention }, 'BatchOperationObjects'),
    ).toContain('s3:BypassGovernanceRetention');
    const lambda = bySid(access({ LambdaInvoke: widest.LambdaInvoke }), 'InvokeFunction');
    expect(lambda?.Resource).toBe('arn:aws:lambda:*:*:function:*');
  });
});
