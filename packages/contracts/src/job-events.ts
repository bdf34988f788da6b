import { z } from 'zod';
import { ApiError } from './errors.js';
import { JobFailureReason } from './job-details.js';
import { JobProgress, JobStatus, JobSummary } from './jobs.js';

/** A job's status and progress at one moment, with the throughput of the last seconds. */
export const JobSnapshot = z.object({
  jobId: z.string(),
  status: JobStatus,
  priority: z.number().int(),
  progress: JobProgress,
  /** Tasks per second over the last seconds; null until two samples exist. */
  ratePerSecond: z.number().nonnegative().nullable(),
  /** Seconds until every task is done at that rate; null when unknown. */
  etaSeconds: z.number().nonnegative().nullable(),
  statusUpdateReason: z.string().nullable(),
  failureReasons: z.array(JobFailureReason),
  terminationDate: z.string().datetime().nullable(),
  at: z.string().datetime(),
});
export type JobSnapshot = z.infer<typeof JobSnapshot>;

/** SSE events of GET /api/jobs/:id/events and GET /api/jobs/events; the SSE `event:` is `type`. */
export const JobEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), job: JobSnapshot }),
  z.object({
    type: z.literal('jobs'),
    /** Jobs new or changed since the previous event (all of them in the first event). */
    changed: z.array(JobSummary),
    /** Jobs no longer listed. */
    removed: z.array(z.string()),
    total: z.number().int().nonnegative(),
    at: z.string().datetime(),
  }),
  z.object({ type: z.literal('error'), error: ApiError }),
]);
export type JobEvent = z.infer<typeof JobEvent>;

/** One point of a job's progress over time (the chart on the job's page). */
export const ProgressSample = JobProgress.pick({ succeeded: true, failed: true, totalTasks: true }).extend({
  at: z.string().datetime(),
  status: JobStatus,
});
export type ProgressSample = z.infer<typeof ProgressSample>;

/** GET /api/jobs/:id/progress — the samples the BFF took while someone watched the job, oldest first. */
export const ProgressHistoryResponse = z.object({
  jobId: z.string(),
  samples: z.array(ProgressSample),
});
export type ProgressHistoryResponse = z.infer<typeof ProgressHistoryResponse>;
