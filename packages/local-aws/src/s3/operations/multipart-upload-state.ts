import { ServiceError } from '../../errors/service-error.js';
import { header } from '../../http/handler-types.js';
import type { BucketRow, PartRow, UploadRow } from '../../store/s3-rows.js';
import type { ChecksumAlgorithm } from '../body/checksums.js';
import type { S3Context } from '../s3-context.js';
import { invalidArgument, requireBucket } from '../s3-errors.js';

// What the multipart operations share: the upload a request names, its attributes and part checksums.

export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PART_SIZE = 5 * 1024 ** 3;

export type ChecksumType = 'FULL_OBJECT' | 'COMPOSITE';

/** What CreateMultipartUpload records for CompleteMultipartUpload (JSON in uploads.attrs). */
export type UploadAttrs = UploadRow['attrs'] & { checksumType?: ChecksumType };

/** A part's checksum, as kept in parts.checksum. */
interface PartChecksum {
  algorithm: ChecksumAlgorithm;
  value: string;
}

export const partChecksum = (p: PartRow): PartChecksum | undefined =>
  p.checksum ? (JSON.parse(p.checksum) as PartChecksum) : undefined;

export const noSuchUpload = (uploadId: string) =>
  new ServiceError(
    404,
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );

export const uploadIdParam = (ctx: S3Context) => ctx.target.query.get('uploadId')?.[0] ?? '';

/** The upload of ?uploadId, which must belong to the addressed bucket and key. */
export function requireUpload(ctx: S3Context): { bucket: BucketRow; upload: UploadRow } {
  const bucket = requireBucket(ctx);
  const uploadId = uploadIdParam(ctx);
  const upload = ctx.svc.meta.uploads.get(uploadId);
  if (!upload || upload.bucket !== bucket.name || upload.key !== ctx.key) throw noSuchUpload(uploadId);
  return { bucket, upload };
}

/** x-amz-checksum-type of Create and Complete: FULL_OBJECT, COMPOSITE or absent. */
export function checksumTypeHeader(ctx: S3Context): ChecksumType | undefined {
  const value = header(ctx, 'x-amz-checksum-type');
  if (value !== undefined && value !== 'FULL_OBJECT' && value !== 'COMPOSITE') {
    throw invalidArgument('Value for x-amz-checksum-type header is invalid.', 'x-amz-checksum-type', value);
  }
  return value;
}

const defaultChecksumType = (a: ChecksumAlgorithm): ChecksumType =>
  a === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE';

/** Only a CRC of the whole object can be combined from its parts' CRCs, so only CRCs go FULL_OBJECT. */
const FULL_OBJECT_ALGORITHMS: ReadonlySet<ChecksumAlgorithm> = new Set(['CRC32', 'CRC32C', 'CRC64NVME']);

/** The checksum type of a new upload: S3 refuses the combinations it cannot compute (InvalidRequest). */
export function uploadChecksumType(
  algorithm: ChecksumAlgorithm,
  requested: ChecksumType | undefined,
): ChecksumType {
  const type = requested ?? defaultChecksumType(algorithm);
  const refused =
    (type === 'COMPOSITE' && algorithm === 'CRC64NVME') ||
    (type === 'FULL_OBJECT' && !FULL_OBJECT_ALGORITHMS.has(algorithm));
  if (refused) {
    throw new ServiceError(
      400,
      'InvalidRequest',
      `The ${type} checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`,
    );
  }
  return type;
}
