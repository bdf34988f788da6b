import { JobDetails } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function getJob(jobId: string, signal?: AbortSignal): Promise<JobDetails> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}`, JobDetails, signal ? { signal } : {});
}

export const getJobQueryOptions = (jobId: string) =>
  queryOptions({ queryKey: jobsKeys.detail(jobId), queryFn: ({ signal }) => getJob(jobId, signal) });

export function useJob(jobId: string | null) {
  return useQuery({ ...getJobQueryOptions(jobId ?? ''), enabled: jobId !== null });
}
