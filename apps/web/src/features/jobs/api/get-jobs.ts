import { type JobStatus, ListJobsResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export async function getJobs(status: readonly JobStatus[], signal?: AbortSignal): Promise<ListJobsResponse> {
  const qs = new URLSearchParams(status.map((s) => ['status', s]));
  const query = qs.size ? `?${qs}` : '';
  return apiRequest(`/api/jobs${query}`, ListJobsResponse, signal ? { signal } : {});
}

export const getJobsQueryOptions = (status: readonly JobStatus[] = []) =>
  queryOptions({
    queryKey: jobsKeys.list({ status }),
    queryFn: ({ signal }) => getJobs(status, signal),
  });

export function useJobs(status: readonly JobStatus[] = []) {
  return useQuery(getJobsQueryOptions(status));
}
