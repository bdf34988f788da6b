import { JobWizardModel } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function getJobClone(jobId: string, signal?: AbortSignal): Promise<JobWizardModel> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}/clone`, JobWizardModel, signal ? { signal } : {});
}

export const getJobCloneQueryOptions = (jobId: string | null) =>
  queryOptions({
    queryKey: jobsKeys.clone(jobId ?? ''),
    queryFn: jobId ? ({ signal }) => getJobClone(jobId, signal) : skipToken,
    // The wizard takes the settings once; a later re-read must not overwrite what the user typed.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useJobClone(jobId: string | null) {
  return useQuery(getJobCloneQueryOptions(jobId));
}
