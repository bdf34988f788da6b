import { CreateJobResponse, type JobWizardModel } from '@batchops/contracts';
import { apiSend } from '../../../lib/api-client';
import { useRefetchingMutation } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

export const useCreateJob = () =>
  useRefetchingMutation(
    (model: JobWizardModel) => apiSend('POST', '/api/jobs', CreateJobResponse, model),
    jobsKeys.lists(),
  );
