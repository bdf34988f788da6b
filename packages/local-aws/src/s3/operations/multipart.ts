import { createHash, randomBytes } from 'node:crypto';
import { ServiceError } from '../../errors/service-error.js';
import { type HandlerResult, header } from '../../http/handler-types.js';
import type { BucketRow, PartRow, UploadRow } from '../../store/s3-rows.js';
import { asList, parseXml, readBodyText, text } from '../../xml/xml-reader.js';
import { el, opt } from '../../xml/xml-writer.js';
import { aclFromHeaders } from '../access-control.js';
import {
  CHECKSUM_ALGORITHMS,
  type ChecksumAlgorithm,
  checksumHeaderName,
  createHasher,
  type Hasher,
  parseChecksumAlgorithm,
} from '../body/checksums.js';
import { receiveBody } from '../object-body.js';
import { commitVersion } from '../object-commit.js';
import {
  contentAttrsFromHeaders,
  lockAttrsFromHeaders,
  parseTaggingHeader,
  storageClassFrom,
  validateKey,
} from '../object-write-options.js';
import { ownerOf, type S3Context, type S3Route } from '../s3-context.js';
import { invalidArgument, requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';
import { checkCopySourceConditions, checksumElement, copyBlob, resolveCopySource } from './copy-object.js';
import { checkWriteConditions } from './objects.js';

const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PART_SIZE = 5 * 1024 ** 3;

type ChecksumType = 'FULL_OBJECT' | 'COMPOSITE';

/** What CreateMultipartUpload records for CompleteMultipartUpload (JSON in uploads.attrs). */
type UploadAttrs = UploadRow['attrs'] & { checksumType?: ChecksumType };

/** A part's checksum, as kept in parts.checksum. */
interface PartChecksum {
  algorithm: ChecksumAlgorithm;
  value: string;
}

const partChecksum = (p: PartRow): PartChecksum | undefined =>
  p.checksum ? (JSON.parse(p.checksum) as PartChecksum) : undefined;

const noSuchUpload = (uploadId: string) =>
  new ServiceError(
    404,
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );

const uploadIdParam = (ctx: S3Context) => ctx.target.query.get('uploadId')?.[0] ?? '';

/** The upload of ?uploadId, which must belong to the addressed bucket and key. */
function requireUpload(ctx: S3Context): { bucket: BucketRow; upload: UploadRow } {
  const bucket = requireBucket(ctx);
  const uploadId = uploadIdParam(ctx);
  const upload = ctx.svc.meta.uploads.get(uploadId);
  if (!upload || upload.bucket !== bucket.name || upload.key !== ctx.key) throw noSuchUpload(uploadId);
  return { bucket, upload };
}

function intParam(ctx: S3Context, name: string, fallback: number, message: string): number {
  const raw = ctx.target.query.get(name)?.[0];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 2_147_483_647) throw invalidArgument(message, name, raw);
  return Number(raw);
}

/** encoding-type=url: keys URL-encoded as S3 does it. */
function encoder(ctx: S3Context): (s: string) => string {
  const e = ctx.target.query.get('encoding-type')?.[0];
  if (e === undefined) return (s) => s;
  if (e !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', e);
  return (s) => encodeURIComponent(s).replace(/%2F/g, '/');
}

/** x-amz-checksum-type of Create and Complete: FULL_OBJECT, COMPOSITE or absent. */
function checksumTypeHeader(ctx: S3Context): ChecksumType | undefined {
  const value = header(ctx, 'x-amz-checksum-type');
  if (value !== undefined && value !== 'FULL_OBJECT' && value !== 'COMPOSITE') {
    throw invalidArgument('Value for x-amz-checksum-type header is invalid.', 'x-amz-checksum-type', value);
  }
  return value;
}

const defaultChecksumType = (a: ChecksumAlgorithm): ChecksumType =>
  a === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE';

function createMultipartUpload(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const key = ctx.key as string;
  validateKey(key);
  const tagging = header(ctx, 'x-amz-tagging');
  const attrs: UploadAttrs = {
    ...contentAttrsFromHeaders(ctx),
    ...lockAttrsFromHeaders(ctx, bucket),
    ...(tagging ? { tags: parseTaggingHeader(tagging) } : {}),
    storageClass: storageClassFrom(header(ctx, 'x-amz-storage-class')),
    // The initiator: it owns the object the upload completes into (decision 0016).
    owner: ctx.identity.accountId,
  };
  const acl = aclFromHeaders(ctx, bucket);
  if (acl) attrs.acl = acl;
  const algorithm = parseChecksumAlgorithm(header(ctx, 'x-amz-checksum-algorithm'));
  const typeHeader = checksumTypeHeader(ctx);
  if (typeHeader !== undefined && algorithm === undefined) {
    throw new ServiceError(
      400,
      'InvalidRequest',
      'The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.',
    );
  }
  if (algorithm) {
    attrs.checksumAlgorithm = algorithm;
    attrs.checksumType = typeHeader ?? defaultChecksumType(algorithm);
    if (attrs.checksumType === 'COMPOSITE' && algorithm === 'CRC64NVME') {
      throw new ServiceError(
        400,
        'InvalidRequest',
        'The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.',
      );
    }
  }
  const uploadId = randomBytes(48).toString('base64url');
  ctx.svc.meta.uploads.create({
    uploadId,
    bucket: bucket.name,
    key,
    initiated: ctx.svc.now().getTime(),
    attrs,
  });
  const result = s3Xml(
    'InitiateMultipartUploadResult',
    el('Bucket', bucket.name),
    el('Key', key),
    el('UploadId', uploadId),
  );
  const headers: Record<string, string> = {
    ...result.headers,
    'x-amz-server-side-encryption': attrs.sse ?? 'AES256',
  };
  if (attrs.checksumAlgorithm && attrs.checksumType) {
    headers['x-amz-checksum-algorithm'] = attrs.checksumAlgorithm;
    headers['x-amz-checksum-type'] = attrs.checksumType;
  }
  return { ...result, headers };
}

function partNumberParam(ctx: S3Context): number {
  const raw = ctx.target.query.get('partNumber')?.[0] ?? '';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 10000) {
    throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', raw);
  }
  return n;
}

/** Store a part row, dropping the blob of a part it replaces. */
async function storePart(ctx: S3Context, part: PartRow): Promise<void> {
  let replaced: string | null | undefined;
  try {
    replaced = ctx.svc.meta.uploads.putPart(part);
  } catch (e) {
    // A failed row write (disk full…) leaves no file behind.
    await ctx.svc.blobs.remove(part.blob);
    throw e;
  }
  if (replaced && replaced !== part.blob) await ctx.svc.blobs.remove(replaced);
}

async function uploadPart(ctx: S3Context): Promise<HandlerResult> {
  if (header(ctx, 'x-amz-copy-source') !== undefined) return uploadPartCopy(ctx);
  const { upload } = requireUpload(ctx);
  const partNumber = partNumberParam(ctx);
  const body = await receiveBody(ctx, MAX_PART_SIZE);
  // The upload may have been completed or aborted while the body streamed in.
  if (!ctx.svc.meta.uploads.get(upload.uploadId)) {
    await ctx.svc.blobs.remove(body.blob);
    throw noSuchUpload(upload.uploadId);
  }
  await storePart(ctx, {
    uploadId: upload.uploadId,
    partNumber,
    size: body.size,
    etag: body.md5Hex,
    lastModified: ctx.svc.now().getTime(),
    blob: body.blob,
    checksum: body.checksum ? JSON.stringify(body.checksum) : null,
  });
  const headers: Record<string, string> = {
    etag: `"${body.md5Hex}"`,
    'x-amz-server-side-encryption': upload.attrs.sse ?? 'AES256',
  };
  if (body.checksum) headers[checksumHeaderName(body.checksum.algorithm)] = body.checksum.value;
  return { status: 200, headers };
}

/** `bytes=a-b` of x-amz-copy-source-range: both ends required, inside the source. */
function copySourceRange(ctx: S3Context, size: number): { start: number; end: number } | undefined {
  const raw = header(ctx, 'x-amz-copy-source-range');
  if (raw === undefined) return undefined;
  const m = raw.trim().match(/^bytes=(\d+)-(\d+)$/);
  const start = Number(m?.[1]);
  const end = Number(m?.[2]);
  if (!m || start > end || end >= size) {
    throw invalidArgument(
      `Range specified is not valid for source object of size: ${size}`,
      'x-amz-copy-source-range',
      raw,
    );
  }
  return { start, end };
}

async function uploadPartCopy(ctx: S3Context): Promise<HandlerResult> {
  const { upload } = requireUpload(ctx);
  const partNumber = partNumberParam(ctx);
  const src = resolveCopySource(ctx);
  checkCopySourceConditions(ctx, src.row);
  const range = copySourceRange(ctx, src.row.size);
  const length = range ? range.end - range.start + 1 : src.row.size;
  if (length > MAX_PART_SIZE) {
    throw invalidArgument(
      'The specified copy source is larger than the maximum allowable size for a copy source: 5368709120',
      'x-amz-copy-source',
    );
  }
  const algorithm = upload.attrs.checksumAlgorithm as ChecksumAlgorithm | undefined;
  const copied = await copyBlob(ctx, src.row.size === 0 ? null : src.row.blob, range, algorithm);
  const lastModified = ctx.svc.now().getTime();
  await storePart(ctx, {
    uploadId: upload.uploadId,
    partNumber,
    size: copied.size,
    etag: copied.md5Hex,
    lastModified,
    blob: copied.blob,
    checksum: copied.checksum ? JSON.stringify(copied.checksum) : null,
  });
  const result = s3Xml(
    'CopyPartResult',
    el('ETag', `"${copied.md5Hex}"`),
    el('LastModified', new Date(lastModified)),
    copied.checksum ? el(checksumElement(copied.checksum.algorithm), copied.checksum.value) : null,
  );
  const headers: Record<string, string> = {
    ...result.headers,
    'x-amz-server-side-encryption': upload.attrs.sse ?? 'AES256',
  };
  if (src.bucket.versioning !== null) headers['x-amz-copy-source-version-id'] = src.row.versionId;
  return { ...result, headers };
}

const stripQuotes = (etag: string) => etag.trim().replace(/^"|"$/g, '');

/** The stored parts a CompleteMultipartUpload document names, checked as S3 checks them. */
function selectedParts(upload: UploadRow, doc: Record<string, unknown>, ctx: S3Context): PartRow[] {
  const entries = asList(doc.Part);
  const malformed = () =>
    new ServiceError(
      400,
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  if (entries.length === 0) throw malformed();
  const parts: PartRow[] = [];
  let previous = 0;
  for (const entry of entries) {
    const numberText = text(entry, 'PartNumber');
    const etagText = text(entry, 'ETag');
    if (numberText === undefined || etagText === undefined || !/^\d+$/.test(numberText)) throw malformed();
    const partNumber = Number(numberText);
    if (partNumber <= previous) {
      throw new ServiceError(
        400,
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
        { UploadId: upload.uploadId },
      );
    }
    previous = partNumber;
    const part = ctx.svc.meta.uploads.getPart(upload.uploadId, partNumber);
    const stored = part && partChecksum(part);
    const claimed = stored && text(entry, checksumElement(stored.algorithm));
    if (
      !part ||
      part.etag !== stripQuotes(etagText) ||
      (claimed !== undefined && claimed !== stored?.value)
    ) {
      throw new ServiceError(
        400,
        'InvalidPart',
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not have matched the part's entity tag.",
        { UploadId: upload.uploadId, PartNumber: numberText, ETag: etagText },
      );
    }
    parts.push(part);
  }
  parts.forEach((p, i) => {
    if (i < parts.length - 1 && p.size < MIN_PART_SIZE) {
      throw new ServiceError(
        400,
        'EntityTooSmall',
        'Your proposed upload is smaller than the minimum allowed size',
        {
          ProposedSize: String(p.size),
          MinSizeAllowed: String(MIN_PART_SIZE),
          PartNumber: String(p.partNumber),
          ETag: p.etag,
        },
      );
    }
  });
  return parts;
}

/** What a CompleteMultipartUpload answered, kept so that a retry gets the same answer. */
interface CompletedUpload {
  /** [part number, ETag] as the request listed them. */
  parts: Array<[number, string]>;
  etag: string;
  /** Set on versioned buckets. */
  versionId?: string;
  checksum?: { algorithm: ChecksumAlgorithm; value: string; type: ChecksumType };
  sse: string;
}

const listedParts = (doc: Record<string, unknown>): Array<[number, string]> =>
  asList(doc.Part).map((e) => [Number(text(e, 'PartNumber')), stripQuotes(text(e, 'ETag') ?? '')]);

function completeResponse(ctx: S3Context, bucket: string, key: string, done: CompletedUpload): HandlerResult {
  const host = header(ctx, 'host') ?? 'localhost';
  const encodedKey = key.split('/').map(encodeURIComponent).join('/');
  const { checksum } = done;
  const result = s3Xml(
    'CompleteMultipartUploadResult',
    el('Location', `http://${host}/${bucket}/${encodedKey}`),
    el('Bucket', bucket),
    el('Key', key),
    el('ETag', `"${done.etag}"`),
    checksum ? el(checksumElement(checksum.algorithm), checksum.value) : null,
    checksum ? el('ChecksumType', checksum.type) : null,
  );
  const headers: Record<string, string> = { ...result.headers, 'x-amz-server-side-encryption': done.sse };
  if (done.versionId !== undefined) headers['x-amz-version-id'] = done.versionId;
  return { ...result, headers };
}

const badDigest = (message: string) => new ServiceError(400, 'BadDigest', message);

/**
 * The whole-object checksum a Complete request claims (`x-amz-checksum-<algorithm>`, and
 * `x-amz-checksum-type` or the `<value>-<parts>` composite form), checked against the upload's.
 */
function claimedChecksum(
  ctx: S3Context,
  algorithm: ChecksumAlgorithm | undefined,
  checksumType: ChecksumType | undefined,
): string | undefined {
  const typeHeader = checksumTypeHeader(ctx);
  const present = CHECKSUM_ALGORITHMS.filter((a) => header(ctx, checksumHeaderName(a)) !== undefined);
  if (present.length > 1) {
    throw new ServiceError(400, 'InvalidRequest', 'Expecting a single x-amz-checksum- header.');
  }
  const claimed = present[0];
  const value = claimed && header(ctx, checksumHeaderName(claimed));
  if (claimed !== undefined && claimed !== algorithm) {
    throw new ServiceError(
      400,
      'InvalidRequest',
      `The upload was created using the ${algorithm?.toLowerCase() ?? 'null'} checksum algorithm, not ${claimed.toLowerCase()}.`,
    );
  }
  const type =
    typeHeader ?? (value === undefined ? undefined : value.includes('-') ? 'COMPOSITE' : 'FULL_OBJECT');
  if (type !== undefined && type !== checksumType) {
    throw badDigest(
      `The checksum type ${type} does not match the upload's checksum type ${checksumType ?? 'null'}.`,
    );
  }
  return value;
}

async function completeMultipartUpload(ctx: S3Context): Promise<HandlerResult> {
  const bucket = requireBucket(ctx);
  const uploadId = uploadIdParam(ctx);
  const upload = ctx.svc.meta.uploads.get(uploadId);
  if (!upload || upload.bucket !== bucket.name || upload.key !== ctx.key) {
    // A retry of a Complete that succeeded (the same parts) gets the same answer, as on S3.
    const done = ctx.svc.meta.uploads.getCompleted(uploadId);
    const result = done?.result as CompletedUpload | undefined;
    if (!done || !result || done.bucket !== bucket.name || done.key !== ctx.key) throw noSuchUpload(uploadId);
    const listed = listedParts(parseXml(await readBodyText(ctx.body), 'CompleteMultipartUpload'));
    if (JSON.stringify(listed) !== JSON.stringify(result.parts)) throw noSuchUpload(uploadId);
    return completeResponse(ctx, bucket.name, done.key, result);
  }
  const doc = parseXml(await readBodyText(ctx.body), 'CompleteMultipartUpload');
  const parts = selectedParts(upload, doc, ctx);
  checkWriteConditions(ctx, bucket, upload.key);
  const attrs = upload.attrs as UploadAttrs;
  const algorithm = attrs.checksumAlgorithm as ChecksumAlgorithm | undefined;
  const checksumType = attrs.checksumType;
  const claimed = claimedChecksum(ctx, algorithm, checksumType);
  const { blobs } = ctx.svc;
  // One pass over the part files: the object's bytes, and the part checksums a composite needs.
  const full: Hasher | undefined =
    algorithm && checksumType === 'FULL_OBJECT' ? createHasher(algorithm) : undefined;
  const partDigests: Buffer[] = [];
  async function* concatenated(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      const perPart = algorithm && checksumType === 'COMPOSITE' ? createHasher(algorithm) : undefined;
      for await (const chunk of blobs.read(part.blob)) {
        const buf = chunk as Buffer;
        full?.update(buf);
        perPart?.update(buf);
        yield buf;
      }
      if (perPart) partDigests.push(perPart.digest());
    }
  }
  const { blob, size } = await blobs.write(concatenated());
  const md5OfMd5s = createHash('md5');
  for (const p of parts) md5OfMd5s.update(Buffer.from(p.etag, 'hex'));
  const etag = `${md5OfMd5s.digest('hex')}-${parts.length}`;
  const { storageClass = 'STANDARD', checksumAlgorithm: _a, checksumType: _t, ...objectAttrs } = attrs;
  if (algorithm && checksumType) {
    const value =
      checksumType === 'FULL_OBJECT'
        ? (full as Hasher).digest().toString('base64')
        : `${compositeOf(algorithm, partDigests)}-${parts.length}`;
    objectAttrs.checksum = { algorithm, value, type: checksumType };
    if (claimed !== undefined && claimed !== value) {
      await blobs.remove(blob);
      throw badDigest(`The ${algorithm.toLowerCase()} you specified did not match the calculated checksum.`);
    }
  }
  objectAttrs.partsCount = parts.length;
  objectAttrs.partSizes = parts.map((p) => p.size);
  if (algorithm) objectAttrs.partChecksums = parts.map((p) => partChecksum(p)?.value ?? '');
  // Another Complete or an Abort may have finished this upload while the parts were copied.
  if (!ctx.svc.meta.uploads.get(upload.uploadId)) {
    await blobs.remove(blob);
    throw noSuchUpload(upload.uploadId);
  }
  const { versionId } = await commitVersion(ctx, bucket, upload.key, {
    size,
    etag,
    storageClass,
    blob,
    attrs: objectAttrs,
    writer: (upload.attrs as UploadAttrs).owner,
  });
  const done: CompletedUpload = {
    parts: parts.map((p) => [p.partNumber, p.etag]),
    etag,
    ...(bucket.versioning !== null ? { versionId } : {}),
    ...(objectAttrs.checksum
      ? {
          checksum: {
            ...objectAttrs.checksum,
            algorithm: objectAttrs.checksum.algorithm as ChecksumAlgorithm,
          },
        }
      : {}),
    sse: objectAttrs.sse ?? 'AES256',
  };
  for (const partBlob of ctx.svc.meta.uploads.complete(upload, done)) await blobs.remove(partBlob);
  return completeResponse(ctx, bucket.name, upload.key, done);
}

/** COMPOSITE: the checksum of the concatenated binary part checksums. */
function compositeOf(algorithm: ChecksumAlgorithm, digests: Buffer[]): string {
  const h = createHasher(algorithm);
  for (const d of digests) h.update(d);
  return h.digest().toString('base64');
}

async function abortMultipartUpload(ctx: S3Context): Promise<HandlerResult> {
  const { upload } = requireUpload(ctx);
  for (const blob of ctx.svc.meta.uploads.delete(upload.uploadId)) await ctx.svc.blobs.remove(blob);
  return { status: 204 };
}

function listParts(ctx: S3Context): HandlerResult {
  const { bucket, upload } = requireUpload(ctx);
  const maxParts = Math.min(
    intParam(ctx, 'max-parts', 1000, 'Provided max-parts not an integer or within integer range'),
    1000,
  );
  const marker = intParam(
    ctx,
    'part-number-marker',
    0,
    'Provided part-number-marker not an integer or within integer range',
  );
  const rows = maxParts === 0 ? [] : ctx.svc.meta.uploads.listParts(upload.uploadId, marker, maxParts + 1);
  const truncated = rows.length > maxParts;
  const page = rows.slice(0, maxParts);
  const attrs = upload.attrs as UploadAttrs;
  const owner = ownerOf(attrs.owner ?? bucket.owner);
  const enc = encoder(ctx);
  return s3Xml(
    'ListPartsResult',
    el('Bucket', bucket.name),
    el('Key', enc(upload.key)),
    el('UploadId', upload.uploadId),
    el('PartNumberMarker', marker),
    opt('NextPartNumberMarker', page.at(-1)?.partNumber),
    el('MaxParts', maxParts),
    el('IsTruncated', truncated),
    page.map((p) => {
      const checksum = partChecksum(p);
      return el(
        'Part',
        el('PartNumber', p.partNumber),
        el('LastModified', new Date(p.lastModified)),
        el('ETag', `"${p.etag}"`),
        el('Size', p.size),
        checksum ? el(checksumElement(checksum.algorithm), checksum.value) : null,
      );
    }),
    el('Initiator', el('ID', owner.id), el('DisplayName', owner.displayName)),
    el('Owner', el('ID', owner.id), el('DisplayName', owner.displayName)),
    el('StorageClass', attrs.storageClass ?? 'STANDARD'),
    opt('ChecksumAlgorithm', attrs.checksumAlgorithm),
    opt('ChecksumType', attrs.checksumType),
  );
}

/** Uploads of a bucket in (key, initiated, upload id) order, from `fromKey` on, fetched in batches. */
function* uploadsFrom(ctx: S3Context, bucket: string, fromKey: string): Generator<UploadRow> {
  let from = fromKey;
  let seen = new Set<string>();
  let batch = 1000;
  for (;;) {
    const rows = ctx.svc.meta.uploads.list(bucket, from, batch);
    const fresh = rows.filter((r) => !seen.has(r.uploadId));
    if (fresh.length === 0 && rows.length === batch) {
      // Every row of the batch shares one key already yielded: widen the batch to get past it.
      batch *= 2;
      continue;
    }
    for (const r of fresh) yield r;
    if (rows.length < batch) return;
    const last = rows.at(-1) as UploadRow;
    if (last.key !== from) seen = new Set();
    for (const r of rows) if (r.key === last.key) seen.add(r.uploadId);
    from = last.key;
  }
}

function listMultipartUploads(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const q = (name: string) => ctx.target.query.get(name)?.[0];
  const prefix = q('prefix') ?? '';
  const delimiter = q('delimiter') || undefined;
  const keyMarker = q('key-marker') || undefined;
  const uploadIdMarker = keyMarker !== undefined ? q('upload-id-marker') || undefined : undefined;
  const maxUploads = Math.min(
    intParam(ctx, 'max-uploads', 1000, 'Provided max-uploads not an integer or within integer range'),
    1000,
  );
  const enc = encoder(ctx);
  const start = keyMarker !== undefined && keyMarker > prefix ? keyMarker : prefix;
  const uploads: UploadRow[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let passedIdMarker = uploadIdMarker === undefined;
  for (const u of uploadsFrom(ctx, bucket.name, start)) {
    if (!u.key.startsWith(prefix)) {
      if (u.key > prefix) break;
      continue;
    }
    if (keyMarker !== undefined) {
      if (u.key < keyMarker) continue;
      if (u.key === keyMarker) {
        // Without upload-id-marker the marker key is done; with one, resume after that upload.
        if (uploadIdMarker === undefined) continue;
        if (!passedIdMarker) {
          if (u.uploadId === uploadIdMarker) passedIdMarker = true;
          continue;
        }
      }
    }
    const cut = delimiter === undefined ? -1 : u.key.indexOf(delimiter, prefix.length);
    const commonPrefix = cut === -1 ? undefined : u.key.slice(0, cut + (delimiter as string).length);
    if (commonPrefix !== undefined && prefixes.at(-1) === commonPrefix) continue;
    if (commonPrefix !== undefined && keyMarker?.startsWith(commonPrefix)) continue;
    if (uploads.length + prefixes.length === maxUploads) {
      truncated = true;
      break;
    }
    if (commonPrefix !== undefined) prefixes.push(commonPrefix);
    else uploads.push(u);
  }
  const lastUpload = uploads.at(-1);
  const lastPrefix = prefixes.at(-1);
  const nextKey =
    lastPrefix !== undefined && (lastUpload === undefined || lastPrefix > lastUpload.key)
      ? lastPrefix
      : lastUpload?.key;
  return s3Xml(
    'ListMultipartUploadsResult',
    el('Bucket', bucket.name),
    el('KeyMarker', enc(keyMarker ?? '')),
    el('UploadIdMarker', uploadIdMarker ?? ''),
    truncated ? opt('NextKeyMarker', nextKey === undefined ? undefined : enc(nextKey)) : null,
    el('Prefix', enc(prefix)),
    opt('Delimiter', delimiter === undefined ? undefined : enc(delimiter)),
    truncated && nextKey === lastUpload?.key ? opt('NextUploadIdMarker', lastUpload?.uploadId) : null,
    el('MaxUploads', maxUploads),
    el('IsTruncated', truncated),
    uploads.map((u) => {
      const attrs = u.attrs as UploadAttrs;
      const owner = ownerOf(attrs.owner ?? bucket.owner);
      return el(
        'Upload',
        el('UploadId', u.uploadId),
        el('Key', enc(u.key)),
        el('Initiated', new Date(u.initiated)),
        el('StorageClass', attrs.storageClass ?? 'STANDARD'),
        el('Owner', el('ID', owner.id), el('DisplayName', owner.displayName)),
        el('Initiator', el('ID', owner.id), el('DisplayName', owner.displayName)),
        opt('ChecksumAlgorithm', attrs.checksumAlgorithm),
        opt('ChecksumType', attrs.checksumType),
      );
    }),
    prefixes.map((p) => el('CommonPrefixes', el('Prefix', enc(p)))),
    ctx.target.query.has('encoding-type') ? el('EncodingType', 'url') : null,
  );
}

export const multipartRoutes: readonly S3Route[] = [
  {
    method: 'POST',
    scope: 'object',
    sub: 'uploads',
    operation: 'CreateMultipartUpload',
    handle: createMultipartUpload,
  },
  {
    method: 'POST',
    scope: 'object',
    sub: 'uploadId',
    operation: 'CompleteMultipartUpload',
    handle: completeMultipartUpload,
  },
  // UploadPartCopy shares the query of UploadPart and is told apart by x-amz-copy-source.
  { method: 'PUT', scope: 'object', sub: 'uploadId', operation: 'UploadPart', handle: uploadPart },
  {
    method: 'DELETE',
    scope: 'object',
    sub: 'uploadId',
    operation: 'AbortMultipartUpload',
    handle: abortMultipartUpload,
  },
  { method: 'GET', scope: 'object', sub: 'uploadId', operation: 'ListParts', handle: listParts },
  {
    method: 'GET',
    scope: 'bucket',
    sub: 'uploads',
    operation: 'ListMultipartUploads',
    handle: listMultipartUploads,
  },
];
