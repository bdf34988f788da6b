import { mailSafe } from '../http/header-text.js';
import type { BucketRow, ObjectRow } from '../store/s3-rows.js';
import { type ChecksumAlgorithm, checksumHeaderName } from './body/checksums.js';
import { restoreView } from './restore-state.js';
import { httpDate } from './s3-xml.js';

/** How an object is encrypted, as every write and read of it answers (KMS key recorded, decision 0020). */
export function encryptionHeaders(
  a: Pick<ObjectRow['attrs'], 'sse' | 'sseKmsKeyId' | 'bucketKeyEnabled'>,
): Record<string, string> {
  const h: Record<string, string> = { 'x-amz-server-side-encryption': a.sse ?? 'AES256' };
  if (a.sse === 'aws:kms' && a.sseKmsKeyId) h['x-amz-server-side-encryption-aws-kms-key-id'] = a.sseKmsKeyId;
  if (a.bucketKeyEnabled) h['x-amz-server-side-encryption-bucket-key-enabled'] = 'true';
  return h;
}

/** The response headers GetObject and HeadObject share. */
export function objectHeaders(
  bucket: BucketRow,
  row: ObjectRow,
  opts: { now: number; checksumMode: boolean },
): Record<string, string> {
  const a = row.attrs;
  const h: Record<string, string> = {
    etag: `"${row.etag}"`,
    'last-modified': httpDate(row.lastModified),
    'accept-ranges': 'bytes',
    'content-type': a.contentType ?? 'binary/octet-stream',
    ...encryptionHeaders(a),
  };
  if (bucket.versioning !== null) h['x-amz-version-id'] = row.versionId;
  if (a.contentEncoding) h['content-encoding'] = a.contentEncoding;
  if (a.contentDisposition) h['content-disposition'] = a.contentDisposition;
  if (a.contentLanguage) h['content-language'] = a.contentLanguage;
  if (a.cacheControl) h['cache-control'] = a.cacheControl;
  if (a.expires) h.expires = a.expires;
  if (a.websiteRedirect) h['x-amz-website-redirect-location'] = a.websiteRedirect;
  for (const [k, v] of Object.entries(a.userMetadata ?? {})) h[`x-amz-meta-${k}`] = mailSafe(v);
  if (row.storageClass !== 'STANDARD') h['x-amz-storage-class'] = row.storageClass;
  if (a.tags?.length) h['x-amz-tagging-count'] = String(a.tags.length);
  if (a.partsCount) h['x-amz-mp-parts-count'] = String(a.partsCount);
  if (a.legalHold) h['x-amz-object-lock-legal-hold'] = a.legalHold;
  if (a.retention) {
    h['x-amz-object-lock-mode'] = a.retention.mode;
    h['x-amz-object-lock-retain-until-date'] = a.retention.until;
  }
  if (a.replicationStatus) h['x-amz-replication-status'] = a.replicationStatus;
  const restore = restoreView(row.storageClass, a, opts.now).header;
  if (restore) h['x-amz-restore'] = restore;
  if (opts.checksumMode && a.checksum) {
    h[checksumHeaderName(a.checksum.algorithm as ChecksumAlgorithm)] = a.checksum.value;
    h['x-amz-checksum-type'] = a.checksum.type;
  }
  return h;
}
