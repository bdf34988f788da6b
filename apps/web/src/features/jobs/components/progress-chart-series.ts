import { isEnded } from '@batchops/batch-formats';
import type { JobDetails, ProgressSample } from '@batchops/contracts';

export interface ChartPoint {
  readonly x: Date;
  readonly y: number;
}

/**
 * Succeeded and failed tasks over time: the samples, anchored at the job's creation (nothing done)
 * and, once it ended, at its termination with the final counts — so a job nobody watched still
 * has a line.
 */
export function progressSeries(
  samples: readonly ProgressSample[],
  job: Pick<JobDetails, 'creationTime' | 'terminationDate' | 'status' | 'progress'>,
): { succeeded: ChartPoint[]; failed: ChartPoint[] } {
  const points: { t: number; succeeded: number; failed: number }[] = samples.map((s) => ({
    t: Date.parse(s.at),
    succeeded: s.succeeded,
    failed: s.failed,
  }));
  const created = Date.parse(job.creationTime);
  if (!Number.isNaN(created) && (points.length === 0 || (points[0]?.t ?? 0) > created))
    points.unshift({ t: created, succeeded: 0, failed: 0 });
  const ended = job.terminationDate ? Date.parse(job.terminationDate) : Number.NaN;
  if (isEnded(job.status) && !Number.isNaN(ended) && (points.at(-1)?.t ?? 0) < ended)
    points.push({ t: ended, succeeded: job.progress.succeeded, failed: job.progress.failed });
  points.sort((a, b) => a.t - b.t);
  return {
    succeeded: points.map((p) => ({ x: new Date(p.t), y: p.succeeded })),
    failed: points.map((p) => ({ x: new Date(p.t), y: p.failed })),
  };
}
