// The Batch Operations job lifecycle (reference/s3control-api.md §4): the model's JobStatus enum
// and the groups the engine, the BFF and the console ask about.

/** JobStatus enum of the S3 Control model (2018-08-20), pinned to the SDK's by a test. */
export const JOB_STATUSES = [
  'Active',
  'Cancelled',
  'Cancelling',
  'Complete',
  'Completing',
  'Failed',
  'Failing',
  'New',
  'Paused',
  'Pausing',
  'Preparing',
  'Ready',
  'Suspended',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export function isJobStatus(s: string): s is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(s);
}

/** The job has ended and only ages out of the list. */
export const ENDED_STATUSES: ReadonlySet<JobStatus> = new Set(['Complete', 'Cancelled', 'Failed']);
/** The job is on its way to an end (report being written); it no longer takes requests. */
export const ENDING_STATUSES: ReadonlySet<JobStatus> = new Set(['Completing', 'Cancelling', 'Failing']);
/** The job moves on by itself: worth watching closely (polling fast). */
export const BUSY_STATUSES: ReadonlySet<JobStatus> = new Set([
  'New',
  'Preparing',
  'Ready',
  'Active',
  'Pausing',
  'Completing',
  'Cancelling',
  'Failing',
]);
/** The job has work to run and holds (or waits for) workers. */
export const RUNNING_STATUSES: ReadonlySet<JobStatus> = new Set(['Ready', 'Active', 'Pausing', 'Paused']);

/** Complete, Cancelled or Failed. */
export const isEnded = (status: JobStatus | string): boolean => ENDED_STATUSES.has(status as JobStatus);
/** Completing, Cancelling or Failing. */
export const isEnding = (status: JobStatus | string): boolean => ENDING_STATUSES.has(status as JobStatus);
/** Changes without a request: New, Preparing, Ready, Active, Pausing, Completing, Cancelling, Failing. */
export const isBusy = (status: JobStatus | string): boolean => BUSY_STATUSES.has(status as JobStatus);
/** Ready, Active, Pausing or Paused: the scheduler runs (or will run) its tasks. */
export const isRunning = (status: JobStatus | string): boolean => RUNNING_STATUSES.has(status as JobStatus);
/** Neither ended nor ending: the job can still be cancelled and re-prioritised. */
export const isOpen = (status: JobStatus | string): boolean => !isEnded(status) && !isEnding(status);
/** Suspended: waits for the user's confirmation (UpdateJobStatus Ready) or a cancel. */
export const isAwaitingConfirmation = (status: JobStatus | string): boolean => status === 'Suspended';

export type RequestedJobStatus = 'Ready' | 'Cancelled';

/**
 * The status UpdateJobStatus moves a job to, or null when the request is refused
 * (→ JobStatusException). Ready only from Suspended; Cancelled before work starts ends the job at
 * once, while running it goes through Cancelling.
 */
export function nextStatusOnRequest(current: JobStatus, requested: RequestedJobStatus): JobStatus | null {
  if (requested === 'Ready') return current === 'Suspended' ? 'Ready' : null;
  switch (current) {
    case 'New':
    case 'Preparing':
    case 'Suspended':
    case 'Ready':
      return 'Cancelled';
    case 'Active':
    case 'Pausing':
    case 'Paused':
      return 'Cancelling';
    default:
      return null;
  }
}
