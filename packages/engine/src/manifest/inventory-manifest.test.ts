import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ManifestError, type ManifestRow } from '@batchops/batch-formats';
import { describe, expect, it } from 'vitest';
import { readInventoryManifest } from './inventory-manifest.js';

const SCHEMA = 'Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size';

const dataFiles: Record<string, Buffer> = {
  'inv/src/data/one.csv.gz': gzipSync(
    [
      '"src","photos/cat%20one.jpg","v1","true","false","120"\n',
      '"src","photos/gone.jpg","v2","true","true",""\n',
      '"src","caf%C3%A9+menu.txt","null","true","false","5"\n',
    ].join(''),
  ),
  'inv/src/data/two.csv.gz': gzipSync('"src","a,b ""quoted"".txt","v3","false","false","7"\r\n'),
};

function manifestJson(overrides: Record<string, unknown> = {}, files = dataFiles): string {
  return JSON.stringify({
    sourceBucket: 'src',
    destinationBucket: 'arn:aws:s3:::inventory-dest',
    version: '2016-11-30',
    creationTimestamp: '1514944800000',
    fileFormat: 'CSV',
    fileSchema: SCHEMA,
    files: Object.entries(files).map(([key, body]) => ({
      key,
      size: body.length,
      MD5checksum: createHash('md5').update(body).digest('hex'),
    })),
    ...overrides,
  });
}

/** Serves a data file in 5-byte chunks, so checksums and gunzip see a real stream. */
async function openDataFile(key: string): Promise<AsyncIterable<Buffer>> {
  const body = dataFiles[key];
  if (!body) throw new Error(`no such key ${key}`);
  return (async function* () {
    for (let i = 0; i < body.length; i += 5) yield body.subarray(i, i + 5);
  })();
}

async function readAll(json: string, opener = openDataFile): Promise<ManifestRow[]> {
  const rows: ManifestRow[] = [];
  for await (const batch of readInventoryManifest(json, opener)) rows.push(...batch);
  return rows;
}

async function readError(json: string, opener = openDataFile): Promise<ManifestError> {
  const err = await readAll(json, opener).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ManifestError);
  return err as ManifestError;
}

/** Serves these data files whole. */
const openerOf =
  (files: Record<string, Buffer>) =>
  async (key: string): Promise<AsyncIterable<Buffer>> =>
    (async function* () {
      yield files[key] as Buffer;
    })();

describe('readInventoryManifest', () => {
  it('reads every data file, decoding keys and skipping delete markers', async () => {
    expect(await readAll(manifestJson())).toEqual([
      { bucket: 'src', key: 'photos/cat one.jpg', versionId: 'v1' },
      { bucket: 'src', key: 'café+menu.txt', versionId: 'null' },
      { bucket: 'src', key: 'a,b "quoted".txt', versionId: 'v3' },
    ]);
  });

  it('reads an inventory without version IDs', async () => {
    const files = { 'inv/plain.csv.gz': gzipSync('"src","k1"\n"src","k%2F2"\n') };
    const opener = openerOf(files);
    const rows = await readAll(manifestJson({ fileSchema: 'Bucket, Key' }, files), opener);
    expect(rows).toEqual([
      { bucket: 'src', key: 'k1' },
      { bucket: 'src', key: 'k/2' },
    ]);
    expect(rows[0]).not.toHaveProperty('versionId');
  });

  it('fails with InventoryChecksumMismatch naming the file when the MD5 differs', async () => {
    const json = JSON.parse(manifestJson());
    json.files[1].MD5checksum = '0'.repeat(32);
    const err = await readError(JSON.stringify(json));
    expect(err.code).toBe('InventoryChecksumMismatch');
    expect(err.message).toMatch(/^inv\/src\/data\/two\.csv\.gz: MD5 [0-9a-f]{32}/);
  });

  it('fails with InventoryChecksumMismatch when a file was altered in transit', async () => {
    const json = manifestJson();
    const tampered = async (key: string) => {
      const body = Buffer.from(dataFiles[key] as Buffer);
      const at = body.length - 6; // inside the gzip CRC trailer
      body.writeUInt8(body.readUInt8(at) ^ 0xff, at);
      return (async function* () {
        yield body;
      })();
    };
    expect((await readError(json, tampered)).code).toBe('InventoryChecksumMismatch');
  });

  it('refuses ORC and Parquet inventories', async () => {
    for (const fileFormat of ['ORC', 'Parquet']) {
      const err = await readError(manifestJson({ fileFormat }));
      expect(err.code).toBe('InventoryFormatUnsupported');
      expect(err.message).toContain(fileFormat);
    }
  });

  it('rejects a manifest.json that is not JSON or lacks Bucket and Key columns', async () => {
    expect((await readError('{not json')).code).toBe('ManifestParseError');
    const err = await readError(manifestJson({ fileSchema: 'Bucket, Size' }));
    expect(err.message).toMatch(/must include Bucket and Key/);
    expect((await readError(manifestJson({ files: 'x' }))).message).toBe(
      'manifest.json: files must be an array',
    );
  });

  it('checks the source bucket when asked to', async () => {
    const rows: ManifestRow[] = [];
    for await (const b of readInventoryManifest(manifestJson(), openDataFile, {
      expectedSourceBucket: 'src',
    })) {
      rows.push(...b);
    }
    expect(rows).toHaveLength(3);
    const other = readInventoryManifest(manifestJson(), openDataFile, { expectedSourceBucket: 'other' });
    await expect(other.next()).rejects.toThrow(/inventory of bucket src, expected other/);
  });

  it('names the data file and line of a bad row', async () => {
    const files = { 'inv/bad.csv.gz': gzipSync('"src","k1","v1"\n"src","k2"\n') };
    const opener = openerOf(files);
    const err = await readError(manifestJson({ fileSchema: 'Bucket, Key, VersionId' }, files), opener);
    expect(err.message).toBe('inv/bad.csv.gz, line 2: expected 3 fields (Bucket, Key, VersionId), got 2');
    expect(err.line).toBe(2);
  });

  it('reports a file that is not gzip as a parse error naming it', async () => {
    const files = { 'inv/plain.csv.gz': Buffer.from('"src","k"\n') };
    const opener = openerOf(files);
    const err = await readError(manifestJson({}, files), opener);
    expect(err.code).toBe('ManifestParseError');
    expect(err.message).toMatch(/^inv\/plain\.csv\.gz: not a readable gzip file/);
  });
});
