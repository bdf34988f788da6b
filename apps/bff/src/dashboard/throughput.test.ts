import { describe, expect, it } from 'vitest';
import type { JobSample } from '../jobs/live/progress-history.js';
import { throughputOf } from './throughput.js';

const NOW = Date.UTC(2030, 0, 1, 12);
const s = (jobId: string, secondsAgo: number, succeeded: number, failed = 0): JobSample => ({
  jobId,
  at: new Date(NOW - secondsAgo * 1000).toISOString(),
  status: 'Active',
  succeeded,
  failed,
  totalTasks: 10_000,
});

describe('throughputOf', () => {
  it('adds the jobs together, spreading each interval over the minutes it covers', () => {
    // Job a: 1,200 tasks over the last two minutes; job b: 600 over the last minute, 60 of them failed.
    const samples = [s('a', 120, 0), s('a', 0, 1200), s('b', 60, 0), s('b', 0, 540, 60)];
    const { points, failureRate } = throughputOf(samples, NOW, 180_000, 60_000);
    expect(points.map((p) => p.tasksPerSecond)).toEqual([0, 10, 20]);
    expect(points.map((p) => p.failedPerSecond)).toEqual([0, 0, 1]);
    expect(points.at(-1)?.at).toBe(new Date(NOW).toISOString());
    expect(failureRate).toBeCloseTo(60 / 1800);
  });

  it('counts only the part of an interval inside the window, and never across two jobs', () => {
    const samples = [s('a', 240, 0), s('a', 60, 1800), s('b', 30, 5000)];
    const { points } = throughputOf(samples, NOW, 120_000, 60_000);
    // 1,800 tasks over 180 s: 10/s; the window sees 60 s of it (the first minute), none after.
    expect(points.map((p) => p.tasksPerSecond)).toEqual([10, 0]);
  });

  it('has no failure rate when nothing was done', () => {
    expect(throughputOf([s('a', 30, 5), s('a', 0, 5)], NOW).failureRate).toBeNull();
  });
});
