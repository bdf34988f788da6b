import { ConnectionInfo } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client';

export const connectionKeys = { all: ['connection'] as const };

export function getConnection(signal?: AbortSignal): Promise<ConnectionInfo> {
  return apiRequest('/api/connection', ConnectionInfo, signal ? { signal } : {});
}

export const getConnectionQueryOptions = () =>
  queryOptions({
    queryKey: connectionKeys.all,
    queryFn: ({ signal }) => getConnection(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useConnection() {
  return useQuery(getConnectionQueryOptions());
}
