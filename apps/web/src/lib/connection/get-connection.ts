import { ConnectionInfo } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../api-query';

export const connectionKeys = { all: ['connection'] as const };

export const getConnectionQueryOptions = () =>
  queryOptions({
    queryKey: connectionKeys.all,
    queryFn: getJson('/api/connection', ConnectionInfo),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useConnection() {
  return useQuery(getConnectionQueryOptions());
}
