import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestFileWriter, readManifestFile } from './manifest-file.js';

describe('ManifestFileWriter', () => {
  it('writes one line per task that readManifestFile reads back in order', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'engine-manifest-')), 'manifest.csv');
    const w = new ManifestFileWriter(path);
    await w.write([
      { bucket: 'b', key: 'a b,c\nd', versionId: 'v1' },
      { bucket: 'b', key: 'k' },
    ]);
    await w.close();
    expect(readFileSync(path, 'utf8')).toBe('b,a%20b%2Cc%0Ad,v1\nb,k,\n');
    const tasks = [];
    for await (const batch of readManifestFile(path)) tasks.push(...batch);
    expect(tasks.map((t) => [t.idx, t.row])).toEqual([
      [0, { bucket: 'b', key: 'a b,c\nd', versionId: 'v1' }],
      [1, { bucket: 'b', key: 'k' }],
    ]);
  });

  it('rejects on a full disk instead of ending the process with an unhandled error event', async () => {
    const w = new ManifestFileWriter('/dev/full');
    await w.write([{ bucket: 'b', key: 'k' }]);
    await expect(w.close()).rejects.toThrow(/ENOSPC/);
  });

  it('rejects when the file cannot be created', async () => {
    const w = new ManifestFileWriter('/dev/full/not-a-directory/manifest.csv');
    await new Promise((r) => setTimeout(r, 20));
    await expect(w.write([{ bucket: 'b', key: 'k' }])).rejects.toThrow(/ENOTDIR/);
    await expect(w.close()).rejects.toThrow(/ENOTDIR/);
  });
});
