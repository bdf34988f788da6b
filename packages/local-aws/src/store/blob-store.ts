import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

/** Bodies up to this size are kept inline in the metadata row (no file to open, write or read). */
export const INLINE_LIMIT = 16 * 1024;
const INLINE = 'b64:';
const WRITE_BATCH = 1024 * 1024;

/** writev until every byte is written (writev may write less than asked). */
async function writeAll(fh: FileHandle, buffers: Buffer[]): Promise<void> {
  let left = buffers;
  while (left.length > 0) {
    let { bytesWritten } = await fh.writev(left);
    const rest: Buffer[] = [];
    for (const b of left) {
      if (bytesWritten >= b.length) bytesWritten -= b.length;
      else {
        rest.push(b.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    left = rest;
  }
}

/**
 * Object bytes. A blob reference is either `b64:<base64>` (small bodies, stored inline in the
 * metadata row) or the path of a file that is complete before any row names it: a crash can leave
 * an unreferenced file behind, never a row whose bytes are partial.
 */
export class BlobStore {
  constructor(
    readonly root: string,
    private readonly fsync = false,
  ) {
    for (let i = 0; i < 256; i++) mkdirSync(join(root, i.toString(16).padStart(2, '0')), { recursive: true });
  }

  /**
   * Write chunks to a new blob; `onChunk` sees every chunk first (hashing). Resolves with the blob
   * reference and size; on any error a partly written file is removed.
   */
  async write(
    source: AsyncIterable<Buffer>,
    onChunk?: (chunk: Buffer) => void,
  ): Promise<{ blob: string; size: number }> {
    // Small bodies stay in memory and go inline; a body that grows past the limit goes to a file.
    const head: Buffer[] = [];
    let size = 0;
    const iterator = source[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        const bytes = head.length === 1 ? (head[0] as Buffer) : Buffer.concat(head, size);
        return { blob: INLINE + bytes.toString('base64'), size };
      }
      const chunk = next.value;
      onChunk?.(chunk);
      head.push(chunk);
      size += chunk.length;
      if (size > INLINE_LIMIT) break;
    }
    const id = randomUUID();
    const blob = `${id.slice(0, 2)}/${id}`;
    const path = join(this.root, blob);
    const fh = await open(path, 'w');
    try {
      // Socket chunks are small (~64 KiB): gather up to 1 MiB per write to cut syscalls.
      let pending: Buffer[] = head;
      let pendingSize = size;
      let writing: Promise<void> = Promise.resolve();
      for (;;) {
        const next = await iterator.next();
        if (!next.done) {
          const chunk = next.value;
          onChunk?.(chunk);
          size += chunk.length;
          pending.push(chunk);
          pendingSize += chunk.length;
        }
        if (pendingSize >= WRITE_BATCH || (next.done && pendingSize > 0)) {
          // One write in flight while the next batch is read from the socket: disk and network overlap.
          await writing;
          writing = writeAll(fh, pending);
          // Marked handled now; the failure is rethrown by the next `await writing`.
          writing.catch(() => {});
          pending = [];
          pendingSize = 0;
        }
        if (next.done) break;
      }
      await writing;
      if (this.fsync) await fh.sync();
    } catch (e) {
      await fh.close().catch(() => {});
      await rm(path, { force: true });
      throw e;
    }
    await fh.close();
    return { blob, size };
  }

  read(blob: string, range?: { start: number; end: number }): Readable {
    const body = this.open(blob, range);
    return body instanceof Readable ? body : Readable.from([body]);
  }

  /** The bytes of an inline blob as they are (a response sends them in one write), else a file stream. */
  open(blob: string, range?: { start: number; end: number }): Buffer | Readable {
    if (blob.startsWith(INLINE)) {
      const bytes = Buffer.from(blob.slice(INLINE.length), 'base64');
      return range ? bytes.subarray(range.start, range.end + 1) : bytes;
    }
    // 1 MiB reads: big GETs are bound by syscalls with the 64 KiB default.
    const opts = { highWaterMark: 1024 * 1024 };
    return createReadStream(
      join(this.root, blob),
      range ? { ...opts, start: range.start, end: range.end } : opts,
    );
  }

  async remove(blob: string | null | undefined): Promise<void> {
    if (blob && !blob.startsWith(INLINE)) await rm(join(this.root, blob), { force: true });
  }
}
