import { ListObjectsResponse } from '@batchops/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { s3Keys } from './s3-keys';

export function listObjects(
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): Promise<ListObjectsResponse> {
  const qs = new URLSearchParams({ prefix });
  return apiRequest(
    `/api/buckets/${encodeURIComponent(bucket)}/objects?${qs}`,
    ListObjectsResponse,
    signal ? { signal } : {},
  );
}

export const listObjectsQueryOptions = (bucket: string, prefix: string) =>
  queryOptions({
    queryKey: s3Keys.objects(bucket, prefix),
    queryFn: ({ signal }) => listObjects(bucket, prefix, signal),
  });
