import { describe, expect, it } from 'vitest';
import { zipOf } from '../../test/support/zip-writer.js';
import { readZip, safeEntryName, ZipError } from './zip-reader.js';

describe('readZip', () => {
  it('reads stored and deflated entries, skipping directories', () => {
    const big = 'x'.repeat(10_000);
    const entries = readZip(
      zipOf([
        { name: 'dir/', data: '' },
        { name: 'index.js', data: 'exports.handler = 1;' },
        { name: 'lib/big.txt', data: big, deflate: true },
        { name: 'ü.txt', data: Buffer.from([0, 1, 2]) },
      ]),
    );
    expect(entries.map((e) => e.name)).toEqual(['index.js', 'lib/big.txt', 'ü.txt']);
    expect(entries[1]?.data.toString()).toBe(big);
    expect(entries[2]?.data).toEqual(Buffer.from([0, 1, 2]));
  });

  it('refuses entries that would land outside the code directory, and symlinks', () => {
    for (const name of ['../x.js', 'a/../../x.js', '/abs.js', 'C:/win.js', '..\\x.js']) {
      expect(() => readZip(zipOf([{ name, data: 'x' }]))).toThrow(ZipError);
    }
    expect(() => readZip(zipOf([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }]))).toThrow(
      /symbolic link/,
    );
    expect(safeEntryName('./a//b/./c.js')).toBe('a/b/c.js');
  });

  it('refuses corrupt archives: not a zip, a bad CRC, a truncated entry, an oversized tree', () => {
    expect(() => readZip(Buffer.from('hello'))).toThrow(/not a zip/);
    const zip = zipOf([{ name: 'a.txt', data: 'hello' }]);
    const flipped = Buffer.from(zip);
    flipped[30 + 'a.txt'.length] = 'j'.charCodeAt(0);
    expect(() => readZip(flipped)).toThrow(/CRC-32/);
    expect(() => readZip(zipOf([{ name: 'a.txt', data: 'x'.repeat(100), deflate: true }]), 50)).toThrow(
      /Unzipped size/,
    );
    // A deflated entry that inflates to more than its central header says is stopped at that size.
    const bomb = zipOf([{ name: 'b.txt', data: 'y'.repeat(100_000), deflate: true }]);
    const central = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(10, central + 24);
    expect(() => readZip(bomb)).toThrow(ZipError);
  });
});
