import { BucketVersioning } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { bucketVersioningQueryOptions } from './get-bucket-versioning';

export function putBucketVersioning(
  bucket: string,
  status: 'Enabled' | 'Suspended',
): Promise<BucketVersioning> {
  return apiRequest(`/api/buckets/${encodeURIComponent(bucket)}/versioning`, BucketVersioning, {
    method: 'PUT',
    body: JSON.stringify({ status }),
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
