import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  CHECKSUM_ALGORITHMS,
  type ChecksumAlgorithm,
  COMPOSITE_CHECKSUM_ALGORITHMS,
  type ManifestRow,
} from '@batchops/batch-formats';
import { checksumHasher } from '../digests.js';
import { JobError } from '../job-types.js';
import { type OperationModule, outcomeOf } from './operation.js';

// S3ComputeObjectChecksum: the object's bytes read through GetObject (streamed, never held whole),
// the checksum put in the completion report's ResultMessage (decision 0020).

/** Every algorithm of the model, SHA512 and the xxHash ones included. */
const ALGORITHMS: ReadonlySet<string> = new Set(CHECKSUM_ALGORITHMS);

/** COMPOSITE is what S3 defines for multipart objects: a checksum of the part checksums. */
const COMPOSITE: ReadonlySet<string> = new Set(COMPOSITE_CHECKSUM_ALGORITHMS);

const field = 'Operation.S3ComputeObjectChecksum';

export const computeObjectChecksum: OperationModule<'S3ComputeObjectChecksum'> = {
  name: 'S3ComputeObjectChecksum',
  check(p) {
    const algo = p.ChecksumAlgorithm;
    if (algo === undefined) {
      throw new JobError('BadRequestException', `${field}.ChecksumAlgorithm: required`);
    }
    if (!ALGORITHMS.has(algo)) {
      throw new JobError(
        'BadRequestException',
        `${field}.ChecksumAlgorithm: ${algo} is not one of ${[...ALGORITHMS].join(', ')}`,
      );
    }
    const type = p.ChecksumType;
    if (type !== 'FULL_OBJECT' && type !== 'COMPOSITE') {
      throw new JobError('BadRequestException', `${field}.ChecksumType: required, FULL_OBJECT or COMPOSITE`);
    }
    if (type === 'COMPOSITE' && !COMPOSITE.has(algo)) {
      throw new JobError(
        'BadRequestException',
        `${field}.ChecksumType: COMPOSITE checksums are defined for ${[...COMPOSITE].join(', ')}, not ${algo}; use FULL_OBJECT`,
      );
    }
  },
  async run(task, p, { s3 }) {
    const algo = p.ChecksumAlgorithm as ChecksumAlgorithm;
    const type = p.ChecksumType as 'FULL_OBJECT' | 'COMPOSITE';
    let result: ChecksumResult | undefined;
    const outcome = await outcomeOf(async () => {
      result = type === 'COMPOSITE' ? await composite(s3, task, algo) : await fullObject(s3, task, algo);
    });
    if (!outcome.ok || !result) return outcome;
    return { ok: true, http: 200, message: resultMessage(result, algo, type) };
  },
};

interface ChecksumResult {
  readonly digest: Buffer;
  /** Parts of a multipart object (COMPOSITE); undefined for a whole-object digest. */
  readonly parts?: number;
  readonly etag: string;
}

/**
 * The ResultMessage of a succeeded task: a JSON object with the checksum in base64 and hex, the
 * algorithm, the type and the object's ETag (decision 0020).
 */
export function resultMessage(r: ChecksumResult, algo: string, type: string): string {
  const suffix = r.parts !== undefined ? `-${r.parts}` : '';
  return JSON.stringify({
    checksum_base64: `${r.digest.toString('base64')}${suffix}`,
    etag: r.etag,
    checksumAlgorithm: algo,
    checksumType: type,
    checksum_hex: `${r.digest.toString('hex')}${suffix}`,
  });
}

async function digestOf(
  s3: S3Client,
  task: ManifestRow,
  algo: ChecksumAlgorithm,
  partNumber?: number,
): Promise<{ digest: Buffer; etag: string; partsCount: number | undefined }> {
  const out = await s3.send(
    new GetObjectCommand({
      Bucket: task.bucket,
      Key: task.key,
      VersionId: task.versionId,
      ...(partNumber !== undefined ? { PartNumber: partNumber } : {}),
    }),
  );
  const hasher = await checksumHasher(algo);
  for await (const chunk of out.Body as AsyncIterable<Uint8Array>) {
    hasher.update(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
    );
  }
  return { digest: hasher.digest(), etag: (out.ETag ?? '').replaceAll('"', ''), partsCount: out.PartsCount };
}

async function fullObject(s3: S3Client, task: ManifestRow, algo: ChecksumAlgorithm): Promise<ChecksumResult> {
  const { digest, etag } = await digestOf(s3, task, algo);
  return { digest, etag };
}

/** Part by part (GetObject partNumber), then the digest of the concatenated part digests. */
async function composite(s3: S3Client, task: ManifestRow, algo: ChecksumAlgorithm): Promise<ChecksumResult> {
  const first = await digestOf(s3, task, algo, 1);
  const parts = first.partsCount;
  // Part 1 of a single-part object is the whole object; its composite checksum is that digest.
  if (parts === undefined || parts < 2) return { digest: first.digest, etag: first.etag };
  const outer = await checksumHasher(algo);
  outer.update(first.digest);
  for (let n = 2; n <= parts; n++) outer.update((await digestOf(s3, task, algo, n)).digest);
  return { digest: outer.digest(), parts, etag: first.etag };
}
