import { ListFunctionsResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, withQuery } from '../../../lib/api-query';

export const functionsKeys = {
  all: ['functions'] as const,
  list: (region: string) => [...functionsKeys.all, region] as const,
};

export const listFunctionsQueryOptions = (region: string, enabled: boolean) =>
  queryOptions({
    queryKey: functionsKeys.list(region),
    queryFn: getJson(withQuery('/api/functions', { region }), ListFunctionsResponse),
    enabled,
    retry: false,
    staleTime: 30_000,
  });

/** The Region's Lambda functions, read when the wizard offers them. */
export function useFunctions(region: string, enabled: boolean) {
  return useQuery(listFunctionsQueryOptions(region, enabled));
}
