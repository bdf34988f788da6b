import { createHash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { ServiceError } from '../errors/service-error.js';
import { AwsChunkedDecoder } from '../s3/body/aws-chunked.js';
import type { VerifiedIdentity } from '../sigv4/verify-sigv4.js';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The request body as handlers read it: covered by the signature, aws-chunked decoded. */
export interface RequestBody {
  readonly body: Readable;
  /** Whether the body came aws-chunked (its length is x-amz-decoded-content-length). */
  readonly chunked: boolean;
  /** aws-chunked trailers (x-amz-checksum-*), filled once the body has been read. */
  readonly trailers: Readonly<Record<string, string>>;
}

const mismatch = () =>
  new ServiceError(
    400,
    'XAmzContentSHA256Mismatch',
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
  );

/** Passes bytes on and fails at the end, before the consumer sees the end, if the SHA-256 differs. */
class Sha256Check extends Transform {
  private readonly hash = createHash('sha256');
  constructor(private readonly expected: string) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback): void {
    callback(this.hash.digest('hex') === this.expected ? null : mismatch());
  }
}

/**
 * Feed `from` into `to`, carrying a source error over (pipe() does not). A check can fail before
 * any handler reads (or when none does): the no-op listener keeps that from being an unhandled
 * 'error' that ends the process; readers still get the error from the stream itself.
 */
function chain<T extends Transform>(from: Readable, to: T): T {
  from.on('error', (e) => to.destroy(e));
  to.on('error', () => {});
  return from.pipe(to);
}

/**
 * Tie the body to what was signed: a hex x-amz-content-sha256 is checked over the bytes as sent,
 * STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER] has every chunk (and trailer) signature checked,
 * UNSIGNED-PAYLOAD and STREAMING-UNSIGNED-PAYLOAD-TRAILER are accepted as S3 accepts them.
 * A mismatch is a stream error raised before the end, so nothing is parsed or committed from it.
 */
export function signedBody(
  req: Readable,
  headers: NodeJS.Dict<string[]>,
  identity: VerifiedIdentity,
): RequestBody {
  const payloadHash = identity.payloadHash;
  const signedChunks = payloadHash.startsWith('STREAMING-AWS4-HMAC-SHA256-');
  if (
    !HEX_SHA256.test(payloadHash) &&
    payloadHash !== 'UNSIGNED-PAYLOAD' &&
    payloadHash !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' &&
    payloadHash !== 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' &&
    payloadHash !== 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'
  ) {
    throw new ServiceError(
      400,
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER], or a valid sha256 value.',
      { ArgumentName: 'x-amz-content-sha256', ArgumentValue: payloadHash },
    );
  }
  // Only the payload hash says the body is aws-chunked: S3 stores a body sent with a plain hash (or
  // UNSIGNED-PAYLOAD) as it came, whatever Content-Encoding names.
  const chunked = payloadHash.startsWith('STREAMING-');
  const noBody =
    headers['transfer-encoding'] === undefined && Number(headers['content-length']?.[0] ?? 0) === 0;
  let body = req;
  if (HEX_SHA256.test(payloadHash)) {
    if (noBody) {
      if (payloadHash !== EMPTY_SHA256) throw mismatch();
    } else {
      body = chain(body, new Sha256Check(payloadHash));
    }
  }
  if (!chunked) return { body, chunked, trailers: {} };
  const decoder = new AwsChunkedDecoder(
    signedChunks ? identity.chunkSigning : undefined,
    payloadHash.endsWith('-TRAILER') && signedChunks,
  );
  return { body: chain(body, decoder), chunked, trailers: decoder.trailers };
}
