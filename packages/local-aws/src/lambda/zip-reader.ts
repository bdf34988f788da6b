import { crc32, inflateRawSync } from 'node:zlib';

/** One file of a zip archive, its bytes already inflated and checked. */
export interface ZipEntry {
  /** The path inside the archive, `/`-separated, never absolute nor climbing out (`..`). */
  readonly name: string;
  readonly data: Buffer;
}

export class ZipError extends Error {}

/** Lambda's limit on a function's unzipped code. */
export const MAX_UNZIPPED_BYTES = 262_144_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
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

/**
 * The files of a zip archive (stored or deflated entries, no ZIP64, no encryption), read through
 * the central directory; CRC-32 and sizes are checked, directories and empty names skipped.
 */
export function readZip(zip: Buffer, maxUnzipped = MAX_UNZIPPED_BYTES): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  if (cdOffset + cdSize > eocd) throw new ZipError('the central directory lies outside the archive');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL)
      throw new ZipError('corrupt central directory');
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const compSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const madeBy = zip.readUInt16LE(p + 4) >> 8;
    const external = zip.readUInt32LE(p + 38);
    const localOffset = zip.readUInt32LE(p + 42);
    const rawName = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    const name = safeEntryName(rawName);
    if (rawName.endsWith('/') || rawName.endsWith('\\') || name === '') continue;
    // Unix "made by" (3) keeps the mode in the high 16 bits: a symlink could point anywhere.
    if (madeBy === 3 && ((external >>> 16) & S_IFMT) === S_IFLNK)
      throw new ZipError(`zip entry is a symbolic link: ${rawName}`);
    if (flags & 0x1) throw new ZipError(`zip entry is encrypted: ${rawName}`);
    total += size;
    if (total > maxUnzipped) throw new ZipError(`Unzipped size must be smaller than ${maxUnzipped} bytes`);
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL)
      throw new ZipError(`corrupt local header: ${rawName}`);
    const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (start + compSize > zip.length) throw new ZipError(`truncated entry: ${rawName}`);
    const raw = zip.subarray(start, start + compSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
      } catch (e) {
        throw new ZipError(`cannot inflate ${rawName}: ${(e as Error).message}`);
      }
    } else
      throw new ZipError(`zip entry ${rawName} uses compression method ${method} (stored or deflate only)`);
    if (data.length !== size || crc32(data) !== crc)
      throw new ZipError(`zip entry ${rawName} fails its CRC-32 check`);
    entries.push({ name, data });
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const min = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= min; i--) if (zip.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('not a zip archive (no end of central directory)');
}
