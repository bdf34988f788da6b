import { type BatchReplicationJobRequest, CreateJobResponse } from '@batchops/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function createBatchReplicationJob(bucket: string, request: BatchReplicationJobRequest) {
  return apiRequest(`/api/buckets/${encodeURIComponent(bucket)}/replication/jobs`, CreateJobResponse, {
    method: 'POST',
    body: JSON.stringify(request),
  });
}

export function useCreateBatchReplicationJob(bucket: string) {
  return useMutation({
    mutationFn: (request: BatchReplicationJobRequest) => createBatchReplicationJob(bucket, request),
  });
}
