import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors/service-error.js';
import { AwsChunkedDecoder, MAX_LINE_LENGTH } from './aws-chunked.js';

async function decode(pieces: Buffer[]): Promise<{ body: Buffer; decoder: AwsChunkedDecoder }> {
  const decoder = new AwsChunkedDecoder();
  const out: Buffer[] = [];
  await pipeline(Readable.from(pieces), decoder, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return { body: Buffer.concat(out), decoder };
}

function bytewise(s: string | Buffer): Buffer[] {
  const buf = Buffer.from(s);
  return Array.from({ length: buf.length }, (_, i) => buf.subarray(i, i + 1));
}

/** Deterministic pseudo-random sizes, so a failing split can be reproduced. */
function randomSplit(buf: Buffer, seed: number, maxPiece: number): Buffer[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state;
  };
  const pieces: Buffer[] = [];
  for (let pos = 0; pos < buf.length; ) {
    const size = 1 + (next() % maxPiece);
    pieces.push(buf.subarray(pos, pos + size));
    pos += size;
  }
  return pieces;
}

function encodeAwsChunked(
  payload: Buffer,
  chunkSize: number,
  opts: { signed?: boolean; trailers?: Record<string, string> } = {},
): Buffer {
  const ext = (data: Buffer) =>
    opts.signed ? `;chunk-signature=${createHash('sha256').update(data).digest('hex')}` : '';
  const parts: Buffer[] = [];
  for (let pos = 0; pos < payload.length; pos += chunkSize) {
    const data = payload.subarray(pos, pos + chunkSize);
    parts.push(Buffer.from(`${data.length.toString(16)}${ext(data)}\r\n`), data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`0${ext(Buffer.alloc(0))}\r\n`));
  for (const [name, value] of Object.entries(opts.trailers ?? {}))
    parts.push(Buffer.from(`${name}:${value}\r\n`));
  if (opts.trailers) parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

async function decodeError(body: string | Buffer[]): Promise<ServiceError> {
  const pieces = typeof body === 'string' ? [Buffer.from(body)] : body;
  const err = await decode(pieces).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  return err as ServiceError;
}

// The body the JS S3Client sends for PutObject with a stream (wire notes §5).
const SDK_BODY = '6\r\nhello \r\n6\r\nstream\r\n0\r\nx-amz-checksum-crc32:gtnkmQ==\r\n\r\n';

describe('AwsChunkedDecoder', () => {
  it('decodes the JS SDK stream upload and exposes its checksum trailer', async () => {
    const { body, decoder } = await decode([Buffer.from(SDK_BODY)]);
    expect(body.toString()).toBe('hello stream');
    expect(decoder.decodedLength).toBe(12);
    expect({ ...decoder.trailers }).toEqual({ 'x-amz-checksum-crc32': 'gtnkmQ==' });
  });

  it('decodes the same body fed one byte at a time', async () => {
    const { body, decoder } = await decode(bytewise(SDK_BODY));
    expect(body.toString()).toBe('hello stream');
    expect(decoder.decodedLength).toBe(12);
    expect({ ...decoder.trailers }).toEqual({ 'x-amz-checksum-crc32': 'gtnkmQ==' });
  });

  it('lowercases trailer names and trims values, including the trailer signature', async () => {
    const sig = 'a'.repeat(64);
    const { body, decoder } = await decode([
      Buffer.from(`3\r\nabc\r\n0\r\nX-Amz-Checksum-SHA256: q80=  \r\nx-amz-trailer-signature:${sig}\r\n\r\n`),
    ]);
    expect(body.toString()).toBe('abc');
    expect({ ...decoder.trailers }).toEqual({
      'x-amz-checksum-sha256': 'q80=',
      'x-amz-trailer-signature': sig,
    });
  });

  it('decodes signed chunks (chunk-signature extensions) without trailers', async () => {
    const payload = Buffer.from('x'.repeat(70_000));
    const encoded = encodeAwsChunked(payload, 65_536, { signed: true });
    expect(encoded.toString('latin1')).toMatch(/^10000;chunk-signature=[0-9a-f]{64}\r\n/);
    const { body, decoder } = await decode(bytewise(encoded.subarray(0, 200)).concat(encoded.subarray(200)));
    expect(body.equals(payload)).toBe(true);
    expect(decoder.decodedLength).toBe(70_000);
    expect({ ...decoder.trailers }).toEqual({});
  });

  it('accepts a body whose final CRLF is missing', async () => {
    const withTrailer = await decode([Buffer.from('2\r\nhi\r\n0\r\nx-amz-checksum-crc32:abc=\r\n')]);
    expect(withTrailer.body.toString()).toBe('hi');
    expect(withTrailer.decoder.trailers['x-amz-checksum-crc32']).toBe('abc=');
    const bare = await decode([Buffer.from('2\r\nhi\r\n0\r\n')]);
    expect(bare.body.toString()).toBe('hi');
  });

  it('round-trips a 5 MiB random payload in 64 KiB chunks fed in random-size pieces', async () => {
    const payload = randomBytes(5 * 1024 * 1024 + 123);
    const encoded = encodeAwsChunked(payload, 64 * 1024, {
      signed: true,
      trailers: { 'x-amz-checksum-crc32': 'AAAAAA==' },
    });
    for (const [seed, maxPiece] of [
      [1, 100_000],
      [2, 7],
    ] as const) {
      const pieces = randomSplit(encoded.subarray(0, 300_000), seed, maxPiece);
      pieces.push(...randomSplit(encoded.subarray(300_000), seed, 100_000));
      const { body, decoder } = await decode(pieces);
      expect(body.length).toBe(payload.length);
      expect(body.equals(payload)).toBe(true);
      expect(decoder.decodedLength).toBe(payload.length);
      expect(decoder.trailers['x-amz-checksum-crc32']).toBe('AAAAAA==');
    }
  });

  it('passes data through before its chunk is complete', async () => {
    const decoder = new AwsChunkedDecoder();
    const seen: string[] = [];
    decoder.on('data', (c: Buffer) => seen.push(c.toString()));
    decoder.write(Buffer.from('a\r\nhel'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['hel']);
    decoder.end(Buffer.from('lo worl\r\n0\r\n\r\n'));
    await new Promise((resolve) => decoder.on('end', resolve));
    expect(seen.join('')).toBe('hello worl');
  });

  // Malformed framing is InvalidRequest; a body that ends too early is IncompleteBody.
  it.each([
    ['InvalidRequest', 'a chunk size that is not hex', 'zz\r\nhello\r\n0\r\n\r\n'],
    ['InvalidRequest', 'an empty chunk size', '\r\nhello\r\n0\r\n\r\n'],
    ['InvalidRequest', 'a negative chunk size', '-5\r\nhello\r\n0\r\n\r\n'],
    ['InvalidRequest', 'a chunk size line ending in a bare LF', '5\nhello\r\n0\r\n\r\n'],
    ['InvalidRequest', 'chunk data longer than its size', '5\r\nhelloX\r\n0\r\n\r\n'],
    ['InvalidRequest', 'chunk data followed by LF only', '5\r\nhello\n0\r\n\r\n'],
    ['InvalidRequest', 'a trailer line without a colon', '0\r\nx-amz-checksum-crc32\r\n\r\n'],
    ['InvalidRequest', 'a trailer line without a name', '0\r\n:abc\r\n\r\n'],
    ['InvalidRequest', 'data after the final CRLF', '0\r\n\r\nmore'],
    ['IncompleteBody', 'an empty body', ''],
    ['IncompleteBody', 'mid chunk header', '6'],
    ['IncompleteBody', 'mid chunk data', '6\r\nhel'],
    ['IncompleteBody', 'between data and its CRLF', '6\r\nhello '],
    ['IncompleteBody', 'before the last chunk', '6\r\nhello \r\n'],
    ['IncompleteBody', 'mid trailer line', '6\r\nhello \r\n0\r\nx-amz-checksum-crc32:gt'],
  ])('rejects with %s: %s', async (code, _name, body) => {
    const err = await decodeError(body);
    expect(err).toMatchObject({ status: 400, code });
  });

  describe('rejects malformed framing with InvalidRequest', () => {
    it('a chunk header line longer than the limit, even when fed in small pieces', async () => {
      const longExt = `5;chunk-signature=${'0'.repeat(MAX_LINE_LENGTH)}\r\nhello\r\n0\r\n\r\n`;
      for (const pieces of [[Buffer.from(longExt)], randomSplit(Buffer.from(longExt), 3, 50)]) {
        const err = await decodeError(pieces);
        expect(err).toMatchObject({ status: 400, code: 'InvalidRequest' });
        expect(err.message).toMatch(/longer than 4096/);
      }
    });

    it('trailers beyond a few lines (memory held until the end of the body)', async () => {
      // Each line is bounded, their number was not: 20,000 lines of 4 KiB held 80 MiB per request.
      const many = `0\r\n${Array.from({ length: 200 }, (_, i) => `x-amz-meta-${i}:v`).join('\r\n')}\r\n\r\n`;
      const err = await decodeError(many);
      expect(err).toMatchObject({ status: 400, code: 'InvalidRequest' });
      expect(err.message).toMatch(/trailer/);
      const { decoder } = await decode([Buffer.from(SDK_BODY)]);
      expect(decoder.trailers['x-amz-checksum-crc32']).toBe('gtnkmQ==');
    });

    it('accepts a header line of exactly the limit', async () => {
      const ext = ';x='.padEnd(MAX_LINE_LENGTH - 1, 'a');
      const { body } = await decode(bytewise(`5${ext}\r\nhello\r\n0\r\n\r\n`));
      expect(body.toString()).toBe('hello');
    });
  });
});

describe('AwsChunkedDecoder with chunk signatures', () => {
  // The AWS example "Transferring payload in multiple chunks": 66,560 bytes of 'a' in chunks of
  // 65,536, 1,024 and 0, with the documented seed and chunk signatures.
  const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();
  const signing = {
    key: hmac(
      hmac(hmac(hmac('AWS4wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130524'), 'us-east-1'), 's3'),
      'aws4_request',
    ),
    amzDate: '20130524T000000Z',
    scope: '20130524/us-east-1/s3/aws4_request',
    seedSignature: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
  };
  const chunks = [
    [65536, 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648'],
    [1024, '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497'],
    [0, 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9'],
  ] as const;
  const example = (corruptAt?: number) =>
    Buffer.concat(
      chunks.map(([size, sig]) => {
        const data = Buffer.alloc(size, 'a');
        if (corruptAt !== undefined && size === 1024) data[corruptAt] = 0x62;
        return Buffer.concat([
          Buffer.from(`${size.toString(16)};chunk-signature=${sig}\r\n`),
          data,
          Buffer.from('\r\n'),
        ]);
      }),
    );
  const run = async (body: Buffer, decoder: AwsChunkedDecoder) => {
    const out: Buffer[] = [];
    await pipeline(
      Readable.from(randomSplit(body, 7, 5000)),
      decoder,
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) out.push(chunk);
      },
    );
    return Buffer.concat(out);
  };

  it('accepts the documented signed example', async () => {
    const body = await run(example(), new AwsChunkedDecoder(signing));
    expect(body.equals(Buffer.alloc(66560, 'a'))).toBe(true);
  });

  it('refuses a byte changed after signing, a missing signature and a wrong seed', async () => {
    await expect(run(example(10), new AwsChunkedDecoder(signing))).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    const unsigned = Buffer.from(`5\r\nhello\r\n0\r\n\r\n`);
    await expect(run(unsigned, new AwsChunkedDecoder(signing))).rejects.toMatchObject({
      code: 'InvalidRequest',
    });
    await expect(
      run(example(), new AwsChunkedDecoder({ ...signing, seedSignature: '0'.repeat(64) })),
    ).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('checks the trailer signature chained from the final chunk', async () => {
    const finalSig = chunks[2][1];
    const trailer = 'x-amz-checksum-crc32:AAAAAA==\n';
    const toSign = [
      'AWS4-HMAC-SHA256-TRAILER',
      signing.amzDate,
      signing.scope,
      finalSig,
      createHash('sha256').update(trailer).digest('hex'),
    ].join('\n');
    const good = createHmac('sha256', signing.key).update(toSign).digest('hex');
    const body = (value: string, sig: string) =>
      Buffer.concat([
        example().subarray(0, -2),
        Buffer.from(`x-amz-checksum-crc32:${value}\r\nx-amz-trailer-signature:${sig}\r\n\r\n`),
      ]);
    const ok = new AwsChunkedDecoder(signing, true);
    await run(body('AAAAAA==', good), ok);
    expect(ok.trailers['x-amz-checksum-crc32']).toBe('AAAAAA==');
    await expect(run(body('AAAAAB==', good), new AwsChunkedDecoder(signing, true))).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });
});
