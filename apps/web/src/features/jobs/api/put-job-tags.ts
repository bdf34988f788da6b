import { JobUpdateResponse, type S3Tag } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { getJobQueryOptions } from './get-job';
import { jobsKeys } from './jobs-keys';

export function putJobTags(jobId: string, tags: S3Tag[]): Promise<JobUpdateResponse> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}/tags`, JobUpdateResponse, {
    method: 'PUT',
    body: JSON.stringify({ tags }),
  });
}

export function usePutJobTags() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, tags }: { jobId: string; tags: S3Tag[] }) => putJobTags(jobId, tags),
    onSuccess: (_res, { jobId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getJobQueryOptions(jobId).queryKey }),
        queryClient.invalidateQueries({ queryKey: jobsKeys.lists() }),
      ]),
  });
}
