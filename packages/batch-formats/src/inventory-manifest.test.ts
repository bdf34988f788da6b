import { describe, expect, it } from 'vitest';
import { formatInventoryManifest, parseInventoryManifest } from './inventory-manifest.js';
import { ManifestError } from './manifest-error.js';

const file = { key: 'inv/src/cfg/data/a.csv.gz', size: 20, MD5checksum: '0123456789abcdef0123456789abcdef' };

describe('inventory manifest.json', () => {
  it('reads back what the writer wrote, with the documented members', () => {
    const json = formatInventoryManifest({
      sourceBucket: 'src',
      destinationBucket: 'dest',
      creationTime: new Date(1_700_000_000_000),
      fileSchema: ['Bucket', 'Key', 'VersionId'],
      files: [file],
    });
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({
      destinationBucket: 'arn:aws:s3:::dest',
      version: '2016-11-30',
      creationTimestamp: '1700000000000',
      fileFormat: 'CSV',
      fileSchema: 'Bucket, Key, VersionId',
    });
    expect(parseInventoryManifest(json)).toEqual({
      sourceBucket: 'src',
      fileSchema: ['Bucket', 'Key', 'VersionId'],
      files: [file],
    });
  });

  it('fails a non-CSV inventory as InventoryFormatUnsupported and a bad MD5 as ManifestParseError', () => {
    const doc = { sourceBucket: 'src', fileSchema: 'Bucket, Key', files: [file] };
    const failure = (d: object) => {
      try {
        parseInventoryManifest(JSON.stringify(d));
      } catch (e) {
        return e instanceof ManifestError ? `${e.code}: ${e.message}` : String(e);
      }
      return 'parsed';
    };
    expect(failure({ ...doc, fileFormat: 'ORC' })).toMatch(/^InventoryFormatUnsupported: /);
    expect(failure({ ...doc, fileFormat: 'CSV', files: [{ ...file, MD5checksum: 'x' }] })).toBe(
      'ManifestParseError: manifest.json: files[0].MD5checksum must be an MD5 in hex',
    );
    expect(failure({ ...doc, fileFormat: 'CSV' })).toBe('parsed');
  });
});
