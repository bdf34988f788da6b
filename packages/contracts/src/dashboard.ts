import { z } from 'zod';
import { DeniedActionCount, ErrorCodeCount } from './job-report.js';
import { JobSummary, RegionName } from './jobs.js';

/** Query of GET /api/dashboard. */
export const DashboardQuery = z.object({ region: RegionName.optional() });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Where a job stands in the scheduler's queue (batch-formats' schedulingQueue order). */
export const QueueState = z.enum(['Running', 'Paused by a higher priority', 'Ready']);
export type QueueState = z.infer<typeof QueueState>;

export const QueuedJob = JobSummary.extend({ queueState: QueueState });
export type QueuedJob = z.infer<typeof QueuedJob>;

/** Tasks done per second over one interval of the chart, all jobs of the Region together. */
export const ThroughputPoint = z.object({
  at: z.string().datetime(),
  tasksPerSecond: z.number().nonnegative(),
  failedPerSecond: z.number().nonnegative(),
});
export type ThroughputPoint = z.infer<typeof ThroughputPoint>;

/** Jobs that ended in a period, by how they ended, and the tasks they processed. */
export const PeriodTotals = z.object({
  completed: z.number().int().nonnegative(),
  completedWithFailures: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  tasksSucceeded: z.number().int().nonnegative(),
  tasksFailed: z.number().int().nonnegative(),
});
export type PeriodTotals = z.infer<typeof PeriodTotals>;

/** An error code's failures across the jobs whose reports have it. */
export const ErrorCodeAcrossJobs = ErrorCodeCount.extend({
  jobs: z.array(z.object({ jobId: z.string(), count: z.number().int().positive() })),
});
export type ErrorCodeAcrossJobs = z.infer<typeof ErrorCodeAcrossJobs>;

/** AccessDenied failures of one action across jobs. */
export const DeniedActionAcrossJobs = DeniedActionCount.extend({ jobIds: z.array(z.string()) });
export type DeniedActionAcrossJobs = z.infer<typeof DeniedActionAcrossJobs>;

/** GET /api/dashboard — the Region's jobs now and over the last 24 hours / 7 days. */
export const DashboardResponse = z.object({
  region: z.string(),
  at: z.string().datetime(),
  /** Jobs not ended and not awaiting confirmation, with rate and ETA; newest first. */
  active: z.array(JobSummary),
  awaitingConfirmation: z.array(JobSummary),
  /** Ready, Active, Pausing and Paused jobs in the order the scheduler runs them. */
  queue: z.array(QueuedJob),
  /** Per minute over the last hour, oldest first (from the console's progress samples). */
  throughput: z.array(ThroughputPoint),
  /** Tasks per second of the running jobs now (their rates added). */
  tasksPerSecond: z.number().nonnegative(),
  /** Failed tasks / tasks done over the last hour's samples; null when none were done. */
  failureRate: z.number().min(0).max(1).nullable(),
  last24Hours: PeriodTotals,
  last7Days: PeriodTotals,
  /** Error codes in the completion reports of jobs ended in the last 7 days, most frequent first. */
  errorCodes: z.array(ErrorCodeAcrossJobs),
  deniedActions: z.array(DeniedActionAcrossJobs),
  /** Jobs ended with failures whose report could not be read (none written, or unreadable). */
  reportsUnread: z.array(z.string()),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
