import { RestoreStatusResponse } from '@batchops/contracts';
import { type Query, queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

const SECOND = 1_000;

/**
 * When to read again: just after the restoring objects should be ready (at most every 5 min: on AWS
 * that is hours, and each read is up to 100 HeadObject calls), every 10 s while the job has not
 * reached every object, every 30 s once the estimate has passed; never once all have settled.
 */
export function recheckIn(s: RestoreStatusResponse | undefined, now = Date.now()): number | false {
  if (!s || (s.counts.restoring === 0 && s.counts.pending > 0)) return 10 * SECOND;
  if (s.counts.restoring === 0) return false;
  const left = s.readyBy ? Date.parse(s.readyBy) - now : Number.POSITIVE_INFINITY;
  if (left < 0) return 30 * SECOND;
  return Math.min(Math.max(left + SECOND, 3 * SECOND), 300 * SECOND);
}

export const getRestoreStatusQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobsKeys.restoreStatus(jobId),
    queryFn: getJson(apiPath`/api/jobs/${jobId}/restore-status`, RestoreStatusResponse),
    refetchInterval: (q: Query<RestoreStatusResponse>) => recheckIn(q.state.data),
    retry: false,
  });

export function useRestoreStatus(jobId: string) {
  return useQuery(getRestoreStatusQueryOptions(jobId));
}
