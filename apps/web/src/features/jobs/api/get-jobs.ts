import { ListJobsResponse } from '@batchops/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { type JobsListQuery, jobsKeys } from './jobs-keys';

export function toSearchParams(query: JobsListQuery): URLSearchParams {
  const qs = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) qs.append(name, String(v));
  }
  return qs;
}

export async function getJobs(query: JobsListQuery, signal?: AbortSignal): Promise<ListJobsResponse> {
  const qs = toSearchParams(query);
  return apiRequest(`/api/jobs${qs.size ? `?${qs}` : ''}`, ListJobsResponse, signal ? { signal } : {});
}

export const getJobsQueryOptions = (query: JobsListQuery = {}) =>
  queryOptions({
    queryKey: jobsKeys.list(query),
    queryFn: ({ signal }) => getJobs(query, signal),
    placeholderData: keepPreviousData,
  });

export function useJobs(query: JobsListQuery = {}) {
  return useQuery(getJobsQueryOptions(query));
}
