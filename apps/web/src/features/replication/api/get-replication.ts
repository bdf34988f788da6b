import { ReplicationConfigResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from '../../../lib/api-query';
import { replicationKeys } from './replication-keys';

export const replicationQueryOptions = (bucket: string) =>
  queryOptions({
    queryKey: replicationKeys.config(bucket),
    queryFn: getJson(apiPath`/api/buckets/${bucket}/replication`, ReplicationConfigResponse),
  });

/** The bucket's replication rules and the revision a save must name. */
export function useReplication(bucket: string) {
  return useQuery(replicationQueryOptions(bucket));
}
