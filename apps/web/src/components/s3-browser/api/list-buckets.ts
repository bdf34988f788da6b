import { ListBucketsResponse } from '@batchops/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { s3Keys } from './s3-keys';

export function listBuckets(signal?: AbortSignal): Promise<ListBucketsResponse> {
  return apiRequest('/api/buckets', ListBucketsResponse, signal ? { signal } : {});
}

export const listBucketsQueryOptions = () =>
  queryOptions({ queryKey: s3Keys.buckets(), queryFn: ({ signal }) => listBuckets(signal) });

export function useBuckets() {
  return useQuery(listBucketsQueryOptions());
}
