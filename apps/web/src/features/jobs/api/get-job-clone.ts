import { JobWizardModel } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

export const getJobCloneQueryOptions = (jobId: string | null) =>
  queryOptions({
    queryKey: jobsKeys.clone(jobId ?? ''),
    queryFn: jobId ? getJson(apiPath`/api/jobs/${jobId}/clone`, JobWizardModel) : skipToken,
    // The wizard takes the settings once; a later re-read must not overwrite what the user typed.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useJobClone(jobId: string | null) {
  return useQuery(getJobCloneQueryOptions(jobId));
}
