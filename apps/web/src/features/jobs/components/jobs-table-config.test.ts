import { describe, expect, it } from 'vitest';
import { jobsColumnDefinitions, jobsColumnsForWidth } from './jobs-table-config';

const ids = (narrow: boolean) =>
  jobsColumnsForWidth(
    jobsColumnDefinitions(
      (id) => id,
      () => {},
    ),
    narrow,
  ).map((c) => c.id);

describe('jobsColumnsForWidth', () => {
  it('puts status and progress next to the job ID on a narrow screen, the rest after in their order', () => {
    expect(ids(true).slice(0, 3)).toEqual(['jobId', 'status', 'progress']);
    expect(ids(true).slice(3)).toEqual(
      ids(false).filter((id) => !['jobId', 'status', 'progress'].includes(id ?? '')),
    );
  });
  it('keeps the console order on a wide screen', () => {
    expect(ids(false).slice(0, 4)).toEqual(['jobId', 'description', 'status', 'progress']);
  });
});
