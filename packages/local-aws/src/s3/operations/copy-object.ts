import { createHash } from 'node:crypto';
import { ServiceError } from '../../errors/service-error.js';
import { type HandlerResult, header } from '../../http/handler-types.js';
import { decodeComponent } from '../../http/request-target.js';
import type { BucketRow, ObjectAttrs, ObjectRow } from '../../store/s3-rows.js';
import { el } from '../../xml/xml-writer.js';
import { aclFromHeaders } from '../access-control.js';
import { assertObjectAccess } from '../authorization.js';
import { type ChecksumAlgorithm, createHasher, parseChecksumAlgorithm } from '../body/checksums.js';
import { evaluateConditions, preconditionFailed } from '../conditional-headers.js';
import { commitVersion } from '../object-commit.js';
import { encryptionHeaders } from '../object-headers.js';
import {
  contentAttrsFromHeaders,
  lockAttrsFromHeaders,
  parseTaggingHeader,
  storageClassFrom,
  validateKey,
} from '../object-write-options.js';
import { restoreView } from '../restore-state.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { invalidArgument, noSuchBucket, noSuchKey, noSuchVersion, requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';

/** The object an `x-amz-copy-source` header names (CopyObject and UploadPartCopy). */
export interface CopySource {
  readonly bucket: BucketRow;
  readonly row: ObjectRow;
  /** Whether the header named a version explicitly. */
  readonly explicitVersion: boolean;
}

/** `[/]bucket/key[?versionId=…]`, URL-encoded → the source version, or the S3 error. */
export function resolveCopySource(ctx: S3Context): CopySource {
  const raw = header(ctx, 'x-amz-copy-source') ?? '';
  const q = raw.indexOf('?');
  const path = decodeComponent(q === -1 ? raw : raw.slice(0, q)).replace(/^\//, '');
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) {
    throw invalidArgument('Invalid copy source object key', 'x-amz-copy-source', raw);
  }
  const bucketName = path.slice(0, slash);
  const key = path.slice(slash + 1);
  const versionId = params.get('versionId') ?? undefined;
  if (versionId === '') throw invalidArgument('Invalid version id specified', 'x-amz-copy-source', raw);
  const bucket = ctx.svc.meta.getBucket(bucketName);
  if (!bucket) throw noSuchBucket(bucketName);
  assertObjectAccess(ctx, bucket, key, versionId, 'READ');
  const row = ctx.svc.meta.getObject(bucketName, key, versionId);
  if (!row) throw versionId === undefined ? noSuchKey(key) : noSuchVersion(key, versionId);
  if (row.isDeleteMarker) {
    if (versionId === undefined) throw noSuchKey(key);
    throw new ServiceError(
      400,
      'InvalidRequest',
      'The source of a copy request may not specifically refer to a delete marker by version id.',
    );
  }
  if (!restoreView(row.storageClass, row.attrs, ctx.svc.now().getTime()).readable) {
    throw new ServiceError(
      403,
      'InvalidObjectState',
      "The operation is not valid for the object's storage class",
      { StorageClass: row.storageClass },
    );
  }
  return { bucket, row, explicitVersion: versionId !== undefined };
}

/** x-amz-copy-source-if-*: every condition that does not hold is a 412 (there is no 304 for a copy). */
export function checkCopySourceConditions(ctx: S3Context, row: ObjectRow): void {
  const outcome = evaluateConditions(ctx, row, 'x-amz-copy-source-');
  if (outcome.kind !== 'pass') throw preconditionFailed(`x-amz-copy-source-${outcome.condition}`);
}

/** Stream a source blob (or a byte range of it) into a new blob, hashing on the way. */
export async function copyBlob(
  ctx: S3Context,
  blob: string | null,
  range: { start: number; end: number } | undefined,
  algorithm: ChecksumAlgorithm | undefined,
): Promise<{
  blob: string;
  size: number;
  md5Hex: string;
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
}> {
  const md5 = createHash('md5');
  const hasher = algorithm ? await createHasher(algorithm) : undefined;
  const { blobs } = ctx.svc;
  const source: AsyncIterable<Buffer> = blob ? blobs.read(blob, range) : (async function* () {})();
  const written = await blobs.write(source, (chunk) => {
    md5.update(chunk);
    hasher?.update(chunk);
  });
  return {
    ...written,
    md5Hex: md5.digest('hex'),
    ...(algorithm && hasher ? { checksum: { algorithm, value: hasher.digest().toString('base64') } } : {}),
  };
}

function directive(ctx: S3Context, name: string): 'COPY' | 'REPLACE' {
  const v = header(ctx, name);
  if (v === undefined || v === 'COPY') return 'COPY';
  if (v === 'REPLACE') return 'REPLACE';
  throw invalidArgument(
    name === 'x-amz-metadata-directive' ? 'Unknown metadata directive.' : 'Unknown tagging directive.',
    name,
    v,
  );
}

/** The content headers and user metadata that COPY carries over from the source. */
function copiedContentAttrs(a: ObjectAttrs): ObjectAttrs {
  const out: ObjectAttrs = {};
  if (a.contentType !== undefined) out.contentType = a.contentType;
  if (a.contentEncoding !== undefined) out.contentEncoding = a.contentEncoding;
  if (a.contentDisposition !== undefined) out.contentDisposition = a.contentDisposition;
  if (a.contentLanguage !== undefined) out.contentLanguage = a.contentLanguage;
  if (a.cacheControl !== undefined) out.cacheControl = a.cacheControl;
  if (a.expires !== undefined) out.expires = a.expires;
  if (a.userMetadata !== undefined) out.userMetadata = { ...a.userMetadata };
  return out;
}

async function copyObject(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const key = ctx.key as string;
  validateKey(key);
  const metadataDirective = directive(ctx, 'x-amz-metadata-directive');
  const taggingDirective = directive(ctx, 'x-amz-tagging-directive');
  const storageHeader = header(ctx, 'x-amz-storage-class');
  const storageClass = storageClassFrom(storageHeader);
  const src = resolveCopySource(ctx);
  const sameObject = src.bucket.name === bucket.name && src.row.key === key;
  // S3 refuses an in-place copy that changes nothing it considers part of the object.
  if (
    sameObject &&
    metadataDirective === 'COPY' &&
    storageHeader === undefined &&
    header(ctx, 'x-amz-website-redirect-location') === undefined &&
    header(ctx, 'x-amz-server-side-encryption') === undefined
  ) {
    throw new ServiceError(
      400,
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  checkCopySourceConditions(ctx, src.row);
  const headerAttrs = contentAttrsFromHeaders(ctx);
  const attrs: ObjectAttrs =
    metadataDirective === 'REPLACE'
      ? headerAttrs
      : {
          ...copiedContentAttrs(src.row.attrs),
          ...(headerAttrs.websiteRedirect ? { websiteRedirect: headerAttrs.websiteRedirect } : {}),
          ...(headerAttrs.sse ? { sse: headerAttrs.sse } : {}),
          ...(headerAttrs.sseKmsKeyId ? { sseKmsKeyId: headerAttrs.sseKmsKeyId } : {}),
          ...(headerAttrs.bucketKeyEnabled ? { bucketKeyEnabled: true } : {}),
        };
  if (taggingDirective === 'REPLACE') {
    const tagging = header(ctx, 'x-amz-tagging');
    const tags = tagging ? parseTaggingHeader(tagging) : [];
    if (tags.length) attrs.tags = tags;
  } else if (src.row.attrs.tags?.length) {
    attrs.tags = src.row.attrs.tags.map((t) => ({ ...t }));
  }
  const acl = aclFromHeaders(ctx, bucket);
  if (acl) attrs.acl = acl;
  Object.assign(attrs, lockAttrsFromHeaders(ctx, bucket));
  const algorithm =
    parseChecksumAlgorithm(header(ctx, 'x-amz-checksum-algorithm')) ??
    (src.row.attrs.checksum?.algorithm as ChecksumAlgorithm | undefined);
  const copied = await copyBlob(ctx, src.row.blob, undefined, algorithm);
  if (copied.checksum) attrs.checksum = { ...copied.checksum, type: 'FULL_OBJECT' };
  const { versionId, lastModified } = await commitVersion(ctx, bucket, key, {
    size: copied.size,
    etag: copied.md5Hex,
    storageClass,
    blob: copied.blob,
    attrs,
  });
  const result = s3Xml(
    'CopyObjectResult',
    el('LastModified', new Date(lastModified)),
    el('ETag', `"${copied.md5Hex}"`),
    copied.checksum ? el('ChecksumType', 'FULL_OBJECT') : null,
    copied.checksum ? el(checksumElement(copied.checksum.algorithm), copied.checksum.value) : null,
  );
  const headers: Record<string, string> = {
    ...result.headers,
    ...encryptionHeaders(attrs),
  };
  if (bucket.versioning !== null) headers['x-amz-version-id'] = versionId;
  if (src.bucket.versioning !== null) headers['x-amz-copy-source-version-id'] = src.row.versionId;
  return { ...result, headers };
}

/** `CRC32C` → `ChecksumCRC32C`, the element name in result documents. */
export function checksumElement(algorithm: ChecksumAlgorithm): string {
  return `Checksum${algorithm}`;
}

export const copyObjectRoutes: readonly S3Route[] = [
  {
    method: 'PUT',
    scope: 'object',
    header: 'x-amz-copy-source',
    operation: 'CopyObject',
    handle: copyObject,
  },
];
