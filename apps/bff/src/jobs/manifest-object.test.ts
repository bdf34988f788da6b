import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { csvManifestFields, readManifestStart } from './manifest-object.js';

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

describe('readManifestStart', () => {
  /** An S3 client over one object whose bytes the test changes; it counts the GETs. */
  function objectClient(initial: string) {
    const state = { body: initial, etag: '"1"', gets: 0 };
    const send = async (command: { input: { IfMatch?: string } }) => {
      if (command instanceof HeadObjectCommand)
        return { ETag: state.etag, ContentLength: Buffer.byteLength(state.body) };
      state.gets++;
      if (command.input.IfMatch !== state.etag) throw new Error('PreconditionFailed');
      return {
        Body: { transformToString: async () => state.body },
        ContentRange: `bytes 0-${state.body.length - 1}/${state.body.length}`,
      };
    };
    return { s3: { send } as unknown as S3Client, state };
  }
  const loc = { bucket: 'b', key: 'manifest.csv' };

  it('reads the bytes once while the ETag stays, and again when the object changes', async () => {
    const { s3, state } = objectClient('b,k1\n');
    const first = await readManifestStart(s3, loc);
    const again = await readManifestStart(s3, loc);
    expect([first.text, again.text, state.gets]).toEqual(['b,k1\n', 'b,k1\n', 1]);
    expect(again.complete).toBe(true);
    Object.assign(state, { body: 'b,k2\n', etag: '"2"' });
    expect((await readManifestStart(s3, loc)).text).toBe('b,k2\n');
    expect(state.gets).toBe(2);
    // Another version of the same key is another manifest.
    await readManifestStart(s3, { ...loc, versionId: 'v1' });
    expect(state.gets).toBe(3);
  });
});
