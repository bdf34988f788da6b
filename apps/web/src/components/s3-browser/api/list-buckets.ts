import { ListBucketsResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-query';
import { s3Keys } from './s3-keys';

export const listBucketsQueryOptions = () =>
  queryOptions({ queryKey: s3Keys.buckets(), queryFn: getJson('/api/buckets', ListBucketsResponse) });

export function useBuckets() {
  return useQuery(listBucketsQueryOptions());
}
