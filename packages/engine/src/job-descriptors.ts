import type {
  JobDescriptor,
  JobListDescriptor,
  JobProgressSummary,
  OperationName,
} from '@aws-sdk/client-s3-control';
import { jobArn } from '@batchops/batch-formats';
import type { StoredJob, TaskResult } from './job-store.js';
import { JobError } from './job-types.js';

// The wire response shapes of DescribeJob and ListJobs, from a job as the engine keeps it.

/** ProgressSummary: committed counters plus results not committed yet; time in Active until `nowMs`. */
export function progressSummary(
  job: StoredJob,
  pending: readonly TaskResult[],
  nowMs: number,
): JobProgressSummary {
  const activeMs = job.activeMs + (job.activeSince !== null ? nowMs - job.activeSince : 0);
  const pendingOk = pending.filter((p) => p.ok).length;
  return {
    ...(job.totalTasks !== null ? { TotalNumberOfTasks: job.totalTasks } : {}),
    NumberOfTasksSucceeded: job.succeeded + pendingOk,
    NumberOfTasksFailed: job.failed + pending.length - pendingOk,
    Timers: { ElapsedTimeInActiveSeconds: Math.floor(activeMs / 1000) },
  };
}

/** DescribeJob's Job. */
export function jobDescriptor(job: StoredJob, progress: JobProgressSummary): JobDescriptor {
  const r = job.request;
  return {
    JobId: job.jobId,
    ConfirmationRequired: r.ConfirmationRequired !== false,
    ...(r.Description !== undefined ? { Description: r.Description } : {}),
    JobArn: jobArn(job.region, job.accountId, job.jobId),
    Status: job.status,
    ...(r.Manifest ? { Manifest: r.Manifest } : {}),
    Operation: r.Operation,
    Priority: job.priority,
    ProgressSummary: progress,
    ...(job.statusUpdateReason ? { StatusUpdateReason: job.statusUpdateReason } : {}),
    FailureReasons: job.failureReasons,
    Report: r.Report,
    CreationTime: new Date(job.creationTime),
    ...(job.terminationDate !== null ? { TerminationDate: new Date(job.terminationDate) } : {}),
    RoleArn: r.RoleArn,
    ...(job.suspendedDate !== null ? { SuspendedDate: new Date(job.suspendedDate) } : {}),
    ...(job.suspendedCause ? { SuspendedCause: job.suspendedCause } : {}),
    ...(r.ManifestGenerator ? { ManifestGenerator: r.ManifestGenerator } : {}),
    ...(job.generatedManifest
      ? {
          GeneratedManifestDescriptor: {
            Format: 'S3InventoryReport_CSV_20211130',
            Location: job.generatedManifest,
          },
        }
      : {}),
  };
}

/** One entry of ListJobs' Jobs. */
export function jobListDescriptor(job: StoredJob, progress: JobProgressSummary): JobListDescriptor {
  const operation = Object.keys(job.request.Operation ?? {})[0] as OperationName | undefined;
  return {
    JobId: job.jobId,
    ...(job.request.Description !== undefined ? { Description: job.request.Description } : {}),
    ...(operation ? { Operation: operation } : {}),
    Priority: job.priority,
    Status: job.status,
    CreationTime: new Date(job.creationTime),
    ...(job.terminationDate !== null ? { TerminationDate: new Date(job.terminationDate) } : {}),
    ProgressSummary: progress,
  };
}

/** The ListJobs position after a job: newest first, so (creation time, job ID). */
export interface ListCursor {
  readonly creation: number;
  readonly jobId: string;
}

export const encodeListToken = (c: ListCursor): string =>
  Buffer.from(`${c.creation}:${c.jobId}`).toString('base64url');

export function decodeListToken(token: string): ListCursor {
  const m = Buffer.from(token, 'base64url')
    .toString('utf8')
    .match(/^(\d+):(.+)$/);
  if (!m) throw new JobError('InvalidNextTokenException', 'The continuation token provided is invalid.');
  return { creation: Number(m[1]), jobId: m[2] as string };
}
