import { ComputeObjectChecksumAlgorithm } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { CHECKSUM_ALGORITHMS, COMPOSITE_CHECKSUM_ALGORITHMS } from './checksums.js';

describe('CHECKSUM_ALGORITHMS', () => {
  it("is the SDK's ComputeObjectChecksumAlgorithm, and COMPOSITE algorithms are among them", () => {
    expect([...CHECKSUM_ALGORITHMS].sort()).toEqual(Object.values(ComputeObjectChecksumAlgorithm).sort());
    for (const a of COMPOSITE_CHECKSUM_ALGORITHMS) expect(CHECKSUM_ALGORITHMS).toContain(a);
  });
});
