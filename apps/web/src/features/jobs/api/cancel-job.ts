import { type CancelJobRequest, JobUpdateResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { invalidateJob } from './get-job';

export function cancelJob(jobId: string, body: CancelJobRequest): Promise<JobUpdateResponse> {
  return apiSend('POST', `/api/jobs/${encodeURIComponent(jobId)}/cancel`, JobUpdateResponse, body);
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, reason }: { jobId: string; reason?: string }) =>
      cancelJob(jobId, reason ? { reason } : {}),
    onSuccess: (_res, { jobId }) => invalidateJob(queryClient, jobId),
  });
}
