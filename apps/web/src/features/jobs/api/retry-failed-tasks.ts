import { RetryFailedResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function retryFailedTasks(jobId: string): Promise<RetryFailedResponse> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}/retry-failed`, RetryFailedResponse, {
    method: 'POST',
  });
}

export function useRetryFailedTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryFailedTasks,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobsKeys.lists() }),
  });
}
