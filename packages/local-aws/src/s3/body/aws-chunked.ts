import { Transform, type TransformCallback } from 'node:stream';
import { ServiceError } from '../../errors/service-error.js';

/** Longest chunk-header or trailer line accepted, without its CRLF. */
export const MAX_LINE_LENGTH = 4096;

const CR = 0x0d;
const LF = 0x0a;
const HEX_SIZE = /^[0-9a-fA-F]{1,13}$/;

type State = 'size-line' | 'data' | 'data-cr' | 'data-lf' | 'trailer-line' | 'done';

/**
 * Decodes a `Content-Encoding: aws-chunked` body (what is left after Node removed the HTTP
 * chunking): `<hex>[;ext]\r\n<data>\r\n` … `0[;ext]\r\n`, trailer lines `name:value\r\n`, `\r\n`.
 * Data is passed through as it arrives; only one header or trailer line is ever buffered.
 * Chunk signatures are not checked here. After 'end', `trailers` and `decodedLength` are final.
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
    this.state = 'done';
    callback();
  }

  private consume(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      switch (this.state) {
        case 'data': {
          const end = Math.min(chunk.length, pos + this.remaining);
          this.push(chunk.subarray(pos, end));
          this.remaining -= end - pos;
          this.decodedLength += end - pos;
          pos = end;
          if (this.remaining === 0) this.state = 'data-cr';
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
    if (size === 0) {
      this.state = 'trailer-line';
    } else {
      this.remaining = size;
      this.state = 'data';
    }
  }

  private onTrailerLine(text: string): void {
    if (text === '') {
      this.state = 'done';
      return;
    }
    const colon = text.indexOf(':');
    const name = colon === -1 ? '' : text.slice(0, colon).trim().toLowerCase();
    if (name === '') throw malformed(`invalid trailer line '${truncate(text)}'`);
    this.trailers[name] = text.slice(colon + 1).trim();
  }
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
