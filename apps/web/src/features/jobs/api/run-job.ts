import { JobUpdateResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { invalidateJob } from './get-job';

export function runJob(jobId: string): Promise<JobUpdateResponse> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}/run`, JobUpdateResponse, { method: 'POST' });
}

export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runJob,
    onSuccess: (_res, jobId) => invalidateJob(queryClient, jobId),
  });
}
