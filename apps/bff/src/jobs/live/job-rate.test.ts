import type { ProgressSample } from '@batchops/contracts';
import { describe, expect, it } from 'vitest';
import { RATE_WINDOW_MS, rateOf } from './job-rate.js';

const T0 = Date.UTC(2030, 0, 1);
const at = (ms: number, succeeded: number): ProgressSample => ({
  at: new Date(T0 + ms).toISOString(),
  status: 'Active',
  succeeded,
  failed: 0,
  totalTasks: 1000,
});
const active = (done: number) => ({
  status: 'Active' as const,
  progress: { totalTasks: 1000, succeeded: done, failed: 0, elapsedActiveSeconds: 1 },
});

describe('rateOf', () => {
  it('measures from the last sample at or before the window start, and gives the ETA at that rate', () => {
    const samples = [at(0, 0), at(2000, 100), at(2000 + RATE_WINDOW_MS, 600)];
    // 500 tasks over the 10 s since the sample at 2 s: 50/s; 400 left: 8 s.
    expect(rateOf(active(600), samples)).toEqual({ ratePerSecond: 50, etaSeconds: 8 });
  });

  it('knows no rate from one sample, and no ETA unless the job is Active', () => {
    expect(rateOf(active(10), [at(0, 10)])).toEqual({ ratePerSecond: null, etaSeconds: null });
    const paused = { ...active(100), status: 'Paused' as const };
    expect(rateOf(paused, [at(0, 0), at(1000, 100)])).toEqual({ ratePerSecond: 100, etaSeconds: null });
  });
});
