import { apiPath, withQuery } from '../../../lib/api-query';
import type { ObjectRef } from './head-object';

/** The BFF's download of an object (an attachment): a plain link, so the browser streams it to disk. */
export const downloadObjectHref = (ref: ObjectRef): string =>
  withQuery(apiPath`/api/buckets/${ref.bucket}/object/download`, {
    key: ref.key,
    versionId: ref.versionId || undefined,
  });
