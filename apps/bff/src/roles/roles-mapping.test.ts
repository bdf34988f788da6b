import { describe, expect, it } from 'vitest';
import {
  batchOperationsTrustPolicy,
  parsePolicyDocument,
  toRoleSummary,
  trustsBatchOperations,
} from './roles-mapping.js';

const trust = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });

describe('roles mapping', () => {
  it('reads a URL-encoded policy document as IAM returns it, and a plain one', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    };
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(parsePolicyDocument(JSON.stringify(doc))).toEqual(doc);
    expect(parsePolicyDocument('%E0%A4%A')).toBeNull();
    expect(parsePolicyDocument(undefined)).toBeNull();
  });

  it('a role trusts Batch Operations when an unconditional Allow names its service principal and sts:AssumeRole', () => {
    const ok = {
      Effect: 'Allow',
      Principal: { Service: 'batchoperations.s3.amazonaws.com' },
      Action: 'sts:AssumeRole',
    };
    expect(trustsBatchOperations(trust(ok))).toBe(true);
    expect(
      trustsBatchOperations(
        trust({
          ...ok,
          Principal: { Service: ['lambda.amazonaws.com', 'batchoperations.s3.amazonaws.com'] },
        }),
      ),
    ).toBe(true);
    expect(trustsBatchOperations(trust({ ...ok, Principal: { Service: 'lambda.amazonaws.com' } }))).toBe(
      false,
    );
    expect(trustsBatchOperations(trust({ ...ok, Action: 'sts:TagSession' }))).toBe(false);
    expect(trustsBatchOperations({ Statement: [ok, { ...ok, Effect: 'Deny' }] })).toBe(false);
    expect(trustsBatchOperations(null)).toBe(false);
  });

  it('a role summary says whether it trusts Batch Operations', () => {
    const s = toRoleSummary({
      RoleName: 'r',
      Arn: 'arn:aws:iam::000000000000:role/r',
      Path: '/',
      RoleId: 'AROA',
      CreateDate: new Date('2026-01-01T00:00:00Z'),
      AssumeRolePolicyDocument: encodeURIComponent(
        JSON.stringify(
          trust({
            Effect: 'Allow',
            Principal: { Service: 'batchoperations.s3.amazonaws.com' },
            Action: 'sts:AssumeRole',
          }),
        ),
      ),
    });
    expect(s).toEqual({
      name: 'r',
      arn: 'arn:aws:iam::000000000000:role/r',
      path: '/',
      createDate: '2026-01-01T00:00:00.000Z',
      description: null,
      trustsBatchOperations: true,
    });
  });

  it('the template trust policy lets batchoperations.s3.amazonaws.com assume the role', () => {
    expect(batchOperationsTrustPolicy()).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'batchoperations.s3.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect(trustsBatchOperations(batchOperationsTrustPolicy())).toBe(true);
  });
});
