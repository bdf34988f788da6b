import { type SaveReplicationRuleRequest, SaveReplicationRuleResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { replicationQueryOptions } from './get-replication';

export interface SaveRuleVariables {
  readonly bucket: string;
  /** The rule's name before the edit; null creates a rule. */
  readonly ruleId: string | null;
  readonly request: SaveReplicationRuleRequest;
}

export function saveReplicationRule({ bucket, ruleId, request }: SaveRuleVariables) {
  const base = `/api/buckets/${encodeURIComponent(bucket)}/replication/rules`;
  return apiSend(
    ruleId === null ? 'POST' : 'PUT',
    ruleId === null ? base : `${base}/${encodeURIComponent(ruleId)}`,
    SaveReplicationRuleResponse,
    request,
  );
}

export function useSaveReplicationRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveReplicationRule,
    onSuccess: (res, { bucket }) =>
      queryClient.setQueryData(replicationQueryOptions(bucket).queryKey, res.configuration),
    // A conflict means someone else changed the rules: read them again.
    onError: (_err, { bucket }) =>
      queryClient.invalidateQueries({ queryKey: replicationQueryOptions(bucket).queryKey }),
  });
}
