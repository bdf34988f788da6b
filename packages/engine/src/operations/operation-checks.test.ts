import { describe, expect, it } from 'vitest';
import { JobError } from '../job-types.js';
import { resultMessage } from './compute-checksum.js';
import { resolveOperation } from './operation-registry.js';

// What CreateJob refuses for each operation of issue 10: a BadRequestException naming the field.
const check = (operation: Record<string, unknown>) => {
  const { module, params } = resolveOperation(operation);
  module.check?.(params as never);
};

function refusal(operation: Record<string, unknown>): JobError {
  try {
    check(operation);
  } catch (e) {
    expect(e).toBeInstanceOf(JobError);
    expect((e as JobError).code).toBe('BadRequestException');
    return e as JobError;
  }
  throw new Error(`expected ${JSON.stringify(operation)} to be refused`);
}

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('CreateJob checks of the new operations', () => {
  it('accepts what the model and the docs allow', () => {
    for (const op of [
      { S3InitiateRestoreObject: { ExpirationInDays: 1, GlacierJobTier: 'BULK' } },
      { S3InitiateRestoreObject: { ExpirationInDays: 30 } },
      { S3PutObjectLegalHold: { LegalHold: { Status: 'OFF' } } },
      { S3PutObjectRetention: { Retention: {} } },
      { S3PutObjectRetention: { Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date() } } },
      { S3ComputeObjectChecksum: { ChecksumAlgorithm: 'SHA512', ChecksumType: 'FULL_OBJECT' } },
      { S3ComputeObjectChecksum: { ChecksumAlgorithm: 'CRC32C', ChecksumType: 'COMPOSITE' } },
      {
        S3UpdateObjectEncryption: {
          ObjectEncryption: { SSEKMS: { KMSKeyArn: KEY, BucketKeyEnabled: false } },
        },
      },
    ]) {
      expect(() => check(op), JSON.stringify(op)).not.toThrow();
    }
  });

  it.each([
    [{ S3InitiateRestoreObject: {} }, 'ExpirationInDays'],
    [{ S3InitiateRestoreObject: { ExpirationInDays: 1.5 } }, 'ExpirationInDays'],
    [{ S3InitiateRestoreObject: { ExpirationInDays: 1, GlacierJobTier: 'EXPEDITED' } }, 'GlacierJobTier'],
    [{ S3PutObjectLegalHold: { LegalHold: { Status: 'on' } } }, 'LegalHold.Status'],
    [{ S3PutObjectRetention: {} }, 'Retention'],
    [{ S3PutObjectRetention: { Retention: { RetainUntilDate: new Date() } } }, 'Retention'],
    [{ S3PutObjectRetention: { Retention: { Mode: 'LEGAL', RetainUntilDate: new Date() } } }, 'Mode'],
    [{ S3ComputeObjectChecksum: { ChecksumType: 'FULL_OBJECT' } }, 'ChecksumAlgorithm'],
    [
      { S3ComputeObjectChecksum: { ChecksumAlgorithm: 'XXHASH128', ChecksumType: 'COMPOSITE' } },
      'ChecksumType',
    ],
    [{ S3ComputeObjectChecksum: { ChecksumAlgorithm: 'SHA512', ChecksumType: 'COMPOSITE' } }, 'ChecksumType'],
    [{ S3UpdateObjectEncryption: { ObjectEncryption: {} } }, 'ObjectEncryption'],
    [
      { S3UpdateObjectEncryption: { ObjectEncryption: { SSEKMS: { KMSKeyArn: 'alias/mine' } } } },
      'KMSKeyArn',
    ],
    [
      { S3UpdateObjectEncryption: { ObjectEncryption: { SSEKMS: { KMSKeyArn: `${KEY}/extra path` } } } },
      'KMSKeyArn',
    ],
  ])('refuses %j naming %s', (op, field) => {
    expect(refusal(op).message).toContain(field);
  });
});

describe('resultMessage', () => {
  it('gives the checksum in base64 and hex, with -N for a composite of N parts', () => {
    const digest = Buffer.from('00ff10', 'hex');
    expect(JSON.parse(resultMessage({ digest, etag: 'e' }, 'CRC32', 'FULL_OBJECT'))).toEqual({
      checksum_base64: 'AP8Q',
      etag: 'e',
      checksumAlgorithm: 'CRC32',
      checksumType: 'FULL_OBJECT',
      checksum_hex: '00ff10',
    });
    const composite = JSON.parse(resultMessage({ digest, etag: 'e-3', parts: 3 }, 'SHA1', 'COMPOSITE'));
    expect([composite.checksum_base64, composite.checksum_hex]).toEqual(['AP8Q-3', '00ff10-3']);
  });
});
