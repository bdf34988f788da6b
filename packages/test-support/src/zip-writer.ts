import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a test zip: text or bytes, stored (default) or deflated; `mode` sets Unix permission bits. */
export interface ZipInput {
  readonly name: string;
  readonly data: string | Buffer;
  readonly deflate?: boolean;
  /** Unix mode in the high bits of the external attributes (e.g. 0o120777 for a symlink). */
  readonly mode?: number;
  /** An uncompressed size to declare instead of the real one (a zip bomb's lie). */
  readonly declaredSize?: number;
}

/** A minimal zip writer for tests (what `zip` writes for small files: no ZIP64, no data descriptors). */
export function zipOf(files: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data);
    const body = f.deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(f.name);
    const crc = crc32(data);
    // The fields from "version needed" to "extra length" are the same in both headers.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(0x800, 2);
    common.writeUInt16LE(f.deflate ? 8 : 0, 4);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(f.declaredSize ?? data.length, 18);
    common.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common.copy(local, 4);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    common.copy(central, 6);
    central.writeUInt32LE(((f.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
