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
