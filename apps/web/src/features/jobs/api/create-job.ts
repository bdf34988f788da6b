import { CreateJobResponse, type JobWizardModel } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { jobsKeys } from './jobs-keys';

export function createJob(model: JobWizardModel): Promise<CreateJobResponse> {
  return apiSend('POST', '/api/jobs', CreateJobResponse, model);
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJob,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobsKeys.lists() }),
  });
}
