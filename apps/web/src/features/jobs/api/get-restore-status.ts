import { RestoreStatusResponse } from '@batchops/contracts';
import { type Query, queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

/** Read again while objects are still coming back (or not reached yet); a settled state is kept. */
const RECHECK_MS = 3_000;

export const getRestoreStatusQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobsKeys.restoreStatus(jobId),
    queryFn: getJson(apiPath`/api/jobs/${jobId}/restore-status`, RestoreStatusResponse),
    refetchInterval: (q: Query<RestoreStatusResponse>) => {
      const c = q.state.data?.counts;
      return !c || c.restoring > 0 || c.pending > 0 ? RECHECK_MS : false;
    },
    retry: false,
  });

export function useRestoreStatus(jobId: string) {
  return useQuery(getRestoreStatusQueryOptions(jobId));
}
