import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  type InventoryFile,
  layoutOf,
  ManifestError,
  type ManifestRow,
  parseCsvRows,
  parseInventoryManifest,
} from '@batchops/batch-formats';

export interface InventoryManifestOptions {
  /** When set, the manifest.json must describe an inventory of this bucket. */
  expectedSourceBucket?: string;
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
