import { JOB_STATUSES } from '@batchops/batch-formats';
import { z } from 'zod';
import { OperationName } from './operations.js';
import { S3Tag } from './tags.js';

/** JobStatus enum of the S3 Control model (2018-08-20): batch-formats' list, pinned to the SDK there. */
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobProgress = z.object({
  totalTasks: z.number().int().nonnegative().nullable(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  elapsedActiveSeconds: z.number().int().nonnegative().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** One row of the job list (S3 Control JobListDescriptor). Times are ISO-8601 strings. */
export const JobSummary = z.object({
  jobId: z.string(),
  description: z.string().nullable(),
  operation: OperationName.nullable(),
  priority: z.number().int(),
  status: JobStatus,
  creationTime: z.string().datetime(),
  terminationDate: z.string().datetime().nullable(),
  progress: JobProgress,
  /** Tasks per second over the last seconds, from the console's samples (absent or null: unknown). */
  ratePerSecond: z.number().nonnegative().nullable().optional(),
  /** Seconds until every task is done at that rate (absent or null: unknown). */
  etaSeconds: z.number().nonnegative().nullable().optional(),
});
export type JobSummary = z.infer<typeof JobSummary>;

/** A row of GET /api/jobs: the summary and the job's tags. */
export const JobListItem = JobSummary.extend({ tags: z.array(S3Tag) });
export type JobListItem = z.infer<typeof JobListItem>;

export const ListJobsResponse = z.object({
  jobs: z.array(JobListItem),
  /** Jobs matching the filter, over all pages. */
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type ListJobsResponse = z.infer<typeof ListJobsResponse>;

/** A query value that may repeat (`?status=Active&status=Suspended`); one value arrives as a string. */
const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** An AWS Region name such as us-east-1. */
export const RegionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a Region such as us-east-1');

const optionalText = z.string().trim().max(1024).optional();

export const jobSortFields = ['creationTime', 'priority', 'status', 'description'] as const;
export const JobSortField = z.enum(jobSortFields);
export type JobSortField = z.infer<typeof JobSortField>;

/** Query of GET /api/jobs, parsed at the BFF boundary. Text filters match case-insensitively. */
/** The console's status of a Complete job with failed tasks (batch-formats' consoleStatus says "Completed with failures"). */
export const COMPLETED_WITH_FAILURES = 'CompletedWithFailures';
/** What the job list filters on: a JobStatus, or Complete jobs with or without failed tasks. */
/** A Complete job with no failed task (the console's plain "Complete"; the dashboard counts them apart). */
export const COMPLETED_WITHOUT_FAILURES = 'CompletedWithoutFailures';
export const ListStatus = z.enum([...JOB_STATUSES, COMPLETED_WITH_FAILURES, COMPLETED_WITHOUT_FAILURES]);
export type ListStatus = z.infer<typeof ListStatus>;

/** An error code of a completion report (S3 / Lambda codes: letters, digits, dots). */
export const ErrorCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.()-]{1,128}$/, 'must be an error code such as NoSuchKey');

export const ListJobsQuery = z.object({
  status: repeated(ListStatus),
  operation: repeated(OperationName),
  /** Free text: every word must match the job's ID (prefix), description, a tag (`key=value`, key or value), status or operation. */
  text: optionalText,
  /** Words of the description (every word must occur). */
  description: optionalText,
  /** Part of the job ID. */
  jobId: optionalText,
  /** A job tag key (exact, case-insensitive). */
  tagKey: optionalText,
  /** A job tag value (exact, case-insensitive; with tagKey, the value of that key). */
  tagValue: optionalText,
  /** Jobs whose completion report has failures with this error code (ended in the last 7 days). */
  errorCode: ErrorCode.optional(),
  /** Jobs that ended in the last so many hours (the dashboard's 24 h and 7 days). */
  endedWithinHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .optional(),
  sortBy: JobSortField.default('creationTime'),
  sortOrder: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
  /** The Region whose jobs to list; absent: the console's Region. */
  region: RegionName.optional(),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuery>;
