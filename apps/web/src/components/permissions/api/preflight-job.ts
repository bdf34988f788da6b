import { type PreflightRequest, PreflightResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-query';
import { permissionsKeys } from './permissions-keys';

/** The checks read the world as it is now: run them again each time the Review step opens. */
export const preflightJobQueryOptions = (model: PreflightRequest | null) =>
  queryOptions({
    queryKey: permissionsKeys.preflight(model),
    queryFn: postJson('/api/jobs/preflight', PreflightResponse, model),
    staleTime: 0,
    retry: false,
  });

export function usePreflight(model: PreflightRequest | null) {
  return useQuery(preflightJobQueryOptions(model));
}
