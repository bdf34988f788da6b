// The Batch Operations job lifecycle (reference/s3control-api.md §4).

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

const TERMINAL: ReadonlySet<JobStatus> = new Set(['Complete', 'Cancelled', 'Failed']);

/** Complete, Cancelled and Failed: the job has ended and only ages out of the list. */
export function isTerminal(status: JobStatus): boolean {
  return TERMINAL.has(status);
}

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
