import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/**
 * A file written in order. An I/O error (disk full, a missing directory) rejects the next `write`
 * or `close`; it never escapes as an unhandled 'error' event, which would end the process.
 */
export class FileSink {
  private readonly out: WriteStream;
  private error: Error | undefined;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.out.on('error', (e) => {
      this.error ??= e;
    });
  }

  async write(text: string): Promise<void> {
    if (this.error) throw this.error;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (!this.error) this.out.end();
    await finished(this.out).catch(() => {});
    if (this.error) throw this.error;
  }

  destroy(): void {
    this.out.destroy();
  }
}
