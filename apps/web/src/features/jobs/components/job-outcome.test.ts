import { describe, expect, it } from 'vitest';
import { jobOutcome } from './job-outcome';

const job = {
  jobId: 'j1',
  status: 'Complete' as const,
  progress: { totalTasks: 540, succeeded: 0, failed: 540, elapsedActiveSeconds: 3 },
  failureReasons: [],
  suspendedCause: null,
  statusUpdateReason: null,
};

describe('jobOutcome', () => {
  it('warns, with the top error code, when a Complete job has failed tasks', () => {
    expect(jobOutcome(job, { errorCode: 'AccessDenied', count: 540 })).toEqual({
      type: 'warning',
      header: 'Job j1 completed with failures',
      content: 'Failed 540 (100 %). Most frequent error: AccessDenied (540 tasks).',
    });
  });

  it('is a success only when every task succeeded', () => {
    const ok = { ...job, progress: { ...job.progress, succeeded: 540, failed: 0 } };
    expect(jobOutcome(ok)).toMatchObject({ type: 'success', content: '540 tasks succeeded.' });
  });

  it('gives a failed job its failure reasons', () => {
    const failed = {
      ...job,
      status: 'Failed' as const,
      failureReasons: [{ code: 'AccessDenied', reason: 'Cannot read the manifest' }],
    };
    expect(jobOutcome(failed)).toEqual({
      type: 'error',
      header: 'Job j1 failed',
      content: 'AccessDenied: Cannot read the manifest',
    });
  });

  it('says nothing while the job has not ended', () => {
    expect(jobOutcome({ ...job, status: 'Active' })).toBeNull();
  });
});
