import { JobUpdateResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { invalidateJob } from './get-job';

export function updateJobPriority(jobId: string, priority: number): Promise<JobUpdateResponse> {
  return apiSend('PUT', `/api/jobs/${encodeURIComponent(jobId)}/priority`, JobUpdateResponse, { priority });
}

export function useUpdateJobPriority() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, priority }: { jobId: string; priority: number }) =>
      updateJobPriority(jobId, priority),
    onSuccess: (_res, { jobId }) => invalidateJob(queryClient, jobId),
  });
}
