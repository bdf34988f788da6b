import type { JobListDescriptor } from '@aws-sdk/client-s3-control';
import { type JobSummary, JobSummary as JobSummarySchema } from '@batchops/contracts';

/** S3 Control JobListDescriptor → the console's JobSummary (validated, so bad upstream data fails loudly). */
export function toJobSummary(d: JobListDescriptor): JobSummary {
  return JobSummarySchema.parse({
    jobId: d.JobId,
    description: d.Description ?? null,
    operation: d.Operation ?? null,
    priority: d.Priority ?? 0,
    status: d.Status,
    creationTime: d.CreationTime?.toISOString(),
    terminationDate: d.TerminationDate?.toISOString() ?? null,
    progress: {
      totalTasks: d.ProgressSummary?.TotalNumberOfTasks ?? null,
      succeeded: d.ProgressSummary?.NumberOfTasksSucceeded ?? 0,
      failed: d.ProgressSummary?.NumberOfTasksFailed ?? 0,
      elapsedActiveSeconds: d.ProgressSummary?.Timers?.ElapsedTimeInActiveSeconds ?? null,
    },
  });
}
