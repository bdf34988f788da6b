import { describe, expect, it } from 'vitest';
import {
  type CsvManifestField,
  type CsvParseOptions,
  formatManifestRow,
  layoutOf,
  type ManifestRow,
  parseCsvManifest,
  parseCsvRows,
  readCsvManifest,
} from './csv-manifest.js';
import { ManifestError } from './manifest-error.js';

// The edges csv-manifest.test.ts leaves open (mutation testing, issue 20): limits at their exact
// values, text chunks cut at a line's end, and every message to the letter.

/** The batches the CSV core yields for text chunks. */
async function batchesOf(parts: string[], opts?: CsvParseOptions): Promise<ManifestRow[][]> {
  const out: ManifestRow[][] = [];
  for await (const batch of parseCsvRows(parts, opts)) out.push(batch);
  return out;
}

/** The ManifestError `parseCsvManifest` throws for `text`, as code and message. */
function errorOf(text: string, fields?: CsvManifestField[]): { code: string; message: string } {
  try {
    parseCsvManifest(text, { fields });
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return { code: (e as ManifestError).code, message: (e as ManifestError).message };
  }
  throw new Error(`parsed without an error: ${JSON.stringify(text)}`);
}

const parseError = (message: string) => ({ code: 'ManifestParseError', message });

describe('manifest Fields', () => {
  const ignored = (n: number): CsvManifestField[] => Array.from({ length: n }, () => 'Ignore');

  it('refuses a field named twice, a missing Bucket or Key, and more than 256 fields', () => {
    const refused: Array<[CsvManifestField[], string]> = [
      [['Key', 'Bucket', 'Bucket'], 'Manifest fields name Bucket more than once'],
      [['Key', 'VersionId'], 'Manifest fields must include Bucket and Key, got Key, VersionId'],
      [['Bucket', 'Key', ...ignored(255)], 'Manifest has 257 fields, at most 256'],
    ];
    for (const [fields, message] of refused) expect(errorOf('b,k\n', fields)).toEqual(parseError(message));
    const wide = layoutOf(['Bucket', 'Key', ...ignored(254)]);
    expect([wide.count, wide.bucket, wide.key, wide.versionId, wide.deleteMarker]).toEqual([
      256, 0, 1, -1, -1,
    ]);
    expect(layoutOf(['Ignore', 'Ignore', 'Key', 'Bucket'])).toMatchObject({ count: 4, bucket: 3, key: 2 });
  });

  it('an empty Fields list is the default layout, for the stream and for pre-flight alike', async () => {
    const rows = [{ bucket: 'b', key: 'k', versionId: 'v' }];
    expect(parseCsvManifest('b,k,v\n', { fields: [] })).toEqual(rows);
    const streamed: ManifestRow[] = [];
    for await (const batch of readCsvManifest(['b,k,v\n'], { fields: [] })) streamed.push(...batch);
    expect(streamed).toEqual(rows);
    expect(parseCsvManifest('k,b\n', { fields: ['Key', 'Bucket'] })).toEqual([{ bucket: 'b', key: 'k' }]);
  });

  it('with Fields given, a row of the other default width is a parse error, not a version mismatch', () => {
    expect(errorOf('b,k,v\n', ['Bucket', 'Key'])).toEqual(
      parseError('Line 1: expected 2 fields (Bucket, Key), got 3'),
    );
    expect(errorOf('b,k\nb,k,v\n')).toEqual({
      code: 'ManifestVersionIdMismatch',
      message:
        'Line 2: expected 2 fields (Bucket, Key), got 3; a version ID must be given for every object or none',
    });
    expect(errorOf('b\n')).toEqual(
      parseError('Line 1: expected 2 fields (Bucket, Key) or 3 (Bucket, Key, VersionId), got 1'),
    );
  });

  it('skips an inventory row whose IsDeleteMarker is "true", and names the data file in errors', async () => {
    const layout = layoutOf(['Bucket', 'Key', 'VersionId', 'IsDeleteMarker']);
    const batches = await batchesOf(['b,k1,v1,true\nb,k2,v2,false\nb,k3,v3,\n'], { layout });
    expect(batches).toEqual([
      [
        { bucket: 'b', key: 'k2', versionId: 'v2' },
        { bucket: 'b', key: 'k3', versionId: 'v3' },
      ],
    ]);
    const second = layoutOf(['Bucket', 'IsDeleteMarker', 'Key']);
    expect(await batchesOf(['b,true,k1\nb,false,k2\n'], { layout: second })).toEqual([
      [{ bucket: 'b', key: 'k2' }],
    ]);
    await expect(batchesOf(['b,k,v,true\nb,,v,false\n'], { layout, source: 'data/1.csv' })).rejects.toThrow(
      /^data\/1\.csv, line 2: key is empty$/,
    );
  });
});

describe('rows and their lines', () => {
  it('yields full batches of exactly 1,000 rows, then the rest, and no empty batch', async () => {
    const text = Array.from({ length: 2500 }, (_, i) => `b,k${i}\n`).join('');
    expect((await batchesOf([text])).map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect((await batchesOf([text.slice(0, 11), text.slice(11)])).map((b) => b.length)).toEqual([
      1000, 1000, 500,
    ]);
    expect(await batchesOf(['', '\n'])).toEqual([]);
  });

  it('counts the lines of quoted rows, also when a chunk ends between CR and LF', async () => {
    for (const parts of [
      ['"b","k"\r\nb,bad%zz\n'],
      ['"b","k"\r', '\nb,bad%zz\n'],
      ['"b","k"\n', 'b,bad%zz\n'],
    ]) {
      await expect(batchesOf(parts)).rejects.toThrow(/^Line 2: key is not validly URL-encoded: bad%zz$/);
    }
  });

  it('reads a chunk of over 1 MiB of quoted rows as it comes, not as one long line', async () => {
    const text = Array.from({ length: 90_000 }, (_, i) => (i % 2 ? `b,"k${i}"\r\n` : `"b",k${i}\r\n`)).join(
      '',
    );
    expect(text.length).toBeGreaterThan(1 << 20);
    const rows = (await batchesOf([text, '"b",last'])).flat();
    expect([rows.length, rows[89_999], rows[90_000]]).toEqual([
      90_001,
      { bucket: 'b', key: 'k89999' },
      { bucket: 'b', key: 'last' },
    ]);
  });

  it('skips a last line of a lone CR as blank', () => {
    expect(parseCsvManifest('b,k\n\r')).toEqual([{ bucket: 'b', key: 'k' }]);
  });

  it.each([
    [`b,k\n${'f,'.repeat(256)}f\n`, 'Line 2: more than 256 fields'],
    [`b,k\n${'"f",'.repeat(256)}"f"\n`, 'Line 2: more than 256 fields'],
    ['b,k\nb,"open', 'Line 2: quoted field is not closed'],
    ['b,k\nb,"open\n', 'Line 2: a quoted field holds a line break; a manifest has one row per line'],
    ['b,"k"x\n', "Line 1: unexpected character after a closing quote: 'x'"],
    [',k\n', 'Line 1: bucket name is empty'],
    ['b,\n', 'Line 1: key is empty'],
  ])('refuses %j as a ManifestParseError: %s', (text, message) => {
    expect(errorOf(text)).toEqual(parseError(message));
  });

  it('refuses a line over 1,048,576 characters as a ManifestParseError while it streams', async () => {
    await expect(batchesOf(['b,k\n', `b,${'a'.repeat(1 << 20)}`])).rejects.toMatchObject(
      parseError('Line 2: line is longer than 1048576 characters'),
    );
  });

  it('reads a quoted field that ends the text, with or without a CR', () => {
    expect(parseCsvManifest('b,"k"')).toEqual([{ bucket: 'b', key: 'k' }]);
    expect(parseCsvManifest('b,"k"\r')).toEqual([{ bucket: 'b', key: 'k' }]);
    expect(parseCsvManifest('"b",k\r')).toEqual([{ bucket: 'b', key: 'k' }]);
    expect(errorOf('b,"k"\rx\n')).toEqual(
      parseError("Line 1: unexpected character after a closing quote: '\r'"),
    );
  });

  it('strips a byte order mark only at the start of the text, an empty first chunk aside', async () => {
    expect(await batchesOf(['', '\ufeffb,k\n'])).toEqual([[{ bucket: 'b', key: 'k' }]]);
    await expect(batchesOf(['b,k\n', '\ufeffb,k\n'])).rejects.toThrow(
      "Line 2: '\ufeffb' is not a bucket name",
    );
  });
});

describe('row values', () => {
  it('takes bucket names of 1 to 255 characters, and shortens a long one in the message', () => {
    expect(parseCsvManifest(`${'b'.repeat(255)},k\n`)).toHaveLength(1);
    expect(errorOf(`b,k\n${'b'.repeat(256)},k\n`)).toEqual(
      parseError(`Line 2: '${'b'.repeat(77)}...' is not a bucket name`),
    );
    expect(errorOf(`${' '.repeat(80)},k\n`)).toEqual(
      parseError(`Line 1: '${' '.repeat(80)}' is not a bucket name`),
    );
  });

  it.each([
    ['\u007f', 1],
    ['\u0080', 2],
    ['\u07ff', 2],
    ['\u0800', 3],
    ['\ud7ff', 3],
    ['\ud800\udc00', 4],
    ['\udbff\udfff', 4],
    ['\udc00\udc00', 6],
    ['\ud800é', 5],
    ['\ue000', 3],
    ['\u0800\udc00', 6],
  ])('counts %j as %i UTF-8 bytes toward the 1,024-byte key limit', (chars, bytes) => {
    const key = (n: number) => `${chars}${'a'.repeat(n - bytes)}`;
    expect(parseCsvManifest(`b,${key(1024)}\n`)).toEqual([{ bucket: 'b', key: key(1024) }]);
    expect(errorOf(`b,${key(1025)}\n`).message).toMatch(/^Line 1: key is longer than 1,024 bytes: /);
  });

  it.each(['\u0000', '\u001f', '\u007f'])('refuses a version ID holding %j', (c) => {
    expect(errorOf(`b,k,v${c}1\n`)).toEqual(
      parseError(`Line 1: version ID holds a control character, comma or quote: v${c}1`),
    );
  });

  it('keeps a version ID of other characters as it is, an empty one included', () => {
    const ids = [' ', '~', '\u0080', '%41', ''];
    expect(parseCsvManifest(ids.map((v) => `b,k,${v}\n`).join('')).map((r) => r.versionId)).toEqual(ids);
  });

  it('keeps every slash of a key readable when writing a manifest line', () => {
    expect(formatManifestRow({ bucket: 'b', key: 'a/b/c d' })).toBe('b,a/b/c%20d\n');
  });
});
