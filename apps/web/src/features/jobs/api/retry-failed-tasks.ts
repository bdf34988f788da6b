import { RetryFailedResponse } from '@batchops/contracts';
import { apiRequest } from '../../../lib/api-client';
import { apiPath, useRefetchingMutation } from '../../../lib/api-query';
import { jobsKeys } from './jobs-keys';

export const useRetryFailedTasks = () =>
  useRefetchingMutation(
    (jobId: string) =>
      apiRequest(apiPath`/api/jobs/${jobId}/retry-failed`, RetryFailedResponse, { method: 'POST' }),
    jobsKeys.lists(),
  );
