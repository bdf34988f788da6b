import type { JobSummary, QueuedJob } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { activeRows } from './job-tables';

const job = (jobId: string, status: JobSummary['status']): JobSummary => ({
  jobId,
  description: null,
  operation: null,
  priority: 1,
  status,
  creationTime: '2030-01-01T00:00:00.000Z',
  terminationDate: null,
  progress: { totalTasks: null, succeeded: 0, failed: 0, elapsedActiveSeconds: null },
});

describe('activeRows', () => {
  it("keeps the scheduler's queue order and places first, then the other active jobs by status", () => {
    const queue: QueuedJob[] = [
      { ...job('b', 'Active'), queueState: 'Running' },
      { ...job('a', 'Paused'), queueState: 'Paused by a higher priority' },
    ];
    const active = [job('a', 'Paused'), job('c', 'Preparing'), job('b', 'Active')];
    expect(activeRows(queue, active).map((r) => [r.jobId, r.place, r.state])).toEqual([
      ['b', 1, 'Running'],
      ['a', 2, 'Paused by a higher priority'],
      ['c', null, 'Preparing'],
    ]);
  });
});
