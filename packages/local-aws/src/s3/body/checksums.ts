import {
  type ChecksumAlgorithm,
  CHECKSUM_ALGORITHMS as MODEL_CHECKSUM_ALGORITHMS,
} from '@batchops/batch-formats';
import { checksumHasher, type Hasher } from '@batchops/engine';
import { ServiceError } from '../../errors/service-error.js';

export type { ChecksumAlgorithm, Hasher };

/**
 * The flexible checksums S3 accepts in `x-amz-checksum-*` and `x-amz-sdk-checksum-algorithm`: the
 * model's ChecksumAlgorithm enum, the same list as S3ComputeObjectChecksum's (batch-formats).
 */
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = MODEL_CHECKSUM_ALGORITHMS;

/** The hashers are the engine's (`digests.ts`, xxHash's from hash-wasm), shared with Compute checksum jobs. */
export function createHasher(algo: ChecksumAlgorithm): Promise<Hasher> {
  return checksumHasher(algo);
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
