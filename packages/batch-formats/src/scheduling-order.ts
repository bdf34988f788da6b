// The order in which the engine's scheduler gives workers to jobs; the console's queue view reads the
// same function, so what the dashboard shows is what runs next.
import { isRunning, type JobStatus } from './job-status.js';

export interface SchedulingKey {
  readonly priority: number;
  /** Milliseconds since the epoch. */
  readonly creationTime: number;
}

/** Higher priority first; among equals the oldest job first. */
export const compareSchedulingOrder = (a: SchedulingKey, b: SchedulingKey): number =>
  b.priority - a.priority || a.creationTime - b.creationTime;

/**
 * The jobs the scheduler runs or will run (Ready, Active, Pausing, Paused) in its order: the first
 * ones of the top priority hold the workers, the rest wait (paused by a higher priority, or ready).
 */
export function schedulingQueue<T extends { readonly status: JobStatus | string }>(
  jobs: readonly T[],
  keyOf: (job: T) => SchedulingKey,
): T[] {
  return jobs.filter((j) => isRunning(j.status)).sort((a, b) => compareSchedulingOrder(keyOf(a), keyOf(b)));
}
