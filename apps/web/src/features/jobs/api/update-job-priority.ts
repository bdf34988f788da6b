import { JobUpdateResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { getJobQueryOptions } from './get-job';
import { jobsKeys } from './jobs-keys';

export function updateJobPriority(jobId: string, priority: number): Promise<JobUpdateResponse> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}/priority`, JobUpdateResponse, {
    method: 'PUT',
    body: JSON.stringify({ priority }),
  });
}

export function useUpdateJobPriority() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, priority }: { jobId: string; priority: number }) =>
      updateJobPriority(jobId, priority),
    onSuccess: (_res, { jobId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getJobQueryOptions(jobId).queryKey }),
        queryClient.invalidateQueries({ queryKey: jobsKeys.lists() }),
      ]),
  });
}
