import { type HandlerResult, header } from '../../http/handler-types.js';
import type { PartRow } from '../../store/s3-rows.js';
import { el } from '../../xml/xml-writer.js';
import { type ChecksumAlgorithm, checksumHeaderName } from '../body/checksums.js';
import { receiveBody } from '../object-body.js';
import { encryptionHeaders } from '../object-headers.js';
import type { S3Context } from '../s3-context.js';
import { invalidArgument } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';
import { checkCopySourceConditions, checksumElement, copyBlob, resolveCopySource } from './copy-object.js';
import { MAX_PART_SIZE, noSuchUpload, requireUpload } from './multipart-upload-state.js';

// UploadPart and UploadPartCopy: a part's bytes, from the body or from another object.

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

export async function uploadPart(ctx: S3Context): Promise<HandlerResult> {
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
    ...encryptionHeaders(upload.attrs),
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
    ...encryptionHeaders(upload.attrs),
  };
  if (src.bucket.versioning !== null) headers['x-amz-copy-source-version-id'] = src.row.versionId;
  return { ...result, headers };
}
