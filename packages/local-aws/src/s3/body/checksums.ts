import { createHasher as createDigest, type Hasher } from '@batchops/engine';
import { ServiceError } from '../../errors/service-error.js';

/** The flexible checksums S3 accepts in `x-amz-checksum-*` and `x-amz-sdk-checksum-algorithm`. */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = [
  'CRC32',
  'CRC32C',
  'CRC64NVME',
  'SHA1',
  'SHA256',
];

export type { Hasher };

/** The hashers are the engine's (`digests.ts`), shared with Compute checksum jobs. */
export function createHasher(algo: ChecksumAlgorithm | 'MD5'): Hasher {
  return createDigest(algo);
}

/** `CRC32C` → `x-amz-checksum-crc32c`. */
export function checksumHeaderName(algo: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algo.toLowerCase()}`;
}

/** Reads `x-amz-sdk-checksum-algorithm` / `x-amz-checksum-algorithm`; absent stays absent. */
export function parseChecksumAlgorithm(s: string | undefined): ChecksumAlgorithm | undefined {
  if (s === undefined) return undefined;
  const upper = s.trim().toUpperCase();
  const algo = CHECKSUM_ALGORITHMS.find((a) => a === upper);
  if (algo === undefined) {
    throw new ServiceError(
      400,
      'InvalidRequest',
      `Value for x-amz-checksum-algorithm header is invalid: '${s}'. Expected one of ${CHECKSUM_ALGORITHMS.join(', ')}.`,
    );
  }
  return algo;
}
