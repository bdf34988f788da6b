import { ReplicationConfigResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { replicationKeys } from './replication-keys';

export function getReplication(bucket: string, signal?: AbortSignal): Promise<ReplicationConfigResponse> {
  return apiRequest(
    `/api/buckets/${encodeURIComponent(bucket)}/replication`,
    ReplicationConfigResponse,
    signal ? { signal } : {},
  );
}

export const replicationQueryOptions = (bucket: string) =>
  queryOptions({
    queryKey: replicationKeys.config(bucket),
    queryFn: ({ signal }) => getReplication(bucket, signal),
  });

/** The bucket's replication rules and the revision a save must name. */
export function useReplication(bucket: string) {
  return useQuery(replicationQueryOptions(bucket));
}
