import { type JobSnapshot, ProgressHistoryResponse, type ProgressSample } from '@batchops/contracts';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

/** Samples the page keeps; beyond it the oldest go (the BFF keeps a thinned history too). */
export const MAX_CHART_SAMPLES = 500;

/** Read once per page; the live stream appends to it (appendProgressSample), so it never goes stale. */
export const getJobProgressQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobsKeys.progress(jobId),
    queryFn: getJson(apiPath`/api/jobs/${jobId}/progress`, ProgressHistoryResponse),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useJobProgress(jobId: string) {
  return useQuery(getJobProgressQueryOptions(jobId));
}

/** A live snapshot joins the job's samples (not before the history has been read). */
export function appendProgressSample(queryClient: QueryClient, snap: JobSnapshot): void {
  const sample: ProgressSample = {
    at: snap.at,
    status: snap.status,
    succeeded: snap.progress.succeeded,
    failed: snap.progress.failed,
    totalTasks: snap.progress.totalTasks,
  };
  queryClient.setQueryData<ProgressHistoryResponse>(jobsKeys.progress(snap.jobId), (old) => {
    if (!old) return old;
    const last = old.samples.at(-1);
    if (last && Date.parse(last.at) >= Date.parse(sample.at)) return old;
    return { ...old, samples: [...old.samples, sample].slice(-MAX_CHART_SAMPLES) };
  });
}
