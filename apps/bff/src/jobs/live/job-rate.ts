import { isEnded } from '@batchops/batch-formats';
import type { JobSummary, ProgressSample } from '@batchops/contracts';
import { type ProgressHistory, STEADY_SAMPLE_MS } from './progress-history.js';

/** Throughput is measured over this window. */
export const RATE_WINDOW_MS = 10_000;

export interface JobRate {
  /** Tasks per second over the last RATE_WINDOW_MS; null until two samples exist. */
  readonly ratePerSecond: number | null;
  /** Seconds until every task is done at that rate; null when unknown. */
  readonly etaSeconds: number | null;
}

const doneOf = (s: Pick<ProgressSample, 'succeeded' | 'failed'>) => s.succeeded + s.failed;

/**
 * A job's rate and ETA from its samples (oldest first, the last one now): the tasks done since the
 * last sample at or before the window's start (a sample is kept at every change, so this is exact
 * to one poll), over the time since then.
 */
export function rateOf(
  job: Pick<JobSummary, 'status' | 'progress'>,
  samples: readonly ProgressSample[],
): JobRate {
  const last = samples.at(-1);
  const { totalTasks } = job.progress;
  const done = doneOf(job.progress);
  const remaining = totalTasks === null ? null : Math.max(0, totalTasks - done);
  let rate: number | null = null;
  if (last && samples.length > 1) {
    const end = Date.parse(last.at);
    const from = samples.findLast((s) => Date.parse(s.at) <= end - RATE_WINDOW_MS) ?? samples[0];
    const seconds = from ? (end - Date.parse(from.at)) / 1000 : 0;
    if (from && seconds > 0) rate = Math.max(0, doneOf(last) - doneOf(from)) / seconds;
  }
  const eta =
    remaining === 0
      ? 0
      : remaining !== null && rate !== null && rate > 0 && job.status === 'Active'
        ? remaining / rate
        : null;
  return {
    ratePerSecond: rate === null ? null : Math.round(rate * 100) / 100,
    etaSeconds: eta === null ? null : Math.round(eta),
  };
}

/** The jobs with their rate and ETA from the Region's recent samples (ended jobs have neither). */
export function withRates<T extends JobSummary>(
  history: ProgressHistory,
  region: string,
  jobs: readonly T[],
  now: number,
): T[] {
  const recent = new Map<string, ProgressSample[]>();
  for (const s of history.samplesSince(region, now - RATE_WINDOW_MS - STEADY_SAMPLE_MS))
    recent.set(s.jobId, [...(recent.get(s.jobId) ?? []), s]);
  return jobs.map((j) =>
    isEnded(j.status)
      ? { ...j, ratePerSecond: null, etaSeconds: null }
      : { ...j, ...rateOf(j, recent.get(j.jobId) ?? []) },
  );
}
