import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('reads a large copy in batches of one read chunk (256 KiB), not all at once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'engine-manifest-')), 'manifest.csv');
    const rows = 60_000;
    const line = (i: number) => `b,k${String(i).padStart(7, '0')},\n`;
    writeFileSync(path, Array.from({ length: rows }, (_, i) => line(i)).join(''));
    const sizes: number[] = [];
    let next = 0;
    for await (const batch of readManifestFile(path)) {
      sizes.push(batch.length);
      if (batch[0]?.idx !== next || batch.at(-1)?.idx !== next + batch.length - 1)
        throw new Error('out of order');
      next += batch.length;
    }
    expect(next).toBe(rows);
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(Math.ceil((256 * 1024) / line(0).length) + 1);
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
