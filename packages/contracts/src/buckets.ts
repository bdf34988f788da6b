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

/** S3's naming rules for a new bucket (general purpose): the console checks them before CreateBucket. */
export const NewBucketName = z
  .string()
  .min(3, 'a bucket name has 3 to 63 characters')
  .max(63, 'a bucket name has 3 to 63 characters')
  .regex(
    /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    'only lowercase letters, numbers, dots and hyphens; starts and ends with a letter or number',
  )
  .refine((n) => !n.includes('..'), 'no two adjacent dots')
  .refine((n) => !/^\d+\.\d+\.\d+\.\d+$/.test(n), 'not formatted as an IP address');

export const CreateBucketRequest = z.object({
  name: NewBucketName,
  /** Turn versioning on right after the bucket is made (replication needs it). */
  versioning: z.boolean().default(false),
});
export type CreateBucketRequest = z.infer<typeof CreateBucketRequest>;
export type CreateBucketInput = z.input<typeof CreateBucketRequest>;

export const CreateBucketResponse = z.object({ name: z.string() });
export type CreateBucketResponse = z.infer<typeof CreateBucketResponse>;

/** GetBucketVersioning: null when versioning was never turned on. */
export const BucketVersioning = z.object({ status: z.enum(['Enabled', 'Suspended']).nullable() });
export type BucketVersioning = z.infer<typeof BucketVersioning>;

export const PutBucketVersioningRequest = z.object({ status: z.enum(['Enabled', 'Suspended']) });
export type PutBucketVersioningRequest = z.infer<typeof PutBucketVersioningRequest>;

/** The bucket page's object browser: one level, with or without every version. */
export const BrowseObjectsQuery = z.object({
  prefix: z.string().max(1024).default(''),
  versions: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Opaque: the BFF's token for the next page (ListObjectsV2's, or the version markers). */
  continuationToken: z.string().min(1).max(4096).optional(),
});
export type BrowseObjectsQuery = z.infer<typeof BrowseObjectsQuery>;

export const BrowseObject = ObjectSummary.extend({
  /** Set when versions are listed ('null' for the version written before versioning). */
  versionId: z.string().nullable(),
  isLatest: z.boolean(),
  deleteMarker: z.boolean(),
});
export type BrowseObject = z.infer<typeof BrowseObject>;

/** One level of a bucket as the object browser lists it: current objects, or every version. */
export const BrowseObjectsResponse = ListObjectsResponse.extend({
  versions: z.boolean(),
  objects: z.array(BrowseObject),
});
export type BrowseObjectsResponse = z.infer<typeof BrowseObjectsResponse>;

/** Objects whose replication status the browser shows (the visible page only). */
export const MAX_STATUS_OBJECTS = 100;

export const ReplicationStatusesRequest = z.object({
  objects: z
    .array(z.object({ key: z.string().min(1).max(1024), versionId: z.string().min(1).max(1024).optional() }))
    .min(1, 'name at least one object')
    .max(MAX_STATUS_OBJECTS, `at most ${MAX_STATUS_OBJECTS} objects at once`),
});
export type ReplicationStatusesRequest = z.infer<typeof ReplicationStatusesRequest>;

export const ObjectReplicationStatus = z.object({
  key: z.string(),
  versionId: z.string().nullable(),
  /** x-amz-replication-status (PENDING, COMPLETED, FAILED, REPLICA); null when the object has none. */
  replicationStatus: z.string().nullable(),
  /** Why the status could not be read (e.g. the object was deleted meanwhile). */
  error: z.string().nullable(),
});
export type ObjectReplicationStatus = z.infer<typeof ObjectReplicationStatus>;

export const ReplicationStatusesResponse = z.object({ statuses: z.array(ObjectReplicationStatus) });
export type ReplicationStatusesResponse = z.infer<typeof ReplicationStatusesResponse>;

/** Largest file the console uploads through the BFF (as base64 in a JSON body). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const UploadObjectRequest = z.object({
  key: z.string().min(1, 'the object key is required').max(1024, 'at most 1024 characters'),
  /** Sent as the Content-Type header: visible ASCII, inner spaces and tabs (RFC 9110 field-value), no line breaks. */
  contentType: z
    .string()
    .max(256)
    .regex(
      /^[\x21-\x7e](?:[\t\x20-\x7e]*[\x21-\x7e])?$/,
      'not a valid HTTP header value: visible ASCII characters with inner spaces or tabs, no line breaks',
    )
    .optional(),
  /** The file's bytes, base64. */
  contentBase64: z
    .string()
    .max(
      Math.ceil(MAX_UPLOAD_BYTES / 3) * 4,
      `the console uploads files up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
    )
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
});
export type UploadObjectRequest = z.infer<typeof UploadObjectRequest>;

export const UploadObjectResponse = z.object({
  key: z.string(),
  versionId: z.string().nullable(),
  etag: z.string().nullable(),
});
export type UploadObjectResponse = z.infer<typeof UploadObjectResponse>;
