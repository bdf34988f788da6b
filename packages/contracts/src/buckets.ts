import { z } from 'zod';

export const BucketSummary = z.object({ name: z.string(), creationDate: z.string().datetime().nullable() });
export type BucketSummary = z.infer<typeof BucketSummary>;

export const ListBucketsResponse = z.object({ buckets: z.array(BucketSummary) });
export type ListBucketsResponse = z.infer<typeof ListBucketsResponse>;

/** A bucket name (legacy us-east-1 names too): no '/', '?' or ARN, which the SDK would not send as a bucket. */
export const BucketParams = z.object({
  bucket: z
    .string()
    .min(3)
    .max(63)
    .regex(/^[A-Za-z0-9._-]+$/, 'not a valid bucket name'),
});
export type BucketParams = z.infer<typeof BucketParams>;

export const ListObjectsQuery = z.object({
  prefix: z.string().max(1024).default(''),
  continuationToken: z.string().min(1).optional(),
});
export type ListObjectsQuery = z.infer<typeof ListObjectsQuery>;

export const ObjectSummary = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  etag: z.string().nullable(),
  lastModified: z.string().datetime().nullable(),
  storageClass: z.string().nullable(),
});
export type ObjectSummary = z.infer<typeof ObjectSummary>;

/** One level of a bucket (delimiter `/`): the folders (common prefixes) and objects under a prefix. */
export const ListObjectsResponse = z.object({
  bucket: z.string(),
  prefix: z.string(),
  prefixes: z.array(z.string()),
  objects: z.array(ObjectSummary),
  nextContinuationToken: z.string().nullable(),
});
export type ListObjectsResponse = z.infer<typeof ListObjectsResponse>;

export const HeadObjectQuery = z.object({
  key: z.string().min(1, 'the object key is required').max(1024),
  versionId: z.string().min(1).optional(),
});
export type HeadObjectQuery = z.infer<typeof HeadObjectQuery>;

export const ObjectHead = z.object({
  bucket: z.string(),
  key: z.string(),
  size: z.number().int().nonnegative(),
  /** Without the quotes S3 puts around it. */
  etag: z.string().nullable(),
  lastModified: z.string().datetime().nullable(),
  versionId: z.string().nullable(),
  storageClass: z.string(),
});
export type ObjectHead = z.infer<typeof ObjectHead>;
