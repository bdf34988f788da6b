import { describe, expect, it } from 'vitest';
import { toJobDetails } from '../jobs-mapping.js';
import { bffOperations, fromSdkOperation, toSdkOperation } from './operation-registry.js';

const described = (Operation: object) => ({
  JobId: 'j1',
  Status: 'Suspended' as const,
  Priority: 1,
  CreationTime: new Date(0),
  Operation,
});

describe('the BFF operation registry', () => {
  it('names a distinct JobOperation member for every wizard operation', () => {
    const names = Object.values(bffOperations).map((m) => m.sdkName);
    expect(new Set(names).size).toBe(names.length);
    for (const [type, m] of Object.entries(bffOperations)) expect(m.type).toBe(type);
  });

  it('writes the member of the operation and reads it back', () => {
    const op = { type: 'legalHold', status: 'OFF' } as const;
    expect(toSdkOperation(op)).toEqual({ S3PutObjectLegalHold: { LegalHold: { Status: 'OFF' } } });
    expect(fromSdkOperation(toSdkOperation(op))).toEqual(op);
  });

  it('reads nothing from an operation no module knows, or one missing what the wizard needs', () => {
    expect(fromSdkOperation({ S3PutObjectAcl: { AccessControlPolicy: {} } })).toBeNull();
    expect(fromSdkOperation({})).toBeNull();
  });

  it('gives the job page the typed operation, built by the same mapping as Clone', () => {
    const details = toJobDetails(
      described({ S3InitiateRestoreObject: { ExpirationInDays: 3, GlacierJobTier: 'STANDARD' } }),
      [],
    );
    expect(details.operationModel).toEqual({
      type: 'restore',
      expirationInDays: 3,
      glacierJobTier: 'STANDARD',
    });
    // A job the wizard could not have made (no KMS key) keeps its raw parameters only.
    const raw = toJobDetails(described({ S3UpdateObjectEncryption: { ObjectEncryption: {} } }), []);
    expect(raw.operationModel).toBeNull();
    expect(raw.operation).toBe('S3UpdateObjectEncryption');
  });
});
