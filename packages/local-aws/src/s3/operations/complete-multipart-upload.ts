import { createHash } from 'node:crypto';
import { normalizeEtag } from '@batchops/batch-formats';
import { ServiceError } from '../../errors/service-error.js';
import { type HandlerResult, header } from '../../http/handler-types.js';
import type { PartRow, UploadRow } from '../../store/s3-rows.js';
import { asList, parseXml, readBodyText, text } from '../../xml/xml-reader.js';
import { el } from '../../xml/xml-writer.js';
import {
  CHECKSUM_ALGORITHMS,
  type ChecksumAlgorithm,
  checksumHeaderName,
  createHasher,
  type Hasher,
} from '../body/checksums.js';
import { commitVersion } from '../object-commit.js';
import { encryptionHeaders } from '../object-headers.js';
import type { S3Context } from '../s3-context.js';
import { requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';
import { checksumElement } from './copy-object.js';
import {
  type ChecksumType,
  checksumTypeHeader,
  MIN_PART_SIZE,
  noSuchUpload,
  partChecksum,
  type UploadAttrs,
  uploadIdParam,
} from './multipart-upload-state.js';
import { checkWriteConditions } from './objects.js';

// CompleteMultipartUpload: the parts checked, joined into one object, and the answer kept for retries.

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
      part.etag !== normalizeEtag(etagText) ||
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
  sseKmsKeyId?: string;
  bucketKeyEnabled?: boolean;
}

const listedParts = (doc: Record<string, unknown>): Array<[number, string]> =>
  asList(doc.Part).map((e) => [Number(text(e, 'PartNumber')), normalizeEtag(text(e, 'ETag') ?? '')]);

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
  const headers: Record<string, string> = { ...result.headers, ...encryptionHeaders(done) };
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

export async function completeMultipartUpload(ctx: S3Context): Promise<HandlerResult> {
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
    algorithm && checksumType === 'FULL_OBJECT' ? await createHasher(algorithm) : undefined;
  const partDigests: Buffer[] = [];
  async function* concatenated(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      const perPart = algorithm && checksumType === 'COMPOSITE' ? await createHasher(algorithm) : undefined;
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
        : `${await compositeOf(algorithm, partDigests)}-${parts.length}`;
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
    ...(objectAttrs.sseKmsKeyId ? { sseKmsKeyId: objectAttrs.sseKmsKeyId } : {}),
    ...(objectAttrs.bucketKeyEnabled ? { bucketKeyEnabled: true } : {}),
  };
  for (const partBlob of ctx.svc.meta.uploads.complete(upload, done)) await blobs.remove(partBlob);
  return completeResponse(ctx, bucket.name, upload.key, done);
}

/** COMPOSITE: the checksum of the concatenated binary part checksums. */
async function compositeOf(algorithm: ChecksumAlgorithm, digests: Buffer[]): Promise<string> {
  const h = await createHasher(algorithm);
  for (const d of digests) h.update(d);
  return h.digest().toString('base64');
}
