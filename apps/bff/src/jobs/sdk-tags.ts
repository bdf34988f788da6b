import type { S3Tag as SdkS3Tag } from '@aws-sdk/client-s3-control';
import type { S3Tag } from '@batchops/contracts';

export const toSdkTags = (tags: readonly S3Tag[]): SdkS3Tag[] =>
  tags.map((t) => ({ Key: t.key, Value: t.value }));
export const fromSdkTags = (tags: readonly SdkS3Tag[] | undefined): S3Tag[] =>
  (tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
