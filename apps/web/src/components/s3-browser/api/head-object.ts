import { ObjectHead } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { s3Keys } from './s3-keys';

export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string | undefined;
}

export function headObject(ref: ObjectRef, signal?: AbortSignal): Promise<ObjectHead> {
  const qs = new URLSearchParams({ key: ref.key });
  if (ref.versionId) qs.set('versionId', ref.versionId);
  return apiRequest(
    `/api/buckets/${encodeURIComponent(ref.bucket)}/object?${qs}`,
    ObjectHead,
    signal ? { signal } : {},
  );
}

export const headObjectQueryOptions = (ref: ObjectRef | null) =>
  queryOptions({
    queryKey: ref ? s3Keys.head(ref.bucket, ref.key, ref.versionId) : [...s3Keys.all, 'head', null],
    queryFn: ref ? ({ signal }) => headObject(ref, signal) : skipToken,
    retry: false,
  });

/** The object's metadata (size, ETag), or nothing while no object is named. */
export function useObjectHead(ref: ObjectRef | null) {
  return useQuery(headObjectQueryOptions(ref));
}
