import { RetryManifestResponse } from '@batchops/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { apiPath } from '../../../lib/api-query';

/** Writes the manifest of a job's failed tasks; the answer is the job over them for the wizard (no job yet). */
export const useCreateRetryManifest = () =>
  useMutation({
    mutationFn: (jobId: string) =>
      apiRequest(apiPath`/api/jobs/${jobId}/retry-manifest`, RetryManifestResponse, { method: 'POST' }),
  });
