import { ListJobsResponse } from '@batchops/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-query';
import { type JobsListQuery, jobsKeys } from './jobs-keys';

export function toSearchParams(query: JobsListQuery): URLSearchParams {
  const qs = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) qs.append(name, String(v));
  }
  return qs;
}

export const getJobsQueryOptions = (query: JobsListQuery = {}) => {
  const qs = toSearchParams(query);
  return queryOptions({
    queryKey: jobsKeys.list(query),
    queryFn: getJson(`/api/jobs${qs.size ? `?${qs}` : ''}`, ListJobsResponse),
    placeholderData: keepPreviousData,
  });
};

export function useJobs(query: JobsListQuery = {}) {
  return useQuery(getJobsQueryOptions(query));
}
