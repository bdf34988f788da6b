import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { layoutOf, ManifestError, type ManifestRow, parseCsvRows } from '@batchops/batch-formats';

export interface InventoryManifestOptions {
  /** When set, the manifest.json must describe an inventory of this bucket. */
  expectedSourceBucket?: string;
}

interface InventoryFile {
  key: string;
  size?: number;
  MD5checksum: string;
}

interface InventoryManifest {
  sourceBucket: string;
  fileSchema: string[];
  files: InventoryFile[];
}

/**
 * Reads an `S3InventoryReport_CSV_20161130` manifest: the manifest.json, then each gzipped CSV data
 * file in turn, checking its MD5 as it streams. Rows come in batches; delete markers are skipped.
 */
export async function* readInventoryManifest(
  manifestJson: string,
  openDataFile: (key: string) => Promise<AsyncIterable<Buffer | Uint8Array>>,
  opts: InventoryManifestOptions = {},
): AsyncGenerator<ManifestRow[]> {
  const manifest = parseInventoryManifest(manifestJson);
  if (opts.expectedSourceBucket !== undefined && manifest.sourceBucket !== opts.expectedSourceBucket) {
    throw new ManifestError(
      'ManifestParseError',
      `manifest.json: inventory of bucket ${manifest.sourceBucket}, expected ${opts.expectedSourceBucket}`,
    );
  }
  const layout = layoutOf(manifest.fileSchema);
  for (const file of manifest.files) {
    const bytes = verified(await openDataFile(file.key), file);
    const text = gunzip(bytes, file.key);
    yield* parseCsvRows(text, { layout, source: file.key });
  }
}

function parseInventoryManifest(json: string): InventoryManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    throw new ManifestError(
      'ManifestParseError',
      `manifest.json is not valid JSON: ${(err as Error).message}`,
    );
  }
  const bad = (what: string): never => {
    throw new ManifestError('ManifestParseError', `manifest.json: ${what}`);
  };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return bad('expected a JSON object');
  const m = doc as Record<string, unknown>;
  if (m.fileFormat !== 'CSV') {
    throw new ManifestError(
      'InventoryFormatUnsupported',
      `manifest.json: fileFormat ${JSON.stringify(m.fileFormat)} is not supported; Batch Operations reads CSV inventories only`,
    );
  }
  if (typeof m.sourceBucket !== 'string' || m.sourceBucket === '') bad('sourceBucket must be a bucket name');
  if (typeof m.fileSchema !== 'string') bad('fileSchema must be a string of column names');
  if (!Array.isArray(m.files)) bad('files must be an array');
  const files = (m.files as unknown[]).map((f, i): InventoryFile => {
    const file = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
    if (typeof file.key !== 'string' || file.key === '') bad(`files[${i}].key must be an object key`);
    if (typeof file.MD5checksum !== 'string' || !/^[0-9a-f]{32}$/i.test(file.MD5checksum)) {
      bad(`files[${i}].MD5checksum must be an MD5 in hex`);
    }
    return {
      key: file.key as string,
      MD5checksum: (file.MD5checksum as string).toLowerCase(),
      ...(typeof file.size === 'number' ? { size: file.size } : {}),
    };
  });
  const fileSchema = (m.fileSchema as string).split(',').map((name) => name.trim());
  return { sourceBucket: m.sourceBucket as string, fileSchema, files };
}

/**
 * Passes the bytes through while hashing them; the last chunk is held back until the MD5 is
 * checked, so a corrupt file fails as a checksum mismatch before gunzip sees its trailer.
 */
async function* verified(
  source: AsyncIterable<Buffer | Uint8Array>,
  file: InventoryFile,
): AsyncGenerator<Buffer> {
  const hash = createHash('md5');
  let size = 0;
  let held: Buffer | undefined;
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    hash.update(buf);
    size += buf.length;
    if (held) yield held;
    held = buf;
  }
  const md5 = hash.digest('hex');
  if (md5 !== file.MD5checksum || (file.size !== undefined && size !== file.size)) {
    throw new ManifestError(
      'InventoryChecksumMismatch',
      `${file.key}: MD5 ${md5} (${size} bytes) does not match the manifest's ${file.MD5checksum}` +
        (file.size !== undefined ? ` (${file.size} bytes)` : ''),
    );
  }
  if (held) yield held;
}

/** Streamed gunzip; zlib errors become ManifestParseError naming the file. */
async function* gunzip(bytes: AsyncIterable<Buffer>, key: string): AsyncGenerator<Buffer> {
  // pipeline destroys every stage on an error, so the iteration below rejects with it.
  const out = pipeline(Readable.from(bytes, { objectMode: false }), createGunzip(), () => {});
  try {
    for await (const chunk of out) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof ManifestError) throw err;
    throw new ManifestError(
      'ManifestParseError',
      `${key}: not a readable gzip file: ${(err as Error).message}`,
    );
  }
}
