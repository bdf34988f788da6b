import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

export class ZipError extends Error {}

/** Lambda's limit on a function's unzipped code. */
export const MAX_UNZIPPED_BYTES = 262_144_000;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** A safe relative path of an entry, or an error: absolute paths, `..`, drive letters and NUL are refused. */
export function safeEntryName(raw: string): string {
  if (raw.includes('\0')) throw new ZipError(`zip entry name has a NUL byte: ${JSON.stringify(raw)}`);
  const name = raw.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name))
    throw new ZipError(`zip entry has an absolute path: ${raw}`);
  const parts = name.split('/');
  if (parts.some((p) => p === '..')) throw new ZipError(`zip entry climbs out of the archive: ${raw}`);
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}

/** Counts the bytes of every entry against the limit and checks each entry's CRC-32 at its end. */
class EntryCheck extends Transform {
  private crc = 0;
  constructor(
    private readonly entry: yauzl.Entry,
    private readonly total: { bytes: number; limit: number },
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.total.bytes += chunk.length;
    if (this.total.bytes > this.total.limit) {
      done(new ZipError(`Unzipped size must be smaller than ${this.total.limit} bytes`));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    done(
      this.crc === this.entry.crc32
        ? null
        : new ZipError(`zip entry ${this.entry.fileName} fails its CRC-32 check`),
    );
  }
}

/** yauzl's own errors (bad signature, sizes that lie, truncation) are the zip's fault. */
function zipFault(e: unknown): Error {
  // A system call failing (disk full…) is the server's fault, not the zip's.
  if (e instanceof ZipError || (e as NodeJS.ErrnoException).syscall !== undefined) return e as Error;
  return new ZipError((e as Error).message);
}

/**
 * Unzip `zip` into the new directory `into`, streaming each entry through zlib (off the event
 * loop) with its size bounded and its CRC checked. Symlinks, encrypted entries, names that are
 * absolute or climb out, more than `maxUnzipped` bytes and an archive without files are refused
 * (ZipError); on any failure `into` is removed whole.
 */
export async function extractZip(zip: Buffer, into: string, maxUnzipped = MAX_UNZIPPED_BYTES): Promise<void> {
  await mkdir(into, { recursive: true });
  let archive: yauzl.ZipFile | undefined;
  try {
    archive = await yauzl
      .fromBufferPromise(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false })
      .catch((e: unknown) => {
        throw new ZipError(`not a zip archive (${(e as Error).message})`);
      });
    const declared = { bytes: 0, limit: maxUnzipped };
    const written = { bytes: 0, limit: maxUnzipped };
    let files = 0;
    for (;;) {
      const entry = await nextEntry(archive);
      if (!entry) break;
      const name = safeEntryName(entry.fileName);
      if (entry.fileName.endsWith('/') || name === '') continue;
      const madeBy = entry.versionMadeBy >> 8;
      // Unix "made by" (3) keeps the mode in the high 16 bits: a symlink could point anywhere.
      if (madeBy === 3 && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
        throw new ZipError(`zip entry is a symbolic link: ${entry.fileName}`);
      if (entry.isEncrypted()) throw new ZipError(`zip entry is encrypted: ${entry.fileName}`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        throw new ZipError(
          `zip entry ${entry.fileName} uses compression method ${entry.compressionMethod} (stored or deflate only)`,
        );
      declared.bytes += entry.uncompressedSize;
      if (declared.bytes > maxUnzipped)
        throw new ZipError(`Unzipped size must be smaller than ${maxUnzipped} bytes`);
      const file = join(into, name);
      await mkdir(dirname(file), { recursive: true }).catch((e: unknown) => {
        throw collisionOr(e, entry.fileName);
      });
      const stream = await archive.openReadStreamPromise(entry).catch((e: unknown) => {
        throw zipFault(e);
      });
      // yauzl's size check can still emit after pipeline has failed and let go (a limit hit first):
      // an error with no listener would end the process, so one stays for the stream's life.
      stream.on('error', () => {});
      await pipeline(stream, new EntryCheck(entry, written), createWriteStream(file, { mode: 0o644 })).catch(
        (e: unknown) => {
          stream.destroy();
          throw collisionOr(e, entry.fileName);
        },
      );
      files++;
    }
    if (files === 0) throw new ZipError('the zip archive has no files');
  } catch (e) {
    await rm(into, { recursive: true, force: true });
    throw zipFault(e);
  } finally {
    if (archive?.isOpen) archive.close();
  }
}

/** A file where another entry needs a directory (`a` and `a/b`), or the reverse; else the fault. */
function collisionOr(e: unknown, fileName: string): Error {
  if (['ENOTDIR', 'EISDIR', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? ''))
    return new ZipError(`zip entry ${fileName} collides with another entry`);
  return zipFault(e);
}

function nextEntry(archive: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      archive.off('entry', onEntry);
      archive.off('end', onEnd);
      archive.off('error', onError);
    };
    const onEntry = (e: yauzl.Entry) => {
      cleanup();
      resolve(e);
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(zipFault(e));
    };
    archive.on('entry', onEntry);
    archive.on('end', onEnd);
    archive.on('error', onError);
    archive.readEntry();
  });
}
