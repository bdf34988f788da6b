import { JOB_STATUSES } from '@batchops/batch-formats';
import { describe, expect, it } from 'vitest';
import { ApiError, toFieldErrors } from './errors.js';
import { JobStatus, JobSummary, ListJobsQuery } from './jobs.js';

describe('JobStatus', () => {
  it('is the batch-formats list of statuses, in its order', () => {
    expect(JobStatus.options).toEqual([...JOB_STATUSES]);
  });
});

describe('ListJobsQuery', () => {
  it('accepts one status or many and normalises to an array', () => {
    expect(ListJobsQuery.parse({}).status).toEqual([]);
    expect(ListJobsQuery.parse({ status: 'Active' }).status).toEqual(['Active']);
    expect(ListJobsQuery.parse({ status: ['Active', 'Suspended'] }).status).toEqual(['Active', 'Suspended']);
  });

  it('rejects a status the model does not have, naming the field', () => {
    const r = ListJobsQuery.safeParse({ status: 'Running' });
    expect(r.success).toBe(false);
    if (!r.success) {
      const [err] = toFieldErrors(r.error.issues);
      expect(err?.field).toBe('status.0');
      expect(err?.message).toContain('Suspended');
    }
  });
});

describe('JobSummary', () => {
  it('requires ISO timestamps', () => {
    const base = {
      jobId: 'abcde',
      description: null,
      operation: 'S3PutObjectTagging',
      priority: 10,
      status: 'Complete',
      terminationDate: null,
      progress: { totalTasks: 1, succeeded: 1, failed: 0, elapsedActiveSeconds: 1 },
    };
    expect(JobSummary.safeParse({ ...base, creationTime: '2024-01-02T03:04:05.678Z' }).success).toBe(true);
    expect(JobSummary.safeParse({ ...base, creationTime: 'yesterday' }).success).toBe(false);
  });
});

describe('ApiError', () => {
  it('defaults fieldErrors to an empty list', () => {
    expect(ApiError.parse({ code: 'NotFound', message: 'x' }).fieldErrors).toEqual([]);
  });
});

describe('ListJobsQuery filters and paging', () => {
  it('coerces paging from the query string and defaults the sort', () => {
    expect(ListJobsQuery.parse({ page: '3', pageSize: '20', tagKey: ' team ' })).toMatchObject({
      page: 3,
      pageSize: 20,
      tagKey: 'team',
      sortBy: 'creationTime',
      sortOrder: 'desc',
    });
    const r = ListJobsQuery.safeParse({ pageSize: '5000', sortBy: 'size' });
    // No error (a success) fails the comparison too.
    expect(
      r.error &&
        toFieldErrors(r.error.issues)
          .map((f) => f.field)
          .sort(),
    ).toEqual(['pageSize', 'sortBy']);
  });
});
