import { createHash, createHmac, type Hash, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ServiceError } from '../../errors/service-error.js';
import type { ChunkSigning } from '../../sigv4/verify-sigv4.js';

/** Longest chunk-header or trailer line accepted, without its CRLF. */
export const MAX_LINE_LENGTH = 4096;
/** Most trailer lines accepted: S3 sends one checksum (and a signature); all are held to the end. */
export const MAX_TRAILERS = 16;

const CR = 0x0d;
const LF = 0x0a;
const HEX_SIZE = /^[0-9a-fA-F]{1,13}$/;
const CHUNK_SIGNATURE = /^chunk-signature=([0-9a-f]{64})$/;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

type State = 'size-line' | 'data' | 'data-cr' | 'data-lf' | 'trailer-line' | 'done';

/**
 * Decodes a `Content-Encoding: aws-chunked` body (what is left after Node removed the HTTP
 * chunking): `<hex>[;ext]\r\n<data>\r\n` … `0[;ext]\r\n`, trailer lines `name:value\r\n`, `\r\n`.
 * Data is passed through as it arrives; only one header or trailer line is ever buffered.
 * With `signing` (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]) every chunk signature, chained
 * from the request's signature, and the trailer signature are checked: a mismatch is an error
 * before the stream ends, so a consumer never commits an unverified body. After 'end',
 * `trailers` and `decodedLength` are final.
 */
export class AwsChunkedDecoder extends Transform {
  /** Trailer fields by lowercased name, values trimmed (e.g. `x-amz-checksum-crc32`). */
  readonly trailers: Record<string, string> = Object.create(null);
  /** Number of payload bytes decoded so far. */
  decodedLength = 0;

  private state: State = 'size-line';
  private remaining = 0;
  private line: Buffer[] = [];
  private lineLength = 0;
  /** Signature of the previous chunk (the request's for the first one). */
  private previousSignature = '';
  private chunkSignature = '';
  private chunkHash: Hash | undefined;
  private trailerText = '';
  private trailerSignature: string | undefined;
  private trailerCount = 0;

  constructor(
    private readonly signing?: ChunkSigning,
    /** Signed trailers follow the last chunk (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER). */
    private readonly signedTrailer = false,
  ) {
    super();
    if (signing) this.previousSignature = signing.seedSignature;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    const pending = Buffer.concat(this.line).toString('latin1');
    // Lenient: a client may leave out the final CRLF after the trailers (or after `0\r\n`).
    const finished =
      this.state === 'done' || (this.state === 'trailer-line' && (pending === '' || pending === '\r'));
    if (!finished) {
      callback(
        new ServiceError(
          400,
          'IncompleteBody',
          `The aws-chunked request body ended early (after ${this.decodedLength} decoded bytes, while reading ${describeState(this.state)}).`,
        ),
      );
      return;
    }
    try {
      this.verifyTrailer();
    } catch (err) {
      callback(err as Error);
      return;
    }
    this.state = 'done';
    callback();
  }

  private consume(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      switch (this.state) {
        case 'data': {
          const end = Math.min(chunk.length, pos + this.remaining);
          const data = chunk.subarray(pos, end);
          this.chunkHash?.update(data);
          this.remaining -= end - pos;
          this.decodedLength += end - pos;
          pos = end;
          if (this.remaining === 0) {
            this.state = 'data-cr';
            // Verified before the chunk's last bytes go on: the consumer sees the error first.
            if (this.chunkHash) this.verifyChunk(this.chunkHash.digest('hex'));
          }
          this.push(data);
          break;
        }
        case 'data-cr':
        case 'data-lf': {
          const expected = this.state === 'data-cr' ? CR : LF;
          if (chunk[pos] !== expected) throw malformed('chunk data is not followed by CRLF');
          pos++;
          this.state = this.state === 'data-cr' ? 'data-lf' : 'size-line';
          break;
        }
        case 'size-line':
        case 'trailer-line': {
          const line = this.readLine(chunk, pos);
          if (line === undefined) return;
          pos = line.next;
          if (this.state === 'size-line') this.onSizeLine(line.text);
          else this.onTrailerLine(line.text);
          break;
        }
        case 'done':
          throw malformed('unexpected data after the final CRLF');
      }
    }
  }

  /** Accumulates up to the next LF; returns the line without CRLF once complete. */
  private readLine(chunk: Buffer, pos: number): { text: string; next: number } | undefined {
    // Search no further than the length limit allows, so garbage is rejected without buffering it.
    const limit = Math.min(chunk.length, pos + MAX_LINE_LENGTH + 2 - this.lineLength);
    const lf = chunk.subarray(pos, limit).indexOf(LF);
    if (lf === -1) {
      this.line.push(chunk.subarray(pos, limit));
      this.lineLength += limit - pos;
      if (this.lineLength > MAX_LINE_LENGTH + 1)
        throw malformed(`a line is longer than ${MAX_LINE_LENGTH} bytes`);
      return undefined;
    }
    this.line.push(chunk.subarray(pos, pos + lf));
    const raw = Buffer.concat(this.line).toString('latin1');
    this.line = [];
    this.lineLength = 0;
    if (!raw.endsWith('\r')) throw malformed('a chunk header or trailer line does not end with CRLF');
    const text = raw.slice(0, -1);
    if (text.length > MAX_LINE_LENGTH) throw malformed(`a line is longer than ${MAX_LINE_LENGTH} bytes`);
    return { text, next: pos + lf + 1 };
  }

  private onSizeLine(text: string): void {
    const semicolon = text.indexOf(';');
    const hex = semicolon === -1 ? text : text.slice(0, semicolon);
    if (!HEX_SIZE.test(hex)) throw malformed(`invalid chunk size '${truncate(hex)}'`);
    const size = Number.parseInt(hex, 16);
    if (this.signing) {
      const signature = semicolon === -1 ? undefined : text.slice(semicolon + 1).match(CHUNK_SIGNATURE)?.[1];
      if (signature === undefined) throw malformed('a chunk of a signed payload has no chunk-signature');
      this.chunkSignature = signature;
      if (size === 0) this.verifyChunk(EMPTY_SHA256);
      else this.chunkHash = createHash('sha256');
    }
    if (size === 0) {
      this.state = 'trailer-line';
    } else {
      this.remaining = size;
      this.state = 'data';
    }
  }

  private onTrailerLine(text: string): void {
    if (text === '') {
      this.verifyTrailer();
      this.state = 'done';
      return;
    }
    const colon = text.indexOf(':');
    const name = colon === -1 ? '' : text.slice(0, colon).trim().toLowerCase();
    if (name === '') throw malformed(`invalid trailer line '${truncate(text)}'`);
    const value = text.slice(colon + 1).trim();
    if (++this.trailerCount > MAX_TRAILERS) throw malformed(`more than ${MAX_TRAILERS} trailer lines`);
    if (this.signing && name === 'x-amz-trailer-signature') {
      this.trailerSignature = value;
      return;
    }
    this.trailers[name] = value;
    this.trailerText += `${name}:${value}\n`;
  }

  private sign(algorithm: string, digest: string): string {
    const s = this.signing as ChunkSigning;
    const toSign = [algorithm, s.amzDate, s.scope, this.previousSignature, digest].join('\n');
    return createHmac('sha256', s.key).update(toSign, 'utf8').digest('hex');
  }

  private verifyChunk(dataSha256: string): void {
    this.chunkHash = undefined;
    const expected = this.sign('AWS4-HMAC-SHA256-PAYLOAD', `${EMPTY_SHA256}\n${dataSha256}`);
    if (!sameHex(expected, this.chunkSignature)) throw signatureMismatch('chunk');
    this.previousSignature = expected;
  }

  private verifyTrailer(): void {
    if (!this.signing || !this.signedTrailer || this.state === 'done') return;
    const given = this.trailerSignature;
    if (given === undefined) throw malformed('the signed trailer has no x-amz-trailer-signature');
    const digest = createHash('sha256').update(this.trailerText, 'utf8').digest('hex');
    if (!sameHex(this.sign('AWS4-HMAC-SHA256-TRAILER', digest), given)) throw signatureMismatch('trailer');
  }
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function signatureMismatch(what: string): ServiceError {
  return new ServiceError(
    403,
    'SignatureDoesNotMatch',
    `The ${what} signature we calculated does not match the signature you provided. Check your key and signing method.`,
  );
}

function malformed(detail: string): ServiceError {
  return new ServiceError(400, 'InvalidRequest', `Malformed aws-chunked request body: ${detail}.`);
}

function describeState(state: State): string {
  switch (state) {
    case 'size-line':
      return 'a chunk header';
    case 'data':
      return 'chunk data';
    case 'data-cr':
    case 'data-lf':
      return 'the CRLF after chunk data';
    case 'trailer-line':
      return 'the trailers';
    case 'done':
      return 'nothing';
  }
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
