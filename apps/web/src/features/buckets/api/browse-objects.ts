import { BrowseObjectsResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { bucketsKeys } from './buckets-keys';

export function browseObjects(
  bucket: string,
  prefix: string,
  versions: boolean,
  signal?: AbortSignal,
): Promise<BrowseObjectsResponse> {
  const qs = new URLSearchParams({ prefix, versions: String(versions) });
  return apiRequest(
    `/api/buckets/${encodeURIComponent(bucket)}/browse?${qs}`,
    BrowseObjectsResponse,
    signal ? { signal } : {},
  );
}

export const browseObjectsQueryOptions = (bucket: string, prefix: string, versions: boolean) =>
  queryOptions({
    queryKey: bucketsKeys.browse(bucket, prefix, versions),
    queryFn: ({ signal }) => browseObjects(bucket, prefix, versions, signal),
  });

/** One level of the bucket (the first 1,000 entries), current objects or every version. */
export function useBrowseObjects(bucket: string, prefix: string, versions: boolean) {
  return useQuery(browseObjectsQueryOptions(bucket, prefix, versions));
}
