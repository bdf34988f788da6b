import { BucketVersioning } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiPath, getJson } from '../../../lib/api-query';
import { s3Keys } from './s3-keys';

export const bucketVersioningQueryOptions = (bucket: string | null) =>
  queryOptions({
    queryKey: s3Keys.versioning(bucket ?? ''),
    queryFn: bucket ? getJson(apiPath`/api/buckets/${bucket}/versioning`, BucketVersioning) : skipToken,
  });

/** The bucket's versioning status (Enabled, Suspended, or null when never turned on). */
export function useBucketVersioning(bucket: string | null) {
  return useQuery(bucketVersioningQueryOptions(bucket));
}
