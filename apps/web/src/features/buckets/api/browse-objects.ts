import { BrowseObjectsResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, getJson, withQuery } from '../../../lib/api-query';
import { bucketsKeys } from './buckets-keys';

export const browseObjectsQueryOptions = (bucket: string, prefix: string, versions: boolean) =>
  queryOptions({
    queryKey: bucketsKeys.browse(bucket, prefix, versions),
    queryFn: getJson(
      withQuery(apiPath`/api/buckets/${bucket}/browse`, { prefix, versions: String(versions) }),
      BrowseObjectsResponse,
    ),
  });

/** One level of the bucket (the first 1,000 entries), current objects or every version. */
export function useBrowseObjects(bucket: string, prefix: string, versions: boolean) {
  return useQuery(browseObjectsQueryOptions(bucket, prefix, versions));
}
