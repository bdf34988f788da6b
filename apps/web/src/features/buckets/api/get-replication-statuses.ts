import { type ReplicationStatusesRequest, ReplicationStatusesResponse } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { bucketsKeys } from './buckets-keys';

type Objects = ReplicationStatusesRequest['objects'];

export function getReplicationStatuses(
  bucket: string,
  objects: Objects,
  signal?: AbortSignal,
): Promise<ReplicationStatusesResponse> {
  return apiSend(
    'POST',
    `/api/buckets/${encodeURIComponent(bucket)}/replication-statuses`,
    ReplicationStatusesResponse,
    { objects },
    signal,
  );
}

export const replicationStatusesQueryOptions = (bucket: string, objects: Objects) =>
  queryOptions({
    queryKey: bucketsKeys.statuses(bucket, objects),
    queryFn: objects.length > 0 ? ({ signal }) => getReplicationStatuses(bucket, objects, signal) : skipToken,
    // Statuses move while replication runs: read again after a few seconds on screen.
    staleTime: 3_000,
  });

/** The replication status of the objects on screen (one HeadObject each, in the BFF). */
export function useReplicationStatuses(bucket: string, objects: Objects) {
  return useQuery(replicationStatusesQueryOptions(bucket, objects));
}
