import { describe, expect, it } from 'vitest';
import { toJobSummary } from './jobs-mapping.js';

describe('toJobSummary', () => {
  it('maps every member of a JobListDescriptor', () => {
    expect(
      toJobSummary({
        JobId: 'job-1',
        Description: 'tag',
        Operation: 'S3PutObjectTagging',
        Priority: 10,
        Status: 'Complete',
        CreationTime: new Date('2024-01-02T03:04:05.678Z'),
        TerminationDate: new Date('2024-01-02T04:05:06.000Z'),
        ProgressSummary: {
          TotalNumberOfTasks: 3,
          NumberOfTasksSucceeded: 2,
          NumberOfTasksFailed: 1,
          Timers: { ElapsedTimeInActiveSeconds: 7 },
        },
      }),
    ).toEqual({
      jobId: 'job-1',
      description: 'tag',
      operation: 'S3PutObjectTagging',
      priority: 10,
      status: 'Complete',
      creationTime: '2024-01-02T03:04:05.678Z',
      terminationDate: '2024-01-02T04:05:06.000Z',
      progress: { totalTasks: 3, succeeded: 2, failed: 1, elapsedActiveSeconds: 7 },
    });
  });

  it('fills what a job that has not been prepared yet lacks', () => {
    const s = toJobSummary({ JobId: 'job-2', Status: 'New', Priority: 1, CreationTime: new Date(0) });
    expect(s.progress).toEqual({ totalTasks: null, succeeded: 0, failed: 0, elapsedActiveSeconds: null });
    expect(s.description).toBeNull();
  });

  it('refuses a descriptor without a status', () => {
    expect(() => toJobSummary({ JobId: 'job-3', CreationTime: new Date(0) })).toThrow();
  });
});
