import { ObjectHead } from '@batchops/contracts';
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { apiPath, getJson, withQuery } from '../../../lib/api-query';
import { s3Keys } from './s3-keys';

export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string | undefined;
}

export const headObjectQueryOptions = (ref: ObjectRef | null) =>
  queryOptions({
    queryKey: ref ? s3Keys.head(ref.bucket, ref.key, ref.versionId) : [...s3Keys.all, 'head', null],
    queryFn: ref
      ? getJson(
          withQuery(apiPath`/api/buckets/${ref.bucket}/object`, {
            key: ref.key,
            versionId: ref.versionId || undefined,
          }),
          ObjectHead,
        )
      : skipToken,
    retry: false,
  });

/** The object's metadata (size, ETag), or nothing while no object is named. */
export function useObjectHead(ref: ObjectRef | null) {
  return useQuery(headObjectQueryOptions(ref));
}
