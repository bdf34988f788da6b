import { type PreflightRequest, PreflightResponse } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { permissionsKeys } from './permissions-keys';

export function preflightJob(model: PreflightRequest, signal?: AbortSignal): Promise<PreflightResponse> {
  return apiSend('POST', '/api/jobs/preflight', PreflightResponse, model, signal);
}

/** The checks read the world as it is now: run them again each time the Review step opens. */
export const preflightJobQueryOptions = (model: PreflightRequest | null) =>
  queryOptions({
    queryKey: model ? permissionsKeys.preflight(model) : [...permissionsKeys.all, 'preflight', null],
    queryFn: model ? ({ signal }) => preflightJob(model, signal) : skipToken,
    staleTime: 0,
    retry: false,
  });

export function usePreflight(model: PreflightRequest | null) {
  return useQuery(preflightJobQueryOptions(model));
}
