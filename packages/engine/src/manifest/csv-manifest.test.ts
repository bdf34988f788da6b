import { describe, expect, it } from 'vitest';
import { type CsvManifestOptions, type ManifestRow, readCsvManifest } from './csv-manifest.js';
import { ManifestError } from './manifest-error.js';

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.isBuffer(part) ? part : Buffer.from(part);
}

async function readAll(
  source: AsyncIterable<Buffer>,
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

async function readError(source: AsyncIterable<Buffer>, opts?: CsvManifestOptions): Promise<ManifestError> {
  try {
    await readAll(source, opts);
  } catch (err) {
    if (err instanceof ManifestError) return err;
    throw err;
  }
  throw new Error('expected a ManifestError');
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
    const bytes = Buffer.from('b,日本/é\n');
    const { rows } = await readAll(chunks(bytes.subarray(0, 4), bytes.subarray(4, 9), bytes.subarray(9)));
    expect(rows).toEqual([{ bucket: 'b', key: '日本/é' }]);
  });

  it('reads RFC 4180 quoted fields with commas, doubled quotes and newlines', async () => {
    const rows = await read('"b","a,b"\nb,"say ""hi"""\n"b","two\nlines"\n');
    expect(rows).toEqual([
      { bucket: 'b', key: 'a,b' },
      { bucket: 'b', key: 'say "hi"' },
      { bucket: 'b', key: 'two\nlines' },
    ]);
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
      'b1,k1,v1\r\n"b1","quoted, ""key""",v2\n\nb2,caf%C3%A9%20x,null\n"b2","multi\r\nline",v3\r\nb3,日本,"v,4"\nb3,a+b,v5';
    const bytes = Buffer.from(manifest);
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
    const { rows } = await readAll(chunks(...[...bytes].map((b) => Buffer.from([b]))));
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

  it('rejects an unterminated quote and text after a closing quote', async () => {
    expect((await readError(chunks('b,"open\n'))).message).toBe('Line 1: quoted field is not closed');
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
    expect(Buffer.byteLength(text)).toBeGreaterThan(300_000);
    expect(rows).toHaveLength(30_000);
    expect(rows.every((r, i) => r.key === `é/日${i}`)).toBe(true);
  });

  it('strips a UTF-8 byte order mark', async () => {
    expect(await read('\uFEFFb,k\n')).toEqual([{ bucket: 'b', key: 'k' }]);
  });
});
