// The checksum algorithms of S3ComputeObjectChecksum (the model's ComputeObjectChecksumAlgorithm): the
// wizard offers them, the engine computes them; one list, pinned to the SDK's by a test.

export const CHECKSUM_ALGORITHMS = [
  'CRC32',
  'CRC32C',
  'CRC64NVME',
  'MD5',
  'SHA1',
  'SHA256',
  'SHA512',
  'XXHASH64',
  'XXHASH3',
  'XXHASH128',
] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** The algorithms S3 defines a COMPOSITE checksum for (a checksum of a multipart object's part checksums). */
export const COMPOSITE_CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = [
  'CRC32',
  'CRC32C',
  'SHA1',
  'SHA256',
];
