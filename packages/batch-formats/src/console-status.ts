// What the console says about a job: S3 Control's JobStatus read together with the job's progress,
// so a job whose tasks all failed is not shown as a green "Complete". Every screen reads this one place.
import type { JobStatus } from './job-status.js';

/** A StatusIndicator type (Cloudscape) that a console status maps to. */
export type ConsoleStatusSeverity =
  | 'success'
  | 'warning'
  | 'error'
  | 'pending'
  | 'in-progress'
  | 'loading'
  | 'stopped';

export interface ConsoleStatus {
  label: string;
  severity: ConsoleStatusSeverity;
  /** "Failed 540 (100 %)" when tasks failed, else null. */
  failedText: string | null;
}

export interface JobStatusInput {
  status: JobStatus;
  progress: { totalTasks: number | null; succeeded: number; failed: number };
}

const severity: Record<JobStatus, ConsoleStatusSeverity> = {
  New: 'pending',
  Preparing: 'loading',
  Suspended: 'pending',
  Ready: 'pending',
  Active: 'in-progress',
  Pausing: 'loading',
  Paused: 'stopped',
  Completing: 'loading',
  Complete: 'success',
  Cancelling: 'loading',
  Cancelled: 'stopped',
  Failing: 'loading',
  Failed: 'error',
};

/** "Failed 540 (100 %)": the share of the job's tasks (or of those done, before the total is known). */
export function failedTasksText({ progress }: JobStatusInput): string | null {
  const { failed, succeeded, totalTasks } = progress;
  if (failed === 0) return null;
  const of = totalTasks || failed + succeeded;
  const exact = (failed / of) * 100;
  // Never round a few failures down to 0 % or most of them up to 100 %.
  const percent =
    exact > 0 && exact < 1 ? '< 1' : exact > 99 && exact < 100 ? '> 99' : String(Math.round(exact));
  return `Failed ${failed.toLocaleString('en-US')} (${percent} %)`;
}

export function consoleStatus(job: JobStatusInput): ConsoleStatus {
  const failedText = failedTasksText(job);
  if (job.status === 'Complete' && job.progress.failed > 0)
    return { label: 'Completed with failures', severity: 'warning', failedText };
  return { label: job.status, severity: severity[job.status], failedText };
}

/** SuspendedCause values (S3 Control) in the console's words; unknown causes pass through. */
const suspendedCauses: Record<string, string> = {
  AwaitingConfirmation: 'Awaiting your confirmation to run',
};

export interface StatusReasonInput {
  status: JobStatus;
  failureReasons: readonly { code: string; reason: string }[];
  suspendedCause: string | null;
  statusUpdateReason: string | null;
}

/** The lines under "Status reason": why the job failed, why it waits, or the last status update's reason. */
export function statusReasons(job: StatusReasonInput): string[] {
  if (job.failureReasons.length) return job.failureReasons.map((f) => `${f.code}: ${f.reason}`);
  if (job.status === 'Suspended' && job.suspendedCause)
    return [suspendedCauses[job.suspendedCause] ?? job.suspendedCause];
  return job.statusUpdateReason ? [job.statusUpdateReason] : [];
}
