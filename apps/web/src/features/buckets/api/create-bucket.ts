import { type CreateBucketInput, CreateBucketResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { listBucketsQueryOptions } from '../../../components/s3-browser/api/list-buckets';
import { apiSend } from '../../../lib/api-client';

export function createBucket(req: CreateBucketInput): Promise<CreateBucketResponse> {
  return apiSend('POST', '/api/buckets', CreateBucketResponse, req);
}

export function useCreateBucket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBucket,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listBucketsQueryOptions().queryKey }),
  });
}
