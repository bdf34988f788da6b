import { describe, expect, it } from 'vitest';
import { progressSeries } from './progress-chart-series';

const job = {
  creationTime: '2026-12-02T10:00:00.000Z',
  terminationDate: null as string | null,
  status: 'Active' as const,
  progress: { totalTasks: 100, succeeded: 40, failed: 2, elapsedActiveSeconds: 10 },
};
const sample = (at: string, succeeded: number, failed = 0) => ({
  at,
  status: 'Active' as const,
  succeeded,
  failed,
  totalTasks: 100,
});

describe('progressSeries', () => {
  it('starts at the creation with nothing done, then follows the samples', () => {
    const s = progressSeries(
      [sample('2026-12-02T10:00:05.000Z', 10), sample('2026-12-02T10:00:10.000Z', 40, 2)],
      job,
    );
    expect(s.succeeded.map((p) => [p.x.toISOString(), p.y])).toEqual([
      ['2026-12-02T10:00:00.000Z', 0],
      ['2026-12-02T10:00:05.000Z', 10],
      ['2026-12-02T10:00:10.000Z', 40],
    ]);
    expect(s.failed.map((p) => p.y)).toEqual([0, 0, 2]);
  });

  it('ends an ended job at its termination with the final counts, even unwatched', () => {
    const s = progressSeries([], {
      ...job,
      status: 'Complete',
      terminationDate: '2026-12-02T10:05:00.000Z',
      progress: { ...job.progress, succeeded: 98, failed: 2 },
    });
    expect(s.succeeded.map((p) => p.y)).toEqual([0, 98]);
    expect(s.failed.map((p) => p.y)).toEqual([0, 2]);
  });
});
