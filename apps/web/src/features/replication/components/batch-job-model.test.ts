import { describe, expect, it } from 'vitest';
import { roleTemplateRequestOf } from '../../../components/permissions/role-template-request';
import { batchJobModelOf, emptyBatchJobForm } from './batch-job-form';

const ROLE = 'arn:aws:iam::000000000000:role/batch';

describe('Batch Replication job form → the model pre-flight checks and the role template', () => {
  it('is the wizard model of a Replicate job over the bucket, and its template takes manifest, operation and report', () => {
    const form = { ...emptyBatchJobForm('new', 'src', 't1'), reportBucket: 'reports', roleArn: ROLE };
    const built = batchJobModelOf(form, 'src', 'us-east-1');
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.model).toMatchObject({
      roleArn: ROLE,
      operation: { type: 'replicate' },
      manifest: { format: 'replication', generator: { sourceBucket: 'src' } },
    });
    expect(roleTemplateRequestOf(built.model)).toEqual({
      region: 'us-east-1',
      manifest: built.model.manifest,
      operation: { type: 'replicate' },
      report: { enabled: true, bucket: 'reports', prefix: 'batch-replication/src', scope: 'FailedTasksOnly' },
    });
  });

  it('gives the field errors while the role is missing, so nothing is checked or created', () => {
    const built = batchJobModelOf(emptyBatchJobForm('new', 'src', 't1'), 'src', 'us-east-1');
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors.roleArn).toBeDefined();
  });
});
