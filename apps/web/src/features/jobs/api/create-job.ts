import { CreateJobResponse, type JobWizardModel } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function createJob(model: JobWizardModel): Promise<CreateJobResponse> {
  return apiRequest('/api/jobs', CreateJobResponse, { method: 'POST', body: JSON.stringify(model) });
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJob,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobsKeys.lists() }),
  });
}
