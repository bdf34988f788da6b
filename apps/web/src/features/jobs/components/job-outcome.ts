import { consoleStatus, isEnded, statusReasons } from '@batchops/batch-formats';
import type { JobDetails } from '@batchops/contracts';

export interface JobOutcome {
  type: 'success' | 'warning' | 'error' | 'info';
  header: string;
  content: string;
}

/** What an ended job came to, in one sentence: the flash that replaces "created"/"is running" and the header alert. */
export function jobOutcome(
  job: Pick<
    JobDetails,
    'jobId' | 'status' | 'progress' | 'failureReasons' | 'suspendedCause' | 'statusUpdateReason'
  >,
  topErrorCode?: { errorCode: string; count: number },
): JobOutcome | null {
  if (!isEnded(job.status)) return null;
  const shown = consoleStatus(job);
  if (job.status === 'Failed')
    return { type: 'error', header: `Job ${job.jobId} failed`, content: statusReasons(job).join(' ') || '-' };
  if (job.status === 'Cancelled')
    return { type: 'info', header: `Job ${job.jobId} was cancelled`, content: shown.failedText ?? '' };
  if (shown.failedText) {
    const top = topErrorCode
      ? ` Most frequent error: ${topErrorCode.errorCode} (${topErrorCode.count.toLocaleString('en-US')} tasks).`
      : '';
    return {
      type: 'warning',
      header: `Job ${job.jobId} completed with failures`,
      content: `${shown.failedText}.${top}`,
    };
  }
  const n = job.progress.succeeded.toLocaleString('en-US');
  return { type: 'success', header: `Job ${job.jobId} complete`, content: `${n} tasks succeeded.` };
}
