import type { WizardOperation } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { manifestDetailItems, operationDetailItems } from './operation-details';

const items = (operationModel: WizardOperation | null, operationParameters: Record<string, unknown> = {}) =>
  Object.fromEntries(
    operationDetailItems({ operationModel, operationParameters }).map((i) => [i.label, i.value]),
  );

describe('operationDetailItems: the job page section of each operation', () => {
  it('reads each operation of issues 9 and 10 from the typed operation the BFF maps', () => {
    expect(items({ type: 'restore', expirationInDays: 3, glacierJobTier: 'BULK' })).toEqual({
      'Restored copy available for': '3 day(s)',
      'Retrieval tier': 'Bulk',
    });
    expect(
      items({
        type: 'lambda',
        functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f',
        functionVersion: 'live',
        invocationSchemaVersion: '2.0',
        userArguments: [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
        ],
      }),
    ).toEqual({
      'Lambda function': 'arn:aws:lambda:us-east-1:000000000000:function:f:live',
      'Invocation schema version': '2.0',
      'User arguments': 'a=1, b=2',
    });
    expect(items({ type: 'legalHold', status: 'ON' })).toEqual({ 'Legal hold': 'Enable (ON)' });
    expect(
      items({
        type: 'retention',
        action: 'set',
        mode: 'GOVERNANCE',
        retainUntilDate: '2031-01-01T00:00:00.000Z',
        bypassGovernanceRetention: true,
      }),
    ).toEqual({
      'Retention mode': 'GOVERNANCE',
      'Retain until': '2031-01-01T00:00:00.000Z',
      'Bypass governance retention': 'Yes',
    });
    expect(items({ type: 'retention', action: 'remove', bypassGovernanceRetention: false })).toEqual({
      Retention: 'Removed',
      'Bypass governance retention': 'No',
    });
    expect(items({ type: 'checksum', algorithm: 'CRC32', checksumType: 'COMPOSITE' })).toEqual({
      'Checksum function': 'CRC32',
      'Checksum type': 'Composite',
    });
    expect(
      items({
        type: 'updateEncryption',
        kmsKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/k',
        bucketKeyEnabled: true,
      }),
    ).toEqual({
      Encryption: 'SSE-KMS',
      'AWS KMS key ARN': 'arn:aws:kms:us-east-1:000000000000:key/k',
      'Bucket Key': 'Enabled',
    });
    expect(items({ type: 'replicate' })).toEqual({
      Replication: "The source bucket's replication configuration",
    });
  });

  it('shows the raw parameters of an operation the wizard does not offer', () => {
    expect(items(null, { TagSet: [{ Key: 'a', Value: 'b' }] })).toEqual({ TagSet: 'a=b' });
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
