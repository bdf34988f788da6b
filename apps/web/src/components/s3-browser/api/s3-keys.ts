/** Query keys of the S3 browser, generic to specific. */
export const s3Keys = {
  all: ['s3'] as const,
  buckets: () => [...s3Keys.all, 'buckets'] as const,
  objects: (bucket: string, prefix: string) => [...s3Keys.all, 'objects', bucket, prefix] as const,
  versioning: (bucket: string) => [...s3Keys.all, 'versioning', bucket] as const,
  head: (bucket: string, key: string, versionId?: string) =>
    [...s3Keys.all, 'head', bucket, key, versionId ?? null] as const,
};
