import type { ProgressSample } from '@batchops/contracts';

/** Samples kept per job: when full, every other one of the older half goes (the shape stays). */
export const MAX_SAMPLES = 240;
/** Jobs with a history at once; the least recently sampled job's history goes first. */
export const MAX_JOBS = 200;
/** While nothing changes, one sample this often (a flat stretch of the chart stays flat). */
export const STEADY_SAMPLE_MS = 5_000;

/**
 * The progress of jobs over time, as the live pollers read it (decision 0019): bounded in samples
 * per job and in jobs, kept in the BFF's memory so a reload of the job's page still draws the chart.
 */
export class ProgressHistory {
  private readonly jobs = new Map<string, ProgressSample[]>();

  constructor(
    private readonly maxSamples = MAX_SAMPLES,
    private readonly maxJobs = MAX_JOBS,
  ) {}

  /** Record a read of the job: kept when it differs from the last sample or the last is old. */
  record(key: string, sample: ProgressSample): void {
    let samples = this.jobs.get(key);
    if (samples) this.jobs.delete(key);
    else samples = [];
    // Re-inserted: the Map's order is least recently sampled first.
    this.jobs.set(key, samples);
    const last = samples.at(-1);
    const same =
      last !== undefined &&
      last.status === sample.status &&
      last.succeeded === sample.succeeded &&
      last.failed === sample.failed &&
      last.totalTasks === sample.totalTasks;
    if (same && Date.parse(sample.at) - Date.parse(last.at) < STEADY_SAMPLE_MS) return;
    samples.push(sample);
    if (samples.length > this.maxSamples) {
      const half = Math.floor(samples.length / 2);
      const older = samples.slice(0, half).filter((_, i) => i % 2 === 0);
      samples.splice(0, samples.length, ...older, ...samples.slice(half));
    }
    for (const k of this.jobs.keys()) {
      if (this.jobs.size <= this.maxJobs) break;
      this.jobs.delete(k);
    }
  }

  samples(key: string): ProgressSample[] {
    return [...(this.jobs.get(key) ?? [])];
  }

  get size(): number {
    return this.jobs.size;
  }
}
