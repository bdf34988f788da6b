// The rows of the S3 metadata store (decision 0004) and their SQLite columns.

export interface BucketRow {
  readonly name: string;
  readonly region: string;
  readonly created: number;
  /** null (never enabled), 'Enabled' or 'Suspended'. */
  readonly versioning: 'Enabled' | 'Suspended' | null;
  readonly objectLock: boolean;
  /** The account that created the bucket (decision 0016). */
  readonly owner: string;
  /** JSON documents of bucket subresources, kept as the API gave them. */
  readonly config: Readonly<Record<string, unknown>>;
}

export interface ObjectRow {
  readonly bucket: string;
  readonly key: string;
  /** 'null' for the null version of unversioned / suspended buckets, as S3 names it. */
  readonly versionId: string;
  /** Monotonic per store: orders versions of one key, newest highest. */
  readonly seq: number;
  readonly isLatest: boolean;
  readonly isDeleteMarker: boolean;
  readonly size: number;
  /** Without quotes. */
  readonly etag: string;
  readonly lastModified: number;
  readonly storageClass: string;
  /** Blob file, relative to the blob root; null for delete markers. */
  readonly blob: string | null;
  /** Everything else of the version (content headers, user metadata, tags, ACL, checksum, lock, restore…). */
  readonly attrs: ObjectAttrs;
}

export interface ObjectAttrs {
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
  userMetadata?: Record<string, string>;
  tags?: Array<{ Key: string; Value: string }>;
  acl?: unknown;
  /** The account that wrote the version; absent on versions from before owners were kept (the bucket owner's). */
  owner?: string;
  checksum?: { algorithm: string; value: string; type: 'FULL_OBJECT' | 'COMPOSITE' };
  partsCount?: number;
  /** Part sizes of a multipart object, for GetObject ?partNumber. */
  partSizes?: number[];
  /** Part checksums (of `checksum.algorithm`) of a multipart object, for GetObjectAttributes. */
  partChecksums?: string[];
  legalHold?: 'ON' | 'OFF';
  retention?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; until: string };
  restore?: { ongoing: boolean; expiry?: string; readyAt?: number; tier?: string; days?: number };
  replicationStatus?: string;
  websiteRedirect?: string;
  sse?: string;
  /** The KMS key ARN of an SSE-KMS object (local-aws has no KMS: it is only recorded). */
  sseKmsKeyId?: string;
  bucketKeyEnabled?: boolean;
}

export interface ObjectDbRow {
  bucket: string;
  key: string;
  version_id: string;
  seq: number;
  is_latest: number;
  is_delete_marker: number;
  size: number;
  etag: string;
  last_modified: number;
  storage_class: string;
  blob: string | null;
  attrs: string;
}

export interface BucketDbRow {
  name: string;
  region: string;
  created: number;
  versioning: string | null;
  object_lock: number;
  owner: string;
  config: string;
}

export const toObject = (r: ObjectDbRow): ObjectRow => ({
  bucket: r.bucket,
  key: r.key,
  versionId: r.version_id,
  seq: r.seq,
  isLatest: r.is_latest === 1,
  isDeleteMarker: r.is_delete_marker === 1,
  size: r.size,
  etag: r.etag,
  lastModified: r.last_modified,
  storageClass: r.storage_class,
  blob: r.blob,
  attrs: JSON.parse(r.attrs) as ObjectAttrs,
});

export const toBucket = (r: BucketDbRow): BucketRow => ({
  name: r.name,
  region: r.region,
  created: r.created,
  versioning: r.versioning as BucketRow['versioning'],
  objectLock: r.object_lock === 1,
  owner: r.owner,
  config: JSON.parse(r.config) as Record<string, unknown>,
});

/** A live replication waiting in the durable queue. */
export interface PendingReplication {
  readonly id: number;
  readonly bucket: string;
  readonly key: string;
  readonly versionId: string;
  readonly enqueued: number;
}

export interface UploadRow {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly initiated: number;
  readonly attrs: ObjectAttrs & { storageClass?: string; checksumAlgorithm?: string };
}

export interface PartRow {
  readonly uploadId: string;
  readonly partNumber: number;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: number;
  readonly blob: string;
  readonly checksum: string | null;
}

export interface PartDbRow {
  upload_id: string;
  part_number: number;
  size: number;
  etag: string;
  last_modified: number;
  blob: string;
  checksum: string | null;
}

export const toPart = (r: PartDbRow): PartRow => ({
  uploadId: r.upload_id,
  partNumber: r.part_number,
  size: r.size,
  etag: r.etag,
  lastModified: r.last_modified,
  blob: r.blob,
  checksum: r.checksum,
});

export interface UploadDbRow {
  upload_id: string;
  bucket: string;
  key: string;
  initiated: number;
  attrs: string;
}

export const toUpload = (r: UploadDbRow): UploadRow => ({
  uploadId: r.upload_id,
  bucket: r.bucket,
  key: r.key,
  initiated: r.initiated,
  attrs: JSON.parse(r.attrs),
});

/** The named parameters of an objects row insert. */
export const objectColumns = (
  row: Omit<ObjectRow, 'seq' | 'isLatest'>,
  seq: number,
  isLatest: boolean,
): ObjectDbRow => ({
  bucket: row.bucket,
  key: row.key,
  version_id: row.versionId,
  seq,
  is_latest: isLatest ? 1 : 0,
  is_delete_marker: row.isDeleteMarker ? 1 : 0,
  size: row.size,
  etag: row.etag,
  last_modified: row.lastModified,
  storage_class: row.storageClass,
  blob: row.blob,
  attrs: JSON.stringify(row.attrs),
});
