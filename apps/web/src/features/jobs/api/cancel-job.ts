import { type CancelJobRequest, JobUpdateResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { getJobQueryOptions } from './get-job';
import { jobsKeys } from './jobs-keys';

export function cancelJob(jobId: string, body: CancelJobRequest): Promise<JobUpdateResponse> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}/cancel`, JobUpdateResponse, {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, reason }: { jobId: string; reason?: string }) =>
      cancelJob(jobId, reason ? { reason } : {}),
    onSuccess: (_res, { jobId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getJobQueryOptions(jobId).queryKey }),
        queryClient.invalidateQueries({ queryKey: jobsKeys.lists() }),
      ]),
  });
}
