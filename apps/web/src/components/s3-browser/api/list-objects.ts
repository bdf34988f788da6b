import { ListObjectsResponse } from '@batchops/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiPath, getJson, withQuery } from '../../../lib/api-query';
import { s3Keys } from './s3-keys';

export const listObjectsQueryOptions = (bucket: string, prefix: string) =>
  queryOptions({
    queryKey: s3Keys.objects(bucket, prefix),
    queryFn: getJson(withQuery(apiPath`/api/buckets/${bucket}/objects`, { prefix }), ListObjectsResponse),
  });
