import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, type ReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Object bytes, one file each. A blob is written under tmp/, then renamed into place: a reader
 * never sees a partial file, and a crash leaves at most an unreferenced file in tmp/.
 */
export class BlobStore {
  private readonly tmp: string;

  constructor(
    readonly root: string,
    private readonly fsync = false,
  ) {
    this.tmp = join(root, 'tmp');
    mkdirSync(this.tmp, { recursive: true });
    for (let i = 0; i < 256; i++) mkdirSync(join(root, i.toString(16).padStart(2, '0')), { recursive: true });
  }

  /**
   * Write chunks to a new blob; `onChunk` sees every chunk first (hashing). Resolves with the blob's
   * relative path and size; on any error the temporary file is removed.
   */
  async write(
    source: AsyncIterable<Buffer>,
    onChunk?: (chunk: Buffer) => void,
  ): Promise<{ blob: string; size: number }> {
    const id = randomUUID();
    const blob = `${id.slice(0, 2)}/${id}`;
    const tmpPath = join(this.tmp, id);
    const fh = await open(tmpPath, 'w');
    let size = 0;
    try {
      for await (const chunk of source) {
        onChunk?.(chunk);
        size += chunk.length;
        let off = 0;
        while (off < chunk.length) off += (await fh.write(chunk, off)).bytesWritten;
      }
      if (this.fsync) await fh.sync();
    } catch (e) {
      await fh.close().catch(() => {});
      await rm(tmpPath, { force: true });
      throw e;
    }
    await fh.close();
    await rename(tmpPath, join(this.root, blob));
    return { blob, size };
  }

  /** Abandon a blob written by `write` that will not be committed. */
  async discard(blob: string): Promise<void> {
    await rm(join(this.root, blob), { force: true });
  }

  read(blob: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(join(this.root, blob), range ? { start: range.start, end: range.end } : {});
  }

  path(blob: string): string {
    return join(this.root, blob);
  }

  async remove(blob: string | null | undefined): Promise<void> {
    if (blob) await rm(join(this.root, blob), { force: true });
  }

  /** Remove what a crash left in tmp/. */
  async sweep(): Promise<void> {
    await rm(this.tmp, { recursive: true, force: true });
    mkdirSync(this.tmp, { recursive: true });
  }
}
