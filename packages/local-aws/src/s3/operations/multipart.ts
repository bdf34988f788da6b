import { randomBytes } from 'node:crypto';
import { ServiceError } from '../../errors/service-error.js';
import { type HandlerResult, header } from '../../http/handler-types.js';
import { el } from '../../xml/xml-writer.js';
import { parseChecksumAlgorithm } from '../body/checksums.js';
import { encryptionHeaders } from '../object-headers.js';
import { newObjectFromHeaders } from '../object-write-options.js';
import type { S3Context, S3Route } from '../s3-context.js';
import { requireBucket } from '../s3-errors.js';
import { s3Xml } from '../s3-xml.js';
import { completeMultipartUpload } from './complete-multipart-upload.js';
import { listMultipartUploads, listParts } from './multipart-listing.js';
import {
  checksumTypeHeader,
  requireUpload,
  type UploadAttrs,
  uploadChecksumType,
} from './multipart-upload-state.js';
import { uploadPart } from './upload-part.js';

function createMultipartUpload(ctx: S3Context): HandlerResult {
  const bucket = requireBucket(ctx);
  const { key, storageClass, attrs: objectAttrs } = newObjectFromHeaders(ctx, bucket);
  const attrs: UploadAttrs = {
    ...objectAttrs,
    storageClass,
    // The initiator: it owns the object the upload completes into (decision 0016).
    owner: ctx.identity.accountId,
  };
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
    attrs.checksumType = uploadChecksumType(algorithm, typeHeader);
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
    ...encryptionHeaders(attrs),
  };
  if (attrs.checksumAlgorithm && attrs.checksumType) {
    headers['x-amz-checksum-algorithm'] = attrs.checksumAlgorithm;
    headers['x-amz-checksum-type'] = attrs.checksumType;
  }
  return { ...result, headers };
}

async function abortMultipartUpload(ctx: S3Context): Promise<HandlerResult> {
  const { upload } = requireUpload(ctx);
  for (const blob of ctx.svc.meta.uploads.delete(upload.uploadId)) await ctx.svc.blobs.remove(blob);
  return { status: 204 };
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
