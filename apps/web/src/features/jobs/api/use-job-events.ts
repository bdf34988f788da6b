import { isEnded } from '@batchops/batch-formats';
import type { JobDetails, JobSnapshot } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEventStream } from '../../../lib/use-event-stream';
import { appendProgressSample } from './get-job-progress';
import { jobsKeys } from './jobs-keys';

/** The last snapshot the stream delivered; filled only by useJobEvents, never fetched. */
export const jobSnapshotQueryOptions = (jobId: string) =>
  queryOptions<JobSnapshot>({
    queryKey: jobsKeys.snapshot(jobId),
    queryFn: skipToken,
    staleTime: Number.POSITIVE_INFINITY,
  });

/**
 * Follow one job over GET /api/jobs/:id/events: each snapshot goes into the cache (the job's details
 * and its own entry for rate and ETA); when the job ends, its report is read again. Returns the last
 * snapshot and how the stream is doing.
 */
export function useJobEvents(jobId: string) {
  const queryClient = useQueryClient();
  const stream = useEventStream(`/api/jobs/${encodeURIComponent(jobId)}/events`, (event) => {
    if (event.type !== 'job' || event.job.jobId !== jobId) return;
    const snap = event.job;
    const before = queryClient.getQueryData<JobDetails>(jobsKeys.detail(jobId));
    queryClient.setQueryData(jobsKeys.snapshot(jobId), snap);
    appendProgressSample(queryClient, snap);
    queryClient.setQueryData<JobDetails>(jobsKeys.detail(jobId), (old) =>
      old
        ? {
            ...old,
            status: snap.status,
            priority: snap.priority,
            progress: snap.progress,
            statusUpdateReason: snap.statusUpdateReason,
            failureReasons: snap.failureReasons,
            terminationDate: snap.terminationDate,
          }
        : old,
    );
    if (isEnded(snap.status) && before?.status !== snap.status) {
      void queryClient.invalidateQueries({ queryKey: [...jobsKeys.detail(jobId), 'report'] });
      void queryClient.invalidateQueries({ queryKey: jobsKeys.lists() });
    }
  });
  return { snapshot: useQuery(jobSnapshotQueryOptions(jobId)), stream };
}
