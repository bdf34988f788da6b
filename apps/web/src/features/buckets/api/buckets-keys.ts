import type { ReplicationStatusesRequest } from '@batchops/contracts';

/** Query keys of the bucket page, generic to specific. */
export const bucketsKeys = {
  all: ['buckets'] as const,
  bucket: (bucket: string) => [...bucketsKeys.all, bucket] as const,
  browse: (bucket: string, prefix: string, versions: boolean) =>
    [...bucketsKeys.bucket(bucket), 'browse', { prefix, versions }] as const,
  statuses: (bucket: string, objects: ReplicationStatusesRequest['objects']) =>
    [...bucketsKeys.bucket(bucket), 'replication-statuses', objects] as const,
};
