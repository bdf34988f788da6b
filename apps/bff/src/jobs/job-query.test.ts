import { type JobSummary, ListJobsQuery } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { matchesTags, matchesText, matchesWithoutTags, sortAndPage } from './job-query.js';

const job = (id: string, over: Partial<JobSummary> = {}): JobSummary => ({
  jobId: id,
  description: null,
  operation: 'S3PutObjectTagging',
  priority: 10,
  status: 'Suspended',
  creationTime: '2024-01-01T00:00:00.000Z',
  terminationDate: null,
  progress: { totalTasks: 1, succeeded: 0, failed: 0, elapsedActiveSeconds: 0 },
  ...over,
});

describe('job list query', () => {
  it('matches every description word, any case, and parts of job IDs', () => {
    const j = job('abc-123', { description: 'Nightly invoice archive' });
    expect(matchesWithoutTags(j, ListJobsQuery.parse({ description: 'ARCHIVE nightly' }))).toBe(true);
    expect(matchesWithoutTags(j, ListJobsQuery.parse({ description: 'archive weekly' }))).toBe(false);
    expect(matchesWithoutTags(j, ListJobsQuery.parse({ jobId: 'C-12' }))).toBe(true);
    expect(matchesWithoutTags(j, ListJobsQuery.parse({ status: ['Active'] }))).toBe(false);
    expect(matchesWithoutTags(j, ListJobsQuery.parse({ operation: 'S3PutObjectAcl' }))).toBe(false);
  });

  it('lists a Complete job under CompletedWith(out)Failures by its failed tasks, and by when it ended', () => {
    const now = Date.parse('2024-01-08T00:00:00.000Z');
    const clean = job('a', { status: 'Complete', terminationDate: '2024-01-07T12:00:00.000Z' });
    const failed = job('b', {
      status: 'Complete',
      terminationDate: '2024-01-01T00:00:00.000Z',
      progress: { totalTasks: 2, succeeded: 1, failed: 1, elapsedActiveSeconds: 1 },
    });
    const q = (o: Record<string, unknown>) => ListJobsQuery.parse(o);
    expect(matchesWithoutTags(clean, q({ status: ['CompletedWithoutFailures'] }), now)).toBe(true);
    expect(matchesWithoutTags(failed, q({ status: ['CompletedWithoutFailures'] }), now)).toBe(false);
    expect(matchesWithoutTags(failed, q({ status: ['CompletedWithFailures'] }), now)).toBe(true);
    expect(matchesWithoutTags(clean, q({ status: ['Complete'] }), now)).toBe(true);
    expect(matchesWithoutTags(failed, q({ status: ['Complete'] }), now)).toBe(true);
    // Ended 12 h ago: within 24 h; ended 7 days ago: within 168 h, not 167; never ended: never within.
    expect(matchesWithoutTags(clean, q({ endedWithinHours: '24' }), now)).toBe(true);
    expect(matchesWithoutTags(failed, q({ endedWithinHours: '24' }), now)).toBe(false);
    expect(matchesWithoutTags(failed, q({ endedWithinHours: '168' }), now)).toBe(true);
    expect(matchesWithoutTags(failed, q({ endedWithinHours: '167' }), now)).toBe(false);
    expect(matchesWithoutTags(job('c'), q({ endedWithinHours: '168' }), now)).toBe(false);
  });

  it('needs key and value on the same tag', () => {
    const tags = [
      { key: 'team', value: 'blue' },
      { key: 'env', value: 'prod' },
    ];
    expect(matchesTags(tags, ListJobsQuery.parse({ tagKey: 'Team', tagValue: 'BLUE' }))).toBe(true);
    expect(matchesTags(tags, ListJobsQuery.parse({ tagKey: 'team', tagValue: 'prod' }))).toBe(false);
    expect(matchesTags(tags, ListJobsQuery.parse({ tagValue: 'prod' }))).toBe(true);
    expect(matchesTags([], ListJobsQuery.parse({ tagKey: 'team' }))).toBe(false);
  });

  it('matches free text against ID prefix, description, tag token, status and operation', () => {
    const j = job('abc-123', { description: 'Nightly archive', status: 'Complete' });
    const tags = [{ key: 'team', value: 'Blue' }];
    const text = (t: string) => matchesText(j, tags, ListJobsQuery.parse({ text: t }));
    expect(text('ABC-1')).toBe(true);
    expect(text('123')).toBe(false); // an ID fragment that is not a prefix finds nothing
    expect(text('nightly team=blue')).toBe(true);
    expect(text('team=red')).toBe(false);
    expect(text('complete tagging')).toBe(true);
    expect(text('active')).toBe(false);
    expect(text('archive weekly')).toBe(false);
  });

  it('sorts with ties newest first, pages and counts', () => {
    const jobs = [
      job('a', { priority: 5, creationTime: '2024-01-01T00:00:00.000Z' }),
      job('b', { priority: 5, creationTime: '2024-01-03T00:00:00.000Z' }),
      job('c', { priority: 1, description: 'zed' }),
      job('d', { priority: 9, description: 'Alpha' }),
    ];
    const q = (o: object) => ListJobsQuery.parse(o);
    expect(sortAndPage(jobs, q({ sortBy: 'priority', sortOrder: 'asc' })).page.map((j) => j.jobId)).toEqual([
      'c',
      'b',
      'a',
      'd',
    ]);
    expect(
      sortAndPage(jobs, q({ sortBy: 'description', sortOrder: 'asc' })).page.map((j) => j.jobId),
    ).toEqual(['d', 'c', 'b', 'a']);
    const page2 = sortAndPage(jobs, q({ pageSize: 3, page: 2 }));
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.page).toHaveLength(1);
  });
});
