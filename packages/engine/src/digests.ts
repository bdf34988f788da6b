// biome-ignore-all lint/style/noNonNullAssertion: the CRC loops index typed arrays in range by construction; a check per byte would cost speed.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from '@batchops/batch-formats';
import { createXXHash3, createXXHash64, createXXHash128 } from 'hash-wasm';

// The digests S3 names in its checksum headers and S3 Batch Operations computes (Compute checksum):
// one implementation in the engine, which local-aws imports for checking uploads.

/** Every digest `createHasher` computes: the model's checksum algorithms but the XXHASH ones. */
export type DigestAlgorithm = Exclude<ChecksumAlgorithm, `XXHASH${string}`>;

export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = CHECKSUM_ALGORITHMS.filter(
  (a): a is DigestAlgorithm => !a.startsWith('XXHASH'),
);

/** An incremental digest; `digest()` returns the raw bytes (S3 sends their base64), once. */
export interface Hasher {
  update(chunk: Buffer): void;
  digest(): Buffer;
}

export function createHasher(algo: DigestAlgorithm): Hasher {
  return HASHER_FACTORIES[algo]();
}

type XxHashAlgorithm = Exclude<ChecksumAlgorithm, DigestAlgorithm>;

// xxHash (seed 0, the canonical big-endian digest) from hash-wasm: its WebAssembly loads asynchronously.
const XXHASH_FACTORIES: Readonly<Record<XxHashAlgorithm, typeof createXXHash64>> = {
  XXHASH64: createXXHash64,
  XXHASH3: createXXHash3,
  XXHASH128: createXXHash128,
};

/** A hasher of any checksum algorithm of the model (S3ComputeObjectChecksum's), xxHash included. */
export async function checksumHasher(algo: ChecksumAlgorithm): Promise<Hasher> {
  if (!(algo in XXHASH_FACTORIES)) return createHasher(algo as DigestAlgorithm);
  const h = await XXHASH_FACTORIES[algo as XxHashAlgorithm]();
  h.init();
  return {
    update: (chunk) => {
      h.update(chunk);
    },
    digest: () => Buffer.from(h.digest('binary')),
  };
}

const HASHER_FACTORIES: Readonly<Record<DigestAlgorithm, () => Hasher>> = {
  CRC32: () => new Crc32Hasher(),
  CRC32C: () => new Crc32cHasher(),
  CRC64NVME: () => new Crc64NvmeHasher(),
  SHA1: () => nodeHasher('sha1'),
  SHA256: () => nodeHasher('sha256'),
  MD5: () => nodeHasher('md5'),
  SHA512: () => nodeHasher('sha512'),
};

function nodeHasher(name: 'sha1' | 'sha256' | 'sha512' | 'md5'): Hasher {
  const hash = createHash(name);
  return {
    update: (chunk) => {
      hash.update(chunk);
    },
    digest: () => hash.digest(),
  };
}

class Crc32Hasher implements Hasher {
  private crc = 0;

  update(chunk: Buffer): void {
    this.crc = crc32(chunk, this.crc);
  }

  digest(): Buffer {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(this.crc >>> 0);
    return out;
  }
}

// Slicing-by-8 tables: table k (at offset k * 256) advances a byte followed by k zero bytes.
// Int32Array keeps every value a small integer for the JIT; XOR does not care about the sign.

const CRC32C_POLY = 0x82f63b78;
const CRC32C_TABLE = makeCrc32Table(CRC32C_POLY);

function makeCrc32Table(poly: number): Int32Array {
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
}

class Crc32cHasher implements Hasher {
  private crc = -1;

  update(buf: Buffer): void {
    const t = CRC32C_TABLE;
    const n = buf.length;
    let c = this.crc;
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      c ^= buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
      c =
        t[1792 + (c & 0xff)]! ^
        t[1536 + ((c >>> 8) & 0xff)]! ^
        t[1280 + ((c >>> 16) & 0xff)]! ^
        t[1024 + (c >>> 24)]! ^
        t[768 + buf[i + 4]!]! ^
        t[512 + buf[i + 5]!]! ^
        t[256 + buf[i + 6]!]! ^
        t[buf[i + 7]!]!;
    }
    for (; i < n; i++) c = t[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
    this.crc = c;
  }

  digest(): Buffer {
    const out = Buffer.alloc(4);
    out.writeInt32BE(~this.crc);
    return out;
  }
}

// CRC64/NVME: reflected, poly 0x9A6C9329AC4BC9B5, init and final xor all ones.
// The 64-bit state lives in two 32-bit halves, which is much faster than BigInt.
const CRC64_POLY_HI = 0x9a6c9329 | 0;
const CRC64_POLY_LO = 0xac4bc9b5 | 0;
const [CRC64_TABLE_HI, CRC64_TABLE_LO] = makeCrc64Tables();

function makeCrc64Tables(): [Int32Array, Int32Array] {
  const th = new Int32Array(8 * 256);
  const tl = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let hi = 0;
    let lo = n;
    for (let k = 0; k < 8; k++) {
      const bit = lo & 1;
      lo = (lo >>> 1) | (hi << 31);
      hi = hi >>> 1;
      if (bit) {
        hi ^= CRC64_POLY_HI;
        lo ^= CRC64_POLY_LO;
      }
    }
    th[n] = hi;
    tl[n] = lo;
  }
  for (let n = 0; n < 256; n++) {
    let hi = th[n]!;
    let lo = tl[n]!;
    for (let k = 1; k < 8; k++) {
      const idx = lo & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ tl[idx]!;
      hi = (hi >>> 8) ^ th[idx]!;
      th[k * 256 + n] = hi;
      tl[k * 256 + n] = lo;
    }
  }
  return [th, tl];
}

class Crc64NvmeHasher implements Hasher {
  private hi = -1;
  private lo = -1;

  update(buf: Buffer): void {
    const th = CRC64_TABLE_HI;
    const tl = CRC64_TABLE_LO;
    const n = buf.length;
    let hi = this.hi;
    let lo = this.lo;
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      const l = lo ^ (buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24));
      const h = hi ^ (buf[i + 4]! | (buf[i + 5]! << 8) | (buf[i + 6]! << 16) | (buf[i + 7]! << 24));
      const i0 = 1792 + (l & 0xff);
      const i1 = 1536 + ((l >>> 8) & 0xff);
      const i2 = 1280 + ((l >>> 16) & 0xff);
      const i3 = 1024 + (l >>> 24);
      const i4 = 768 + (h & 0xff);
      const i5 = 512 + ((h >>> 8) & 0xff);
      const i6 = 256 + ((h >>> 16) & 0xff);
      const i7 = h >>> 24;
      hi = th[i0]! ^ th[i1]! ^ th[i2]! ^ th[i3]! ^ th[i4]! ^ th[i5]! ^ th[i6]! ^ th[i7]!;
      lo = tl[i0]! ^ tl[i1]! ^ tl[i2]! ^ tl[i3]! ^ tl[i4]! ^ tl[i5]! ^ tl[i6]! ^ tl[i7]!;
    }
    for (; i < n; i++) {
      const idx = (lo ^ buf[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ tl[idx]!;
      hi = (hi >>> 8) ^ th[idx]!;
    }
    this.hi = hi;
    this.lo = lo;
  }

  digest(): Buffer {
    const out = Buffer.alloc(8);
    out.writeInt32BE(~this.hi, 0);
    out.writeInt32BE(~this.lo, 4);
    return out;
  }
}
