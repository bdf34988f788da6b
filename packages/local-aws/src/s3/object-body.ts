import { createHash, randomBytes } from 'node:crypto';
import { ServiceError } from '../errors/service-error.js';
import { header } from '../http/handler-types.js';
import {
  CHECKSUM_ALGORITHMS,
  type ChecksumAlgorithm,
  checksumHeaderName,
  createHasher,
  type Hasher,
  parseChecksumAlgorithm,
} from './body/checksums.js';
import type { S3Context } from './s3-context.js';

export const MAX_PUT_SIZE = 5 * 1024 ** 3;

export interface ReceivedBody {
  readonly blob: string;
  readonly size: number;
  readonly md5Hex: string;
  /** The checksum S3 stores for the object, when the client sent or asked for one. */
  readonly checksum: { algorithm: ChecksumAlgorithm; value: string } | undefined;
}

/** Which checksum the request carries: a header value, a trailer, or the SDK's algorithm header. */
function requestedChecksum(
  ctx: S3Context,
): { algorithm: ChecksumAlgorithm; expected?: string; trailer: boolean } | undefined {
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const value = header(ctx, checksumHeaderName(algorithm));
    if (value !== undefined) return { algorithm, expected: value, trailer: false };
  }
  const trailer = header(ctx, 'x-amz-trailer');
  if (trailer) {
    const algorithm = parseChecksumAlgorithm(trailer.replace(/^x-amz-checksum-/i, ''));
    if (algorithm) return { algorithm, trailer: true };
  }
  const sdk = parseChecksumAlgorithm(
    header(ctx, 'x-amz-sdk-checksum-algorithm') ?? header(ctx, 'x-amz-checksum-algorithm'),
  );
  return sdk ? { algorithm: sdk, trailer: false } : undefined;
}

/**
 * Receive a request body into a new blob (the body is already tied to the signature and
 * aws-chunked decoded: request-body.ts): MD5 (the ETag) and the requested checksum computed on the
 * way, then Content-MD5 and x-amz-checksum-* verified. On a mismatch the blob is discarded and
 * BadDigest (or the S3 code) is thrown.
 */
export async function receiveBody(ctx: S3Context, maxSize = MAX_PUT_SIZE): Promise<ReceivedBody> {
  const chunked = ctx.chunked;
  const declared = Number(
    header(ctx, chunked ? 'x-amz-decoded-content-length' : 'content-length') ?? Number.NaN,
  );
  if (Number.isFinite(declared) && declared > maxSize) {
    throw new ServiceError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
      ProposedSize: String(declared),
      MaxSizeAllowed: String(maxSize),
    });
  }
  const wanted = requestedChecksum(ctx);
  const md5 = createHash('md5');
  const checksum: Hasher | undefined = wanted ? await createHasher(wanted.algorithm) : undefined;
  const { blob, size } = await ctx.svc.blobs.write(ctx.body, (chunk) => {
    md5.update(chunk);
    checksum?.update(chunk);
  });
  const fail = async (err: ServiceError): Promise<never> => {
    await ctx.svc.blobs.remove(blob);
    throw err;
  };
  if (size > maxSize) {
    await fail(
      new ServiceError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'),
    );
  }
  if (Number.isFinite(declared) && declared !== size) {
    await fail(
      new ServiceError(
        400,
        'IncompleteBody',
        `You did not provide the number of bytes specified by the ${chunked ? 'x-amz-decoded-content-length' : 'Content-Length'} HTTP header.`,
      ),
    );
  }
  const md5Digest = md5.digest();
  const contentMd5 = header(ctx, 'content-md5');
  if (contentMd5 !== undefined) {
    if (!/^[A-Za-z0-9+/]{22}==$/.test(contentMd5)) {
      await fail(new ServiceError(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.'));
    }
    if (contentMd5 !== md5Digest.toString('base64')) {
      await fail(
        new ServiceError(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.'),
      );
    }
  }
  let stored: ReceivedBody['checksum'];
  if (wanted && checksum) {
    const value = checksum.digest().toString('base64');
    const expected = wanted.trailer ? ctx.trailers[checksumHeaderName(wanted.algorithm)] : wanted.expected;
    if (expected !== undefined && expected !== value) {
      await fail(
        new ServiceError(
          400,
          'BadDigest',
          `The ${wanted.algorithm} you specified did not match the calculated checksum.`,
        ),
      );
    }
    stored = { algorithm: wanted.algorithm, value };
  }
  return { blob, size, md5Hex: md5Digest.toString('hex'), checksum: stored };
}

/**
 * The integrity check S3 requires on some bodies (DeleteObjects): Content-MD5 or an
 * x-amz-checksum-* value (header or trailer), verified against the bytes read.
 */
export async function verifyRequiredChecksum(ctx: S3Context, body: Buffer): Promise<void> {
  const contentMd5 = header(ctx, 'content-md5');
  const wanted = requestedChecksum(ctx);
  const expected = wanted?.trailer ? ctx.trailers[checksumHeaderName(wanted.algorithm)] : wanted?.expected;
  if (contentMd5 === undefined && expected === undefined) {
    throw new ServiceError(400, 'InvalidRequest', 'Missing required header for this request: Content-Md5');
  }
  if (contentMd5 !== undefined && createHash('md5').update(body).digest('base64') !== contentMd5) {
    throw new ServiceError(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  if (wanted && expected !== undefined) {
    const hasher = await createHasher(wanted.algorithm);
    hasher.update(body);
    if (hasher.digest().toString('base64') !== expected) {
      throw new ServiceError(
        400,
        'BadDigest',
        `The ${wanted.algorithm} you specified did not match the calculated checksum.`,
      );
    }
  }
}

/** A new S3-looking version id (URL-safe, 32 characters). */
export function newVersionId(): string {
  return randomBytes(24).toString('base64url');
}
