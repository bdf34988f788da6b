import { ListFunctionsResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const functionsKeys = {
  all: ['functions'] as const,
  list: (region: string) => [...functionsKeys.all, region] as const,
};

export function listFunctions(region: string, signal?: AbortSignal): Promise<ListFunctionsResponse> {
  return apiRequest(
    `/api/functions?${new URLSearchParams({ region })}`,
    ListFunctionsResponse,
    signal ? { signal } : {},
  );
}

export const listFunctionsQueryOptions = (region: string, enabled: boolean) =>
  queryOptions({
    queryKey: functionsKeys.list(region),
    queryFn: ({ signal }) => listFunctions(region, signal),
    enabled,
    retry: false,
    staleTime: 30_000,
  });

/** The Region's Lambda functions, read when the wizard offers them. */
export function useFunctions(region: string, enabled: boolean) {
  return useQuery(listFunctionsQueryOptions(region, enabled));
}
