import { ReplicationConfigResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { replicationQueryOptions } from './get-replication';

export function deleteReplicationRule(bucket: string, ruleId: string, revision: string) {
  const qs = new URLSearchParams({ revision });
  return apiRequest(
    `/api/buckets/${encodeURIComponent(bucket)}/replication/rules/${encodeURIComponent(ruleId)}?${qs}`,
    ReplicationConfigResponse,
    { method: 'DELETE' },
  );
}

export function useDeleteReplicationRule(bucket: string) {
  const queryClient = useQueryClient();
  const key = replicationQueryOptions(bucket).queryKey;
  return useMutation({
    mutationFn: ({ ruleId, revision }: { ruleId: string; revision: string }) =>
      deleteReplicationRule(bucket, ruleId, revision),
    onSuccess: (config) => queryClient.setQueryData(key, config),
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
