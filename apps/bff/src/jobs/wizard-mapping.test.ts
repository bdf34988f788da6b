import { JobWizardModel } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { createJobArgv, shellQuote, toCommandLine } from './cli-command.js';
import { toCreateJobRequest, toWizardModel } from './wizard-mapping.js';

const model = JobWizardModel.parse({
  manifest: { format: 'csv', objectArn: 'arn:aws:s3:::src/m/list.csv', versionId: 'v1' },
  operation: {
    type: 'copy',
    targetBucket: 'dst',
    targetKeyPrefix: 'copies/',
    storageClass: 'GLACIER_IR',
    metadata: { owner: 'me' },
    objectLockRetainUntilDate: '2030-01-01T00:00:00.000Z',
  },
  description: 'copy',
  priority: 7,
  report: { enabled: true, bucket: 'rep', prefix: 'r', scope: 'FailedTasksOnly' },
  roleArn: 'arn:aws:iam::123456789012:role/batch',
  tags: [{ key: 'k', value: 'v' }],
  clientRequestToken: 't1',
});

describe('wizard model ↔ CreateJob', () => {
  it('maps every choice to the S3 Control request', () => {
    const r = toCreateJobRequest(model, '123456789012', { etag: 'e1', fields: ['Bucket', 'Key'] });
    expect(r).toMatchObject({
      AccountId: '123456789012',
      ConfirmationRequired: true,
      ClientRequestToken: 't1',
      Priority: 7,
      Manifest: {
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: { ObjectArn: 'arn:aws:s3:::src/m/list.csv', ETag: 'e1', ObjectVersionId: 'v1' },
      },
      Report: { Enabled: true, Bucket: 'arn:aws:s3:::rep', Prefix: 'r', ReportScope: 'FailedTasksOnly' },
      Operation: {
        S3PutObjectCopy: {
          TargetResource: 'arn:aws:s3:::dst',
          TargetKeyPrefix: 'copies/',
          StorageClass: 'GLACIER_IR',
          NewObjectMetadata: { UserMetadata: { owner: 'me' } },
          ObjectLockRetainUntilDate: new Date('2030-01-01T00:00:00.000Z'),
        },
      },
      Tags: [{ Key: 'k', Value: 'v' }],
    });
  });

  it('turns a described job back into the same model with a new token', () => {
    const r = toCreateJobRequest(model, '123456789012', { etag: 'e1', fields: undefined });
    const back = toWizardModel({ ...r, Priority: 7 }, model.tags, 'us-east-1');
    expect(back.clientRequestToken).not.toBe('t1');
    expect({ ...back, clientRequestToken: 't1' }).toEqual({
      ...model,
      region: 'us-east-1',
      manifest: { format: 'csv', bucket: 'src', key: 'm/list.csv', versionId: 'v1', etag: 'e1' },
    });
  });
});

describe('CLI command', () => {
  it('quotes for a POSIX shell only what needs it', () => {
    expect(shellQuote('arn:aws:iam::1:role/x')).toBe('arn:aws:iam::1:role/x');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('{"a":1}')).toBe(`'{"a":1}'`);
  });

  it('leaves out the endpoint on AWS and says when no confirmation is needed', () => {
    const r = toCreateJobRequest({ ...model, runOption: 'auto' }, '123456789012', {
      etag: 'e',
      fields: undefined,
    });
    const line = toCommandLine(createJobArgv(r, { region: 'eu-west-1', endpoint: null }));
    expect(line).not.toContain('--endpoint-url');
    expect(line).toContain('--region eu-west-1');
    expect(line).toMatch(/--no-confirmation-required$/);
  });
});

describe('issue 9 and 10 operations ↔ CreateJob', () => {
  const withOp = (operation: unknown, manifest?: unknown) =>
    JobWizardModel.parse({
      manifest: manifest ?? { format: 'csv', bucket: 'src', key: 'm.csv' },
      operation,
      priority: 1,
      report: { enabled: false },
      roleArn: 'arn:aws:iam::123456789012:role/batch',
      clientRequestToken: 't',
    });
  const read = { etag: 'e', fields: undefined };
  // Each row: the wizard's operation, and the JobOperation S3 Control receives.
  const cases: [string, unknown, unknown][] = [
    ['replicate', { type: 'replicate' }, { S3ReplicateObject: {} }],
    [
      'restore',
      { type: 'restore', expirationInDays: 3, glacierJobTier: 'BULK' },
      { S3InitiateRestoreObject: { ExpirationInDays: 3, GlacierJobTier: 'BULK' } },
    ],
    [
      'restore from Intelligent-Tiering archive tiers (no days)',
      { type: 'restore', glacierJobTier: 'STANDARD' },
      { S3InitiateRestoreObject: { GlacierJobTier: 'STANDARD' } },
    ],
    [
      'lambda 2.0 with an alias and user arguments',
      {
        type: 'lambda',
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:tag-it',
        functionVersion: 'live',
        invocationSchemaVersion: '2.0',
        userArguments: [{ key: 'mode', value: 'fast' }],
      },
      {
        LambdaInvoke: {
          FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:tag-it:live',
          InvocationSchemaVersion: '2.0',
          UserArguments: { mode: 'fast' },
        },
      },
    ],
    [
      'lambda 1.0',
      {
        type: 'lambda',
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
        invocationSchemaVersion: '1.0',
        userArguments: [],
      },
      {
        LambdaInvoke: {
          FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
          InvocationSchemaVersion: '1.0',
        },
      },
    ],
    [
      'legal hold',
      { type: 'legalHold', status: 'ON' },
      { S3PutObjectLegalHold: { LegalHold: { Status: 'ON' } } },
    ],
    [
      'retention',
      {
        type: 'retention',
        action: 'set',
        mode: 'GOVERNANCE',
        retainUntilDate: '2031-02-03T00:00:00.000Z',
        bypassGovernanceRetention: true,
      },
      {
        S3PutObjectRetention: {
          Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date('2031-02-03T00:00:00.000Z') },
          BypassGovernanceRetention: true,
        },
      },
    ],
    [
      'retention removed',
      { type: 'retention', action: 'remove', bypassGovernanceRetention: true },
      { S3PutObjectRetention: { Retention: {}, BypassGovernanceRetention: true } },
    ],
    [
      'checksum',
      { type: 'checksum', algorithm: 'CRC32C', checksumType: 'COMPOSITE' },
      { S3ComputeObjectChecksum: { ChecksumAlgorithm: 'CRC32C', ChecksumType: 'COMPOSITE' } },
    ],
    [
      'update encryption',
      {
        type: 'updateEncryption',
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        bucketKeyEnabled: true,
      },
      {
        S3UpdateObjectEncryption: {
          ObjectEncryption: {
            SSEKMS: {
              KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
              BucketKeyEnabled: true,
            },
          },
        },
      },
    ],
  ];

  it.each(cases)('%s: the operation S3 Control gets, and back for Clone', (_name, op, sdk) => {
    const model = withOp(op);
    const r = toCreateJobRequest(model, '123456789012', read);
    expect(r.Operation).toEqual(sdk);
    const back = toWizardModel(r, [], 'us-east-1');
    expect(back.operation).toEqual(model.operation);
  });

  it('a replication-configuration manifest becomes a ManifestGenerator, and comes back for Clone', () => {
    const model = withOp(
      { type: 'replicate' },
      {
        format: 'replication',
        generator: {
          sourceBucket: 'src',
          createdAfter: '2024-01-02T03:04:05.000Z',
          createdBefore: '2025-01-01T00:00:00.000Z',
          replicationStatuses: ['NONE', 'FAILED'],
          output: { bucket: 'out', prefix: 'manifests' },
        },
      },
    );
    const r = toCreateJobRequest(model, '123456789012', null);
    expect(r.Manifest).toBeUndefined();
    expect(r.ManifestGenerator).toEqual({
      S3JobManifestGenerator: {
        ExpectedBucketOwner: '123456789012',
        SourceBucket: 'arn:aws:s3:::src',
        EnableManifestOutput: true,
        ManifestOutputLocation: {
          ExpectedManifestBucketOwner: '123456789012',
          Bucket: 'arn:aws:s3:::out',
          ManifestPrefix: 'manifests',
          ManifestFormat: 'S3InventoryReport_CSV_20211130',
          ManifestEncryption: { SSES3: {} },
        },
        Filter: {
          EligibleForReplication: true,
          CreatedAfter: new Date('2024-01-02T03:04:05.000Z'),
          CreatedBefore: new Date('2025-01-01T00:00:00.000Z'),
          ObjectReplicationStatuses: ['NONE', 'FAILED'],
        },
      },
    });
    const back = toWizardModel(r, [], 'us-east-1');
    expect(back.manifest).toEqual(model.manifest);
    const argv = createJobArgv(r, { region: 'us-east-1', endpoint: null });
    expect(argv).not.toContain('--manifest');
    expect(argv[argv.indexOf('--manifest-generator') + 1]).toBe(
      '{"S3JobManifestGenerator":{"ExpectedBucketOwner":"123456789012","SourceBucket":"arn:aws:s3:::src","EnableManifestOutput":true,"ManifestOutputLocation":{"ExpectedManifestBucketOwner":"123456789012","Bucket":"arn:aws:s3:::out","ManifestPrefix":"manifests","ManifestFormat":"S3InventoryReport_CSV_20211130","ManifestEncryption":{"SSES3":{}}},"Filter":{"EligibleForReplication":true,"CreatedAfter":"2024-01-02T03:04:05.000Z","CreatedBefore":"2025-01-01T00:00:00.000Z","ObjectReplicationStatuses":["NONE","FAILED"]}}}',
    );
  });

  it('a generated manifest without saving it sets EnableManifestOutput false and no filters beyond eligibility', () => {
    const model = withOp(
      { type: 'replicate' },
      { format: 'replication', generator: { sourceBucket: 'src' } },
    );
    const r = toCreateJobRequest(model, '123456789012', null);
    expect(r.ManifestGenerator?.S3JobManifestGenerator).toEqual({
      ExpectedBucketOwner: '123456789012',
      SourceBucket: 'arn:aws:s3:::src',
      EnableManifestOutput: false,
      Filter: { EligibleForReplication: true },
    });
  });

  it('writes each operation in the CLI command as the CLI takes it (model member names, ISO dates)', () => {
    const line = (op: unknown) =>
      toCommandLine(
        createJobArgv(toCreateJobRequest(withOp(op), '123456789012', read), {
          region: 'us-east-1',
          endpoint: null,
        }),
      );
    expect(line({ type: 'replicate' })).toContain(`--operation '{"S3ReplicateObject":{}}'`);
    expect(line({ type: 'legalHold', status: 'OFF' })).toContain(
      `--operation '{"S3PutObjectLegalHold":{"LegalHold":{"Status":"OFF"}}}'`,
    );
    expect(
      line({ type: 'retention', action: 'set', mode: 'COMPLIANCE', retainUntilDate: '2031-01-01T00:00:00Z' }),
    ).toContain(
      `'{"S3PutObjectRetention":{"Retention":{"Mode":"COMPLIANCE","RetainUntilDate":"2031-01-01T00:00:00.000Z"}}}'`,
    );
    expect(
      line({
        type: 'updateEncryption',
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k1',
        bucketKeyEnabled: false,
      }),
    ).toContain(
      `'{"S3UpdateObjectEncryption":{"ObjectEncryption":{"SSEKMS":{"KMSKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k1"}}}}'`,
    );
    expect(line({ type: 'restore', expirationInDays: 1, glacierJobTier: 'STANDARD' })).toContain(
      `'{"S3InitiateRestoreObject":{"ExpirationInDays":1,"GlacierJobTier":"STANDARD"}}'`,
    );
  });
});

describe('wizard model rules of issue 9 and 10', () => {
  const parse = (operation: unknown, manifest: unknown = { format: 'csv', bucket: 'src', key: 'm.csv' }) => {
    const r = JobWizardModel.safeParse({
      manifest,
      operation,
      priority: 1,
      report: { enabled: false },
      roleArn: 'arn:aws:iam::123456789012:role/batch',
      clientRequestToken: 't',
    });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('allows only Replicate with a replication-configuration manifest', () => {
    const generated = { format: 'replication', generator: { sourceBucket: 'src' } };
    expect(parse({ type: 'replicate' }, generated)).toEqual([]);
    expect(parse({ type: 'deleteTagging' }, generated)).toEqual([
      'operation.type: a manifest created from the replication configuration can only be used with Replicate',
    ]);
    expect(parse({ type: 'replicate' }, { format: 'replication' })).toEqual([
      'manifest.generator.sourceBucket: choose the source bucket',
    ]);
  });

  it('checks creation dates in order', () => {
    expect(
      parse(
        { type: 'replicate' },
        {
          format: 'replication',
          generator: {
            sourceBucket: 'src',
            createdAfter: '2025-01-02T00:00:00Z',
            createdBefore: '2025-01-01T00:00:00Z',
          },
        },
      ),
    ).toEqual(['manifest.generator.createdBefore: must be later than "Created after"']);
  });

  it('takes user arguments only with schema 2.0, at most 10, keys ≤ 64 and values 1..1024 characters', () => {
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:f';
    expect(
      parse({
        type: 'lambda',
        functionArn: fn,
        invocationSchemaVersion: '1.0',
        userArguments: [{ key: 'a', value: 'b' }],
      }),
    ).toEqual(['operation.userArguments: user arguments need invocation schema version 2.0']);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(
      parse({ type: 'lambda', functionArn: fn, invocationSchemaVersion: '2.0', userArguments: eleven }),
    ).toEqual(['operation.userArguments: at most 10 user arguments']);
    expect(
      parse({
        type: 'lambda',
        functionArn: fn,
        invocationSchemaVersion: '2.0',
        userArguments: [
          { key: 'k'.repeat(65), value: '' },
          { key: 'x', value: 'v'.repeat(1025) },
        ],
      }),
    ).toEqual([
      'operation.userArguments.0.key: at most 64 characters',
      'operation.userArguments.0.value: a value is required',
      'operation.userArguments.1.value: at most 1024 characters',
    ]);
    expect(parse({ type: 'lambda', functionArn: 'not an arn!', invocationSchemaVersion: '1.0' })[0]).toMatch(
      /^operation.functionArn: must be a function ARN/,
    );
  });

  it('needs a mode and date to set retention, none to remove it', () => {
    expect(parse({ type: 'retention', action: 'set' })).toEqual([
      'operation.mode: choose a mode',
      'operation.retainUntilDate: enter the retain-until date',
    ]);
    expect(parse({ type: 'retention', action: 'remove' })).toEqual([]);
  });

  it('offers a checksum type only where the algorithm has it', () => {
    expect(parse({ type: 'checksum', algorithm: 'CRC64NVME', checksumType: 'COMPOSITE' })).toEqual([
      'operation.checksumType: CRC64NVME supports only FULL_OBJECT checksums',
    ]);
    expect(parse({ type: 'checksum', algorithm: 'SHA256', checksumType: 'COMPOSITE' })).toEqual([]);
  });

  it('checks the KMS key ARN against the model pattern', () => {
    expect(
      parse({ type: 'updateEncryption', kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/my-key' }),
    ).toEqual([
      'operation.kmsKeyArn: must be a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/1234abcd-…',
    ]);
  });

  it('needs at least 1 day for a Glacier restore', () => {
    expect(parse({ type: 'restore', expirationInDays: 0, glacierJobTier: 'BULK' })).toEqual([
      'operation.expirationInDays: at least 1 day',
    ]);
  });
});
