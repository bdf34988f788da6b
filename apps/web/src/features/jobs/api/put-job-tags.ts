import { JobUpdateResponse, type S3Tag } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { invalidateJob } from './get-job';

export function putJobTags(jobId: string, tags: S3Tag[]): Promise<JobUpdateResponse> {
  return apiSend('PUT', `/api/jobs/${encodeURIComponent(jobId)}/tags`, JobUpdateResponse, { tags });
}

export function usePutJobTags() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, tags }: { jobId: string; tags: S3Tag[] }) => putJobTags(jobId, tags),
    onSuccess: (_res, { jobId }) => invalidateJob(queryClient, jobId),
  });
}
