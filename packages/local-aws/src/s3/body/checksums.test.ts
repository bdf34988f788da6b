import { randomBytes } from 'node:crypto';
import { ChecksumAlgorithm as S3ChecksumAlgorithm } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors/service-error.js';
import {
  CHECKSUM_ALGORITHMS,
  type ChecksumAlgorithm,
  checksumHeaderName,
  createHasher,
  parseChecksumAlgorithm,
} from './checksums.js';

async function digestOf(algo: ChecksumAlgorithm, ...chunks: Buffer[]): Promise<Buffer> {
  const h = await createHasher(algo);
  for (const c of chunks) h.update(c);
  return h.digest();
}

const CHECK = Buffer.from('123456789');

// Bit-at-a-time references, independent of the table-driven code under test.
function crc32cBitwise(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function crc64NvmeBitwise(buf: Buffer): bigint {
  const mask = (1n << 64n) - 1n;
  let c = mask;
  for (const b of buf) {
    c ^= BigInt(b);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ 0x9a6c9329ac4bc9b5n : c >> 1n;
  }
  return c ^ mask;
}

describe('createHasher', () => {
  it('computes CRC32 as the JS SDK sends it in x-amz-checksum-crc32', async () => {
    expect((await digestOf('CRC32', Buffer.from('hello world'))).toString('base64')).toBe('DUoRhQ==');
    expect((await digestOf('CRC32', Buffer.from('hello stream'))).toString('base64')).toBe('gtnkmQ==');
    expect((await digestOf('CRC32', CHECK)).toString('hex')).toBe('cbf43926');
  });

  it('computes CRC32C (Castagnoli) check values', async () => {
    expect((await digestOf('CRC32C', CHECK)).toString('hex')).toBe('e3069283');
    expect((await digestOf('CRC32C', Buffer.alloc(32, 0))).toString('hex')).toBe('8a9136aa');
    expect((await digestOf('CRC32C', Buffer.alloc(32, 0xff))).toString('hex')).toBe('62a8ab43');
    expect((await digestOf('CRC32C', Buffer.alloc(0))).toString('hex')).toBe('00000000');
  });

  it('computes CRC64NVME check values', async () => {
    expect((await digestOf('CRC64NVME', CHECK)).toString('hex')).toBe('ae8b14860a799888');
    expect((await digestOf('CRC64NVME', Buffer.alloc(0))).toString('hex')).toBe('0000000000000000');
  });

  it('matches bit-at-a-time references for CRC32C and CRC64NVME on every length and alignment', async () => {
    const data = randomBytes(300);
    for (let len = 0; len <= 40; len++) {
      for (const start of [0, 1, 3, 7]) {
        const buf = data.subarray(start, start + len);
        expect((await digestOf('CRC32C', buf)).readUInt32BE(0)).toBe(crc32cBitwise(buf));
        expect((await digestOf('CRC64NVME', buf)).readBigUInt64BE(0)).toBe(crc64NvmeBitwise(buf));
      }
    }
    expect((await digestOf('CRC32C', data)).readUInt32BE(0)).toBe(crc32cBitwise(data));
    expect((await digestOf('CRC64NVME', data)).readBigUInt64BE(0)).toBe(crc64NvmeBitwise(data));
  });

  it('computes SHA256, SHA1 and MD5 of the empty string', async () => {
    expect((await digestOf('SHA256', Buffer.alloc(0))).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect((await digestOf('SHA1', Buffer.alloc(0))).toString('hex')).toBe(
      'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    );
    expect((await digestOf('MD5', Buffer.alloc(0))).toString('hex')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('gives the same digest whether data arrives in one chunk or many uneven ones', async () => {
    const data = randomBytes(100_003);
    const cuts = [0, 1, 2, 9, 17, 4096, 4101, 65_537, 99_999, data.length];
    const pieces = cuts.slice(1).map((end, i) => data.subarray(cuts[i], end));
    for (const algo of CHECKSUM_ALGORITHMS) {
      expect((await digestOf(algo, ...pieces)).toString('hex'), algo).toBe(
        (await digestOf(algo, data)).toString('hex'),
      );
    }
  });

  it('produces digests of the length S3 expects, for every algorithm of the S3 model', async () => {
    expect([...CHECKSUM_ALGORITHMS].sort()).toEqual(Object.values(S3ChecksumAlgorithm).sort());
    const lengths = await Promise.all(
      CHECKSUM_ALGORITHMS.map(async (a) => [a, (await digestOf(a, CHECK)).length]),
    );
    expect(Object.fromEntries(lengths)).toEqual({
      CRC32: 4,
      CRC32C: 4,
      CRC64NVME: 8,
      MD5: 16,
      SHA1: 20,
      SHA256: 32,
      SHA512: 64,
      XXHASH64: 8,
      XXHASH3: 8,
      XXHASH128: 16,
    });
  });

  it('computes SHA512 and the xxHash digests (seed 0, canonical big-endian) of the empty string', async () => {
    const empty = async (a: ChecksumAlgorithm) => (await digestOf(a, Buffer.alloc(0))).toString('hex');
    expect(await empty('SHA512')).toMatch(
      /^cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce/,
    );
    expect(await empty('XXHASH64')).toBe('ef46db3751d8e999');
    expect(await empty('XXHASH3')).toBe('2d06800538d394c2');
    expect(await empty('XXHASH128')).toBe('99aa06d3014798d86001c324468d497f');
  });
});

describe('checksumHeaderName', () => {
  it('lowercases the algorithm into the x-amz-checksum-* header', () => {
    expect((['CRC32C', 'CRC64NVME', 'SHA256'] as const).map(checksumHeaderName)).toEqual([
      'x-amz-checksum-crc32c',
      'x-amz-checksum-crc64nvme',
      'x-amz-checksum-sha256',
    ]);
  });
});

describe('parseChecksumAlgorithm', () => {
  it('accepts any case and leaves an absent header absent', () => {
    const parsed = ['crc32', 'Crc64Nvme', 'SHA256', undefined].map((h) => parseChecksumAlgorithm(h));
    expect(parsed).toEqual(['CRC32', 'CRC64NVME', 'SHA256', undefined]);
  });

  it('rejects an unknown algorithm with a 400 InvalidRequest', () => {
    for (const bad of ['SHA384', 'crc16', '']) {
      let caught: unknown;
      try {
        parseChecksumAlgorithm(bad);
      } catch (err) {
        caught = err;
      }
      expect(caught, bad).toBeInstanceOf(ServiceError);
      expect(caught).toMatchObject({ status: 400, code: 'InvalidRequest' });
    }
  });
});
