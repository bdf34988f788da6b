import { describe, expect, it } from 'vitest';
import { manifestDetailItems, operationDetailItems } from './operation-details';

const items = (
  operation: Parameters<typeof operationDetailItems>[0]['operation'],
  operationParameters: Record<string, unknown>,
) =>
  Object.fromEntries(operationDetailItems({ operation, operationParameters }).map((i) => [i.label, i.value]));

describe('operationDetailItems: the job page section of each operation', () => {
  it('reads each operation of issues 9 and 10 as DescribeJob gives it', () => {
    expect(items('S3InitiateRestoreObject', { ExpirationInDays: 3, GlacierJobTier: 'BULK' })).toEqual({
      'Restored copy available for': '3 day(s)',
      'Retrieval tier': 'Bulk',
    });
    expect(
      items('LambdaInvoke', {
        FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f:live',
        InvocationSchemaVersion: '2.0',
        UserArguments: { a: '1', b: '2' },
      }),
    ).toEqual({
      'Lambda function': 'arn:aws:lambda:us-east-1:000000000000:function:f:live',
      'Invocation schema version': '2.0',
      'User arguments': 'a=1, b=2',
    });
    expect(items('S3PutObjectLegalHold', { LegalHold: { Status: 'ON' } })).toEqual({
      'Legal hold': 'Enable (ON)',
    });
    expect(
      items('S3PutObjectRetention', {
        Retention: { Mode: 'GOVERNANCE', RetainUntilDate: '2031-01-01T00:00:00.000Z' },
        BypassGovernanceRetention: true,
      }),
    ).toEqual({
      'Retention mode': 'GOVERNANCE',
      'Retain until': '2031-01-01T00:00:00.000Z',
      'Bypass governance retention': 'Yes',
    });
    expect(items('S3PutObjectRetention', { Retention: {} })).toEqual({
      Retention: 'Removed',
      'Bypass governance retention': 'No',
    });
    expect(
      items('S3ComputeObjectChecksum', { ChecksumAlgorithm: 'CRC32', ChecksumType: 'COMPOSITE' }),
    ).toEqual({
      'Checksum function': 'CRC32',
      'Checksum type': 'Composite',
    });
    expect(
      items('S3UpdateObjectEncryption', {
        ObjectEncryption: {
          SSEKMS: { KMSKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/k', BucketKeyEnabled: true },
        },
      }),
    ).toEqual({
      Encryption: 'SSE-KMS',
      'AWS KMS key ARN': 'arn:aws:kms:us-east-1:000000000000:key/k',
      'Bucket Key': 'Enabled',
    });
    expect(items('S3ReplicateObject', {})).toEqual({
      Replication: "The source bucket's replication configuration",
    });
  });

  it('keeps the generic view for the other operations', () => {
    expect(items('S3PutObjectTagging', { TagSet: [{ Key: 'a', Value: 'b' }] })).toEqual({ TagSet: 'a=b' });
  });

  it('shows what a generated manifest is made from', () => {
    const shown = manifestDetailItems({
      manifest: null,
      manifestGenerator: {
        sourceBucket: 'src',
        createdAfter: null,
        createdBefore: '2026-01-01T00:00:00.000Z',
        replicationStatuses: ['FAILED'],
        output: { bucket: 'out', prefix: 'm' },
        generatedManifestArn: null,
      },
    });
    expect(Object.fromEntries(shown.map((i) => [i.label, i.value]))).toEqual({
      Manifest: 'Created using S3 Replication configuration',
      'Source bucket': 's3://src',
      'Created after': '-',
      'Created before': '2026-01-01T00:00:00.000Z',
      'Replication status': 'FAILED',
      'Generated manifest': 'Saved to s3://out/m',
    });
  });
});
