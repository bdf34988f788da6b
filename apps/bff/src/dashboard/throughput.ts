import type { ThroughputPoint } from '@batchops/contracts';
import type { JobSample } from '../jobs/live/progress-history.js';

export const HOUR_MS = 3_600_000;
export const STEP_MS = 60_000;

export interface Throughput {
  readonly points: ThroughputPoint[];
  /** Failed / done over the window; null when nothing was done. */
  readonly failureRate: number | null;
}

/**
 * Tasks per second of every job together, per `stepMs` from `now - windowMs` to `now`: between two
 * samples of a job its tasks are spread evenly over the time between them (samples come by job,
 * oldest first, as `ProgressHistory.samplesSince` returns them; earlier ones are clipped).
 */
export function throughputOf(
  samples: readonly JobSample[],
  now: number,
  windowMs = HOUR_MS,
  stepMs = STEP_MS,
): Throughput {
  const buckets = Math.ceil(windowMs / stepMs);
  const start = now - buckets * stepMs;
  const done = new Array<number>(buckets).fill(0);
  const failed = new Array<number>(buckets).fill(0);
  let doneTotal = 0;
  let failedTotal = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1] as JobSample;
    const b = samples[i] as JobSample;
    if (a.jobId !== b.jobId) continue;
    const t0 = Date.parse(a.at);
    const t1 = Date.parse(b.at);
    const d = Math.max(0, b.succeeded + b.failed - a.succeeded - a.failed);
    const f = Math.max(0, b.failed - a.failed);
    if (t1 <= t0 || (d === 0 && f === 0)) continue;
    for (let k = Math.max(0, Math.floor((t0 - start) / stepMs)); k < buckets; k++) {
      const from = Math.max(t0, start + k * stepMs);
      const to = Math.min(t1, start + (k + 1) * stepMs);
      if (from >= t1) break;
      if (to <= from) continue;
      const share = (to - from) / (t1 - t0);
      done[k] = (done[k] as number) + d * share;
      failed[k] = (failed[k] as number) + f * share;
      doneTotal += d * share;
      failedTotal += f * share;
    }
  }
  const perSecond = (n: number) => Math.round((n / (stepMs / 1000)) * 100) / 100;
  return {
    points: done.map((n, k) => ({
      at: new Date(start + (k + 1) * stepMs).toISOString(),
      tasksPerSecond: perSecond(n),
      failedPerSecond: perSecond(failed[k] as number),
    })),
    failureRate: doneTotal > 0 ? Math.min(1, failedTotal / doneTotal) : null,
  };
}
