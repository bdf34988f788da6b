import { describe, expect, it } from 'vitest';
import {
  type CsvManifestOptions,
  formatManifestRow,
  type ManifestRow,
  parseCsvManifest,
  readCsvManifest,
} from './csv-manifest.js';
import { ManifestError } from './manifest-error.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? utf8(part) : part;
}

async function readAll(
  source: AsyncIterable<Uint8Array>,
  opts: CsvManifestOptions = {},
): Promise<{ rows: ManifestRow[]; batches: number[] }> {
  const rows: ManifestRow[] = [];
  const batches: number[] = [];
  for await (const batch of readCsvManifest(source, opts)) {
    batches.push(batch.length);
    rows.push(...batch);
  }
  return { rows, batches };
}

const read = async (text: string, opts?: CsvManifestOptions) => (await readAll(chunks(text), opts)).rows;

async function readError(
  source: AsyncIterable<Uint8Array>,
  opts?: CsvManifestOptions,
): Promise<ManifestError> {
  const err = await readAll(source, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ManifestError);
  return err as ManifestError;
}

describe('readCsvManifest', () => {
  it('reads two-column rows as bucket and key', async () => {
    expect(await read('b1,k1\nb1,dir/k2\nb2,k3\n')).toEqual([
      { bucket: 'b1', key: 'k1' },
      { bucket: 'b1', key: 'dir/k2' },
      { bucket: 'b2', key: 'k3' },
    ]);
  });

  it('reads three-column rows with version IDs, keeping the literal null version', async () => {
    const rows = await read('b,k1,3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY\nb,k2,null\n');
    expect(rows).toEqual([
      { bucket: 'b', key: 'k1', versionId: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY' },
      { bucket: 'b', key: 'k2', versionId: 'null' },
    ]);
    expect(rows[0]).toHaveProperty('versionId');
  });

  it('leaves versionId out of two-column rows', async () => {
    const [row] = await read('b,k\n');
    expect(row).not.toHaveProperty('versionId');
  });

  it('decodes URL-encoded keys but keeps + as a plus', async () => {
    const rows = await read(
      'b,object%20key%20with%20spaces\nb,caf%C3%A9/%E6%97%A5%E6%9C%AC.txt\nb,a+b\nb,a%2Bb\nb,100%25\n',
    );
    expect(rows.map((r) => r.key)).toEqual(['object key with spaces', 'café/日本.txt', 'a+b', 'a+b', '100%']);
  });

  it('reads raw UTF-8 keys, also when a chunk splits a character', async () => {
    const bytes = utf8('b,日本/é\n');
    const { rows } = await readAll(chunks(bytes.subarray(0, 4), bytes.subarray(4, 9), bytes.subarray(9)));
    expect(rows).toEqual([{ bucket: 'b', key: '日本/é' }]);
  });

  it('reads RFC 4180 quoted fields with commas and doubled quotes on one line', async () => {
    const rows = await read('"b","a,b"\nb,"say ""hi"""\n');
    expect(rows).toEqual([
      { bucket: 'b', key: 'a,b' },
      { bucket: 'b', key: 'say "hi"' },
    ]);
  });

  it('fails on a quoted field holding a line break: one row per line, naming the line', async () => {
    // A 1-row manifest whose quoted version field held a comma and a newline once made 2 tasks.
    const cases: Array<[string, CsvManifestOptions]> = [
      ['b,k0,v\nb,k1,v\nb,k,"v1\nb,k2"\n', {}],
      ['b,k0\nb,k1\nb,"two\nlines"\n', {}],
      ['b,k0,x\nb,k1,x\n"b\n",k,x\n', { fields: ['Bucket', 'Key', 'Ignore'] }],
    ];
    for (const [text, opts] of cases) {
      const err = await readError(chunks(text), opts);
      expect(err.code).toBe('ManifestParseError');
      expect(err.line).toBe(3);
      expect(err.message).toBe('Line 3: a quoted field holds a line break; a manifest has one row per line');
    }
    // Split anywhere, it fails the same way.
    const bytes = utf8('b,"two\r\nlines"\n');
    for (let i = 0; i <= bytes.length; i++) {
      const err = await readError(chunks(bytes.subarray(0, i), bytes.subarray(i)));
      expect(err.message).toMatch(/^Line 1: a quoted field holds a line break/);
    }
  });

  it('fails on a bucket field that is not a bucket name (a comma in quotes), naming the line', async () => {
    const err = await readError(chunks('b,k\n"b,c",k\n'));
    expect(err.code).toBe('ManifestParseError');
    expect(err.line).toBe(2);
    expect(err.message).toBe("Line 2: 'b,c' is not a bucket name");
    expect((await readError(chunks('b k,key\n'))).message).toBe("Line 1: 'b k' is not a bucket name");
    expect(await read('Legacy_Bucket.1-a,k\n')).toEqual([{ bucket: 'Legacy_Bucket.1-a', key: 'k' }]);
  });

  it('fails on a version ID holding a comma, quote or control character, naming the line', async () => {
    for (const v of ['"v,1"', '"v""1"', 'v\t1']) {
      const err = await readError(chunks(`b,k,v0\nb,k,${v}\n`));
      expect(err.code).toBe('ManifestParseError');
      expect(err.message).toMatch(/^Line 2: version ID holds a control character, comma or quote/);
    }
  });

  it('reads CRLF line ends, a last line without newline, and skips blank lines', async () => {
    expect(await read('b,k1\r\n\r\nb,"k2"\r\n\n\nb,k3')).toEqual([
      { bucket: 'b', key: 'k1' },
      { bucket: 'b', key: 'k2' },
      { bucket: 'b', key: 'k3' },
    ]);
    expect(await read('')).toEqual([]);
    expect(await read('\n\r\n')).toEqual([]);
  });

  it('gives the same rows however the stream is split', async () => {
    const manifest =
      'b1,k1,v1\r\n"b1","quoted, ""key""",v2\n\nb2,caf%C3%A9%20x,null\n"b2","multi%0D%0Aline",v3\r\nb3,日本,"v4"\nb3,a+b,v5';
    const bytes = utf8(manifest);
    const expected = (await readAll(chunks(bytes))).rows;
    expect(expected).toHaveLength(6);
    expect(expected[1]).toEqual({ bucket: 'b1', key: 'quoted, "key"', versionId: 'v2' });
    expect(expected[3]).toEqual({ bucket: 'b2', key: 'multi\r\nline', versionId: 'v3' });
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j += 7) {
        const { rows } = await readAll(chunks(bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)));
        expect(rows, `split at ${i} and ${j}`).toEqual(expected);
      }
    }
    // One byte at a time.
    const { rows } = await readAll(chunks(...[...bytes].map((b) => Uint8Array.of(b))));
    expect(rows).toEqual(expected);
  });

  it('maps columns by Fields and skips Ignore columns', async () => {
    const rows = await read('x,k1,b,v1,y\nx,k2,b,v2,y\n', {
      fields: ['Ignore', 'Key', 'Bucket', 'VersionId', 'Ignore'],
    });
    expect(rows).toEqual([
      { bucket: 'b', key: 'k1', versionId: 'v1' },
      { bucket: 'b', key: 'k2', versionId: 'v2' },
    ]);
    expect(await read('k,b\n', { fields: ['Key', 'Bucket'] })).toEqual([{ bucket: 'b', key: 'k' }]);
  });

  it('rejects Fields without Bucket or Key, and rows of another width', async () => {
    expect((await readError(chunks('b,k\n'), { fields: ['Bucket', 'VersionId'] })).message).toMatch(
      /must include Bucket and Key/,
    );
    const err = await readError(chunks('x,b,k\nx,b,k,z\n'), { fields: ['Ignore', 'Bucket', 'Key'] });
    expect(err.code).toBe('ManifestParseError');
    expect(err.message).toBe('Line 2: expected 3 fields (Ignore, Bucket, Key), got 4');
  });

  it('requires version IDs for all rows or none, naming the line', async () => {
    const err = await readError(chunks('b,k1\nb,k2\n\nb,k3,v3\n'));
    expect(err.code).toBe('ManifestVersionIdMismatch');
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/^Line 4: expected 2 fields \(Bucket, Key\), got 3/);
    const other = await readError(chunks('b,k1,v1\nb,k2\n'));
    expect(other.code).toBe('ManifestVersionIdMismatch');
    expect(other.line).toBe(2);
  });

  it('rejects a row of one or four fields', async () => {
    const err = await readError(chunks('b,k\nb,k,v,x\n'));
    expect(err.code).toBe('ManifestParseError');
    expect(err.message).toBe('Line 2: expected 2 fields (Bucket, Key), got 4');
    expect((await readError(chunks('justakey\n'))).message).toMatch(/^Line 1: expected 2 fields/);
  });

  it('rejects a malformed escape, naming the line', async () => {
    const err = await readError(chunks('b,ok\nb,bad%zzkey\n'));
    expect(err.code).toBe('ManifestParseError');
    expect(err.line).toBe(2);
    expect(err.message).toBe('Line 2: key is not validly URL-encoded: bad%zzkey');
  });

  it('rejects an empty bucket or key, naming the line', async () => {
    expect((await readError(chunks(',k\n'))).message).toBe('Line 1: bucket name is empty');
    expect((await readError(chunks('b,k\nb,\n'))).message).toBe('Line 2: key is empty');
    expect((await readError(chunks('b,k\nb,""\n'))).message).toBe('Line 2: key is empty');
  });

  it('rejects a key longer than 1,024 bytes after decoding', async () => {
    expect(await read(`b,${'a'.repeat(1024)}\n`)).toHaveLength(1);
    // 342 × "é" = 684 characters but 1,026 bytes.
    const err = await readError(chunks(`b,${'%C3%A9'.repeat(513)}\n`));
    expect(err.message).toMatch(/^Line 1: key is longer than 1,024 bytes/);
    expect((await readError(chunks(`b,${'a'.repeat(1025)}\n`))).code).toBe('ManifestParseError');
  });

  it.each([
    ['plain', (n: number) => Array.from({ length: n }, () => 'f').join(',')],
    ['quoted', (n: number) => Array.from({ length: n }, () => '"f"').join(',')],
  ])('holds a %s line to 256 fields', async (_kind, line) => {
    const over = await readError(chunks(`b,k\n${line(257)}\n`));
    expect(over.message).toBe('Line 2: more than 256 fields');
    // At the limit the row is read, and refused only as a row (not 2 or 3 fields).
    expect((await readError(chunks(`b,k\n${line(256)}\n`))).message).not.toContain('more than 256');
  });

  it('holds a line to 1,048,576 characters, even one that arrives in pieces', async () => {
    const long = (n: number) => `b,${'a'.repeat(n - 2)}`;
    const over = await readError(chunks('b,k\n', long((1 << 20) + 1), '\n'));
    expect(over.message).toBe('Line 2: line is longer than 1048576 characters');
    // At the limit the line is read whole, and refused only for its key.
    const at = await readError(chunks('b,k\n', long(1 << 20), '\n'));
    expect(at.message).toMatch(/^Line 2: key is longer than 1,024 bytes/);
  });

  it('rejects an unterminated quote and text after a closing quote', async () => {
    expect((await readError(chunks('b,k\nb,"open'))).message).toBe('Line 2: quoted field is not closed');
    expect((await readError(chunks('b,k\nb,"k"x\n'))).message).toMatch(/^Line 2: unexpected character/);
  });

  it('yields batches of at most 1,000 rows, for plain and quoted rows alike', async () => {
    const plain = Array.from({ length: 2500 }, (_, i) => `b,k${i}\n`).join('');
    const quoted = Array.from({ length: 2500 }, (_, i) => `"b","k${i}"\n`).join('');
    for (const text of [plain, quoted]) {
      const { rows, batches } = await readAll(chunks(text.slice(0, 7001), text.slice(7001)));
      expect(rows).toHaveLength(2500);
      expect(rows[2499]).toEqual({ bucket: 'b', key: 'k2499' });
      expect(Math.max(...batches)).toBeLessThanOrEqual(1000);
      expect(batches.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('reads a chunk larger than its internal decode pieces, multi-byte characters included', async () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `b,é/日${i}\n`).join('');
    const { rows } = await readAll(chunks(text));
    expect(utf8(text).length).toBeGreaterThan(300_000);
    expect(rows).toHaveLength(30_000);
    expect(rows.every((r, i) => r.key === `é/日${i}`)).toBe(true);
  });

  it('strips a UTF-8 byte order mark', async () => {
    expect(await read('\uFEFFb,k\n')).toEqual([{ bucket: 'b', key: 'k' }]);
  });

  it('reads decoded text chunks as well as bytes', async () => {
    const rows: ManifestRow[] = [];
    for await (const batch of readCsvManifest(['b,k', '1\nb,k2\n'])) rows.push(...batch);
    expect(rows).toEqual([
      { bucket: 'b', key: 'k1' },
      { bucket: 'b', key: 'k2' },
    ]);
  });
});

describe('parseCsvManifest', () => {
  it('reads the whole lines of a partial text, and throws what the job would fail with', () => {
    expect(parseCsvManifest('b,k1\nb,k2\nb,k', { partial: true })).toEqual([
      { bucket: 'b', key: 'k1' },
      { bucket: 'b', key: 'k2' },
    ]);
    expect(parseCsvManifest('b,k1\nb,k')).toHaveLength(2);
    expect(() => parseCsvManifest('b,k1\nb,"x\ny"\n')).toThrow(
      'Line 2: a quoted field holds a line break; a manifest has one row per line',
    );
  });
});

describe('formatManifestRow', () => {
  it('writes a line the reader reads back as the same row', async () => {
    const rows: ManifestRow[] = [
      { bucket: 'b', key: 'a b/c,d\ne%', versionId: 'v1' },
      { bucket: 'b', key: '日本', versionId: 'null' },
    ];
    const text = rows.map(formatManifestRow).join('');
    expect(text).toBe('b,a%20b/c%2Cd%0Ae%25,v1\nb,%E6%97%A5%E6%9C%AC,null\n');
    expect(await read(text)).toEqual(rows);
    expect(formatManifestRow({ bucket: 'b', key: 'k' })).toBe('b,k\n');
  });
});

describe('pre-flight and the engine', () => {
  // Pre-flight reads a manifest's text with parseCsvManifest; the engine streams it through
  // readCsvManifest. The same manifest must get the same verdict, to the letter.
  const bad = [
    'b,k,"v1,\nb,k2"\n',
    'b,k\n"b,c",k\n',
    'b,k1\nb,k2,v2\n',
    'b,k\nb,bad%zz\n',
    'b,k,v0\nb,k,"v""1"\n',
    'b,k\nb,"k"x\n',
    // One byte order mark is skipped; the decoder must not drop a first one of its own.
    '\ufeff\ufeffb,k\n',
  ];

  it.each(bad)('fails %j with the same error either way', async (text) => {
    const streamed = await readError(chunks(text));
    let parsed: unknown;
    try {
      parseCsvManifest(text);
    } catch (e) {
      parsed = e;
    }
    expect(parsed).toBeInstanceOf(ManifestError);
    expect({ code: (parsed as ManifestError).code, message: (parsed as ManifestError).message }).toEqual({
      code: streamed.code,
      message: streamed.message,
    });
  });
});
