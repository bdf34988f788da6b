import { BucketVersioning } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { s3Keys } from './s3-keys';

export function getBucketVersioning(bucket: string, signal?: AbortSignal): Promise<BucketVersioning> {
  return apiRequest(
    `/api/buckets/${encodeURIComponent(bucket)}/versioning`,
    BucketVersioning,
    signal ? { signal } : {},
  );
}

export const bucketVersioningQueryOptions = (bucket: string | null) =>
  queryOptions({
    queryKey: s3Keys.versioning(bucket ?? ''),
    queryFn: bucket ? ({ signal }) => getBucketVersioning(bucket, signal) : skipToken,
  });

/** The bucket's versioning status (Enabled, Suspended, or null when never turned on). */
export function useBucketVersioning(bucket: string | null) {
  return useQuery(bucketVersioningQueryOptions(bucket));
}
