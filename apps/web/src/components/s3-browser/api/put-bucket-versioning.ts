import { BucketVersioning } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { bucketVersioningQueryOptions } from './get-bucket-versioning';

export function putBucketVersioning(
  bucket: string,
  status: 'Enabled' | 'Suspended',
): Promise<BucketVersioning> {
  return apiSend('PUT', `/api/buckets/${encodeURIComponent(bucket)}/versioning`, BucketVersioning, {
    status,
  });
}

export function usePutBucketVersioning() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bucket, status }: { bucket: string; status: 'Enabled' | 'Suspended' }) =>
      putBucketVersioning(bucket, status),
    onSuccess: (data, { bucket }) =>
      queryClient.setQueryData(bucketVersioningQueryOptions(bucket).queryKey, data),
  });
}
