import type { ChecksumAlgorithm } from '@batchops/contracts';
import { bffOperation } from './operation-module.js';

export const checksum = bffOperation('checksum', {
  toSdk: (op) => ({ ChecksumAlgorithm: op.algorithm, ChecksumType: op.checksumType }),
  fromSdk: (p) => ({
    type: 'checksum',
    algorithm: (p.ChecksumAlgorithm ?? 'CRC64NVME') as ChecksumAlgorithm,
    checksumType: p.ChecksumType ?? 'FULL_OBJECT',
  }),
});
