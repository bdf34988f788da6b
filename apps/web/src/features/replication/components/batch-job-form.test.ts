import { describe, expect, it } from 'vitest';
import { emptyBatchJobForm, toBatchJobRequest, withRunOption } from './batch-job-form';

const ROLE = 'arn:aws:iam::000000000000:role/batch';

describe('Batch Replication job form → request', () => {
  it('offers an automatic run, a failed-tasks report and NONE/FAILED (plus COMPLETED for a new destination)', () => {
    const form = { ...emptyBatchJobForm('new', 'src', 't1'), reportBucket: 'reports', roleArn: ROLE };
    expect(toBatchJobRequest(form)).toEqual({
      ok: true,
      request: {
        runOption: 'auto',
        manifest: { save: false, prefix: '' },
        report: {
          enabled: true,
          scope: 'FailedTasksOnly',
          bucket: 'reports',
          prefix: 'batch-replication/src',
        },
        replicationStatuses: ['NONE', 'FAILED'],
        roleArn: ROLE,
        priority: 10,
        clientRequestToken: 't1',
      },
    });
    expect(emptyBatchJobForm('destination', 'src', 't').replicationStatuses).toEqual([
      'NONE',
      'FAILED',
      'COMPLETED',
    ]);
  });

  it('saves the manifest only when the job waits to be run', () => {
    const waiting = withRunOption(
      { ...emptyBatchJobForm('existing', 'src', 't'), roleArn: ROLE, reportEnabled: false },
      'wait',
    );
    const saving = { ...waiting, saveManifest: true, manifestBucket: 'manifests', manifestPrefix: 'gen' };
    const res = toBatchJobRequest(saving);
    expect(res.ok && res.request).toMatchObject({
      runOption: 'wait',
      manifest: { save: true, bucket: 'manifests', prefix: 'gen' },
      report: { enabled: false },
    });
    // Switching to "runs automatically" turns saving off again.
    expect(withRunOption(saving, 'auto').saveManifest).toBe(false);
  });

  it('names the missing report and manifest buckets and a bad role', () => {
    const form = {
      ...withRunOption(emptyBatchJobForm('new', 'src', 't'), 'wait'),
      saveManifest: true,
      roleArn: 'x',
    };
    const res = toBatchJobRequest(form);
    expect(!res.ok && Object.keys(res.errors).sort()).toEqual([
      'manifest.bucket',
      'report.bucket',
      'roleArn',
    ]);
  });
});
