import type { JobSummary } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { periodTotals } from './dashboard-service.js';
import { deniedActionsAcross, errorCodesAcross, FailureIndex, type JobFailures } from './failure-index.js';

const job = (
  jobId: string,
  status: JobSummary['status'],
  endedHoursAgo: number | null,
  failed = 0,
): JobSummary => ({
  jobId,
  description: null,
  operation: 'S3PutObjectTagging',
  priority: 10,
  status,
  creationTime: new Date(Date.UTC(2030, 0, 1)).toISOString(),
  terminationDate:
    endedHoursAgo === null ? null : new Date(Date.UTC(2030, 0, 10) - endedHoursAgo * 3_600_000).toISOString(),
  progress: { totalTasks: 100, succeeded: 100 - failed, failed, elapsedActiveSeconds: 1 },
});

const perJob: JobFailures[] = [
  {
    jobId: 'a',
    errorCodes: [
      { errorCode: 'NoSuchKey', count: 5 },
      { errorCode: 'AccessDenied', count: 2 },
    ],
    deniedActions: [{ action: 's3:PutObjectTagging', count: 2, exampleResource: 'arn:aws:s3:::b/k' }],
  },
  {
    jobId: 'b',
    errorCodes: [
      { errorCode: 'AccessDenied', count: 9 },
      { errorCode: 'NoSuchKey', count: 1 },
    ],
    deniedActions: [
      { action: null, count: 4, exampleResource: null },
      { action: 's3:PutObjectTagging', count: 5, exampleResource: 'arn:aws:s3:::b/x' },
    ],
  },
];

describe('failures across jobs', () => {
  it('adds each error code over the jobs, most frequent first, with each job and its count', () => {
    expect(errorCodesAcross(perJob)).toEqual([
      {
        errorCode: 'AccessDenied',
        count: 11,
        jobs: [
          { jobId: 'b', count: 9 },
          { jobId: 'a', count: 2 },
        ],
      },
      {
        errorCode: 'NoSuchKey',
        count: 6,
        jobs: [
          { jobId: 'a', count: 5 },
          { jobId: 'b', count: 1 },
        ],
      },
    ]);
  });

  it('groups AccessDenied by the missing action across jobs, unnamed actions last', () => {
    expect(deniedActionsAcross(perJob)).toEqual([
      { action: 's3:PutObjectTagging', count: 7, exampleResource: 'arn:aws:s3:::b/k', jobIds: ['a', 'b'] },
      { action: null, count: 4, exampleResource: null, jobIds: ['b'] },
    ]);
  });

  it('reads each ended job once and answers null for a job without a readable report', async () => {
    const index = new FailureIndex();
    const reads: string[] = [];
    const read = async (jobId: string) => {
      reads.push(jobId);
      if (jobId === 'gone') throw new Error('NoSuchKey');
      return { errorCodes: [{ errorCode: 'NoSuchKey', count: 1 }], deniedActions: [] };
    };
    const jobs = [job('x', 'Complete', 1, 1), job('gone', 'Failed', 2, 100)];
    const first = await index.failuresOf(read, 'us-east-1', jobs);
    await index.failuresOf(read, 'us-east-1', jobs);
    expect(reads.sort()).toEqual(['gone', 'x']);
    expect(first.map((r) => [r.jobId, r.failures?.errorCodes.length ?? null])).toEqual([
      ['x', 1],
      ['gone', null],
    ]);
  });
});

describe('periodTotals', () => {
  it('counts the jobs that ended in the period by how they ended, with their tasks', () => {
    const jobs = [
      job('ok', 'Complete', 1),
      job('some-failed', 'Complete', 2, 7),
      job('failed', 'Failed', 3, 100),
      job('cancelled', 'Cancelled', 30),
      job('old', 'Complete', 200),
      job('running', 'Active', null),
    ];
    expect(periodTotals(jobs, Date.UTC(2030, 0, 10) - 24 * 3_600_000)).toEqual({
      completed: 1,
      completedWithFailures: 1,
      failed: 1,
      cancelled: 0,
      tasksSucceeded: 193,
      tasksFailed: 107,
    });
  });
});
