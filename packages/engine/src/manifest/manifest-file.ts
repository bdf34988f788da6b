import { createReadStream } from 'node:fs';
import { formatManifestRow, type ManifestRow } from '@batchops/batch-formats';
import { FileSink } from '../file-sink.js';

// A job's own copy of its manifest, written while the job prepares: one line per task, in task
// order, `bucket,url-encoded key,version`. Task N is line N; the source object may change later.

export class ManifestFileWriter {
  private readonly out: FileSink;
  count = 0;

  constructor(path: string) {
    this.out = new FileSink(path);
  }

  async write(rows: readonly ManifestRow[]): Promise<void> {
    let text = '';
    // The reader allows no comma or line break in a bucket name or version ID: one line per task.
    for (const r of rows) text += formatManifestRow({ ...r, versionId: r.versionId ?? '' });
    this.count += rows.length;
    await this.out.write(text);
  }

  close(): Promise<void> {
    return this.out.close();
  }

  destroy(): void {
    this.out.destroy();
  }
}

/** Tasks of a manifest copy in order, with their index, in batches. */
export async function* readManifestFile(
  path: string,
): AsyncGenerator<Array<{ idx: number; row: ManifestRow; encodedKey: string }>> {
  let idx = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    const text = rest + (chunk as string);
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    const batch: Array<{ idx: number; row: ManifestRow; encodedKey: string }> = [];
    for (const line of lines) {
      const a = line.indexOf(',');
      const b = line.indexOf(',', a + 1);
      const encodedKey = line.slice(a + 1, b);
      const versionId = line.slice(b + 1);
      const row: ManifestRow = { bucket: line.slice(0, a), key: decodeURIComponent(encodedKey) };
      if (versionId) row.versionId = versionId;
      batch.push({ idx: idx++, row, encodedKey });
    }
    if (batch.length) yield batch;
  }
}
