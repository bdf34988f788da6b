import { describe, expect, it } from 'vitest';
import { csvManifestFields } from './manifest-object.js';

describe('csvManifestFields', () => {
  it('names the columns of the first row the engine reads, past a byte order mark and blank lines', () => {
    expect(csvManifestFields('\uFEFF\r\n\nb,k\nb,k2,v1\n', true)).toEqual(['Bucket', 'Key']);
    expect(csvManifestFields('b,"a%2Cb",v1\nb,k2\n', true)).toEqual(['Bucket', 'Key', 'VersionId']);
    expect(csvManifestFields('b,k,', true)).toEqual(['Bucket', 'Key', 'VersionId']);
  });

  it('names none when the first row is not one the engine reads, or is cut off', () => {
    expect(csvManifestFields('not a bucket!,k\n', true)).toBeUndefined();
    expect(csvManifestFields('b,k,v,extra\n', true)).toBeUndefined();
    expect(csvManifestFields('b,"k\nk"\n', true)).toBeUndefined();
    expect(csvManifestFields('b,some/long/ke', false)).toBeUndefined();
  });
});
