import { WRITABLE_STORAGE_CLASSES } from '@batchops/batch-formats';
import { ServiceError } from '../errors/service-error.js';
import { header } from '../http/handler-types.js';
import { headerText } from '../http/header-text.js';
import type { BucketRow, ObjectAttrs } from '../store/s3-rows.js';
import { aclFromHeaders } from './access-control.js';
import type { S3Context } from './s3-context.js';
import { invalidArgument } from './s3-errors.js';

export const STORAGE_CLASSES: ReadonlySet<string> = new Set(WRITABLE_STORAGE_CLASSES);

export function validateKey(key: string): void {
  if (Buffer.byteLength(key, 'utf8') > 1024) {
    throw new ServiceError(400, 'KeyTooLongError', 'Your key is too long', {
      Size: String(Buffer.byteLength(key)),
    });
  }
}

export function storageClassFrom(value: string | undefined): string {
  if (value === undefined) return 'STANDARD';
  if (!STORAGE_CLASSES.has(value)) {
    throw new ServiceError(400, 'InvalidStorageClass', 'The storage class you specified is not valid', {
      StorageClassRequested: value,
    });
  }
  return value;
}

/** Validate a tag set as S3 does for objects: ≤ 10 tags, unique keys, key ≤ 128, value ≤ 256 chars. */
export function validateObjectTags(tags: Array<{ Key: string; Value: string }>): void {
  if (tags.length > 10) throw new ServiceError(400, 'BadRequest', 'Object tags cannot be greater than 10');
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.Key.length < 1 || t.Key.length > 128)
      throw new ServiceError(400, 'InvalidTag', 'The TagKey you have provided is invalid');
    if (t.Value.length > 256)
      throw new ServiceError(
        400,
        'InvalidTag',
        'The TagValue you have provided is too long, max length is 256',
      );
    if (seen.has(t.Key))
      throw new ServiceError(400, 'InvalidTag', 'Cannot provide multiple Tags with the same key');
    seen.add(t.Key);
  }
}

/** `x-amz-tagging: a=1&b=2` (URL-encoded query form). */
export function parseTaggingHeader(value: string): Array<{ Key: string; Value: string }> {
  const tags = [...new URLSearchParams(value)].map(([Key, Value]) => ({ Key, Value }));
  validateObjectTags(tags);
  return tags;
}

/** Content-* and metadata headers of a write. */
export function contentAttrsFromHeaders(ctx: S3Context): ObjectAttrs {
  const userMetadata: Record<string, string> = {};
  let metaSize = 0;
  for (const [name, values] of Object.entries(ctx.headers)) {
    if (!name.startsWith('x-amz-meta-') || !values) continue;
    const k = name.slice('x-amz-meta-'.length);
    const v = values.map(headerText).join(',');
    userMetadata[k] = v;
    metaSize += k.length + v.length;
  }
  if (metaSize > 2048) {
    throw new ServiceError(
      400,
      'MetadataTooLarge',
      'Your metadata headers exceed the maximum allowed metadata size',
      {
        Size: String(metaSize),
        MaxSizeAllowed: '2048',
      },
    );
  }
  const encoding = header(ctx, 'content-encoding')
    ?.split(',')
    .map((e) => e.trim())
    .filter((e) => e !== 'aws-chunked' && e !== '')
    .join(', ');
  const attrs: ObjectAttrs = {};
  const set = (k: keyof ObjectAttrs, v: string | undefined) => {
    if (v !== undefined && v !== '') (attrs as Record<string, unknown>)[k] = v;
  };
  set('contentType', header(ctx, 'content-type'));
  set('contentEncoding', encoding);
  set('contentDisposition', header(ctx, 'content-disposition'));
  set('contentLanguage', header(ctx, 'content-language'));
  set('cacheControl', header(ctx, 'cache-control'));
  set('expires', header(ctx, 'expires'));
  set('websiteRedirect', header(ctx, 'x-amz-website-redirect-location'));
  const sse = header(ctx, 'x-amz-server-side-encryption');
  if (header(ctx, 'x-amz-server-side-encryption-aws-kms-key-id') !== undefined && !sse?.startsWith('aws:kms'))
    throw invalidArgument(
      'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
    );
  if (sse !== undefined) {
    if (!['AES256', 'aws:kms', 'aws:kms:dsse'].includes(sse))
      throw invalidArgument('Invalid server side encryption', 'x-amz-server-side-encryption', sse);
    attrs.sse = sse;
    // No KMS here: the key is recorded and shown back (decision 0020).
    const keyId = header(ctx, 'x-amz-server-side-encryption-aws-kms-key-id');
    if (sse === 'aws:kms' && keyId) attrs.sseKmsKeyId = keyId;
    if (sse === 'aws:kms' && header(ctx, 'x-amz-server-side-encryption-bucket-key-enabled') === 'true')
      attrs.bucketKeyEnabled = true;
  }
  if (Object.keys(userMetadata).length) attrs.userMetadata = userMetadata;
  return attrs;
}

/** Object Lock headers of a write, or the bucket's default retention. */
export function lockAttrsFromHeaders(
  ctx: S3Context,
  bucket: BucketRow,
): Pick<ObjectAttrs, 'legalHold' | 'retention'> {
  const mode = header(ctx, 'x-amz-object-lock-mode');
  const until = header(ctx, 'x-amz-object-lock-retain-until-date');
  const hold = header(ctx, 'x-amz-object-lock-legal-hold');
  const out: Pick<ObjectAttrs, 'legalHold' | 'retention'> = {};
  if ((mode || until || hold) && !bucket.objectLock) {
    throw new ServiceError(400, 'InvalidRequest', 'Bucket is missing Object Lock Configuration');
  }
  if ((mode === undefined) !== (until === undefined)) {
    throw invalidArgument(
      'x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied',
      mode === undefined ? 'x-amz-object-lock-mode' : 'x-amz-object-lock-retain-until-date',
    );
  }
  if (mode !== undefined && until !== undefined) {
    if (mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE')
      throw invalidArgument('Unknown wormMode directive.', 'x-amz-object-lock-mode', mode);
    const t = Date.parse(until);
    if (Number.isNaN(t))
      throw invalidArgument(
        'The retain until date is not valid',
        'x-amz-object-lock-retain-until-date',
        until,
      );
    if (t <= ctx.svc.now().getTime())
      throw invalidArgument(
        'The retain until date must be in the future!',
        'x-amz-object-lock-retain-until-date',
        until,
      );
    out.retention = { mode, until: new Date(t).toISOString() };
  } else {
    const rule = (
      bucket.config.objectLock as
        | { rule?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; days?: number; years?: number } }
        | undefined
    )?.rule;
    if (rule) {
      const days = rule.days ?? (rule.years ?? 0) * 365;
      out.retention = {
        mode: rule.mode,
        until: new Date(ctx.svc.now().getTime() + days * 86_400_000).toISOString(),
      };
    }
  }
  if (hold !== undefined) {
    if (hold !== 'ON' && hold !== 'OFF')
      throw invalidArgument('Legal Hold must be either of ON or OFF', 'x-amz-object-lock-legal-hold', hold);
    out.legalHold = hold;
  }
  return out;
}

/**
 * What a new object takes from the headers of PutObject and CreateMultipartUpload: its key checked,
 * storage class, content and metadata, Object Lock settings, tags and ACL.
 */
export function newObjectFromHeaders(
  ctx: S3Context,
  bucket: BucketRow,
): { key: string; storageClass: string; attrs: ObjectAttrs } {
  const key = ctx.key as string;
  validateKey(key);
  const storageClass = storageClassFrom(header(ctx, 'x-amz-storage-class'));
  const tagging = header(ctx, 'x-amz-tagging');
  const attrs: ObjectAttrs = {
    ...contentAttrsFromHeaders(ctx),
    ...lockAttrsFromHeaders(ctx, bucket),
    ...(tagging ? { tags: parseTaggingHeader(tagging) } : {}),
  };
  const acl = aclFromHeaders(ctx, bucket);
  if (acl) attrs.acl = acl;
  return { key, storageClass, attrs };
}
