import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalAws, type LocalAws } from '../src/index.js';
import { S3MetaStore } from '../src/store/s3-meta-store.js';
import { sign } from './support/signed-http.js';

// The request handler answers without a socket: no port, no listen.
let local: LocalAws;
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-aws-handler-'));
  local = createLocalAws({ dataDir });
});
afterAll(async () => {
  await local.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A signed request as the handler takes it. */
function request(method: string, path: string, body = '', query: Record<string, string> = {}) {
  const signed = sign('http://localhost:4566', { method, path, body, query });
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, [v]]));
  if (body !== '') headers['content-length'] = [String(Buffer.byteLength(body))];
  return { method, url: signed.path, headers, body: Readable.from(body === '' ? [] : [Buffer.from(body)]) };
}

const text = async (body: unknown) =>
  typeof body === 'string' || Buffer.isBuffer(body)
    ? body.toString()
    : Buffer.concat(await (body as Readable).toArray()).toString();

describe('createLocalAws().handle', () => {
  it('creates a bucket, stores and reads an object, and lists it', async () => {
    expect((await local.handle(request('PUT', '/direct'))).status).toBe(200);
    expect((await local.handle(request('PUT', '/direct/hello.txt', 'hi there'))).status).toBe(200);
    const got = await local.handle(request('GET', '/direct/hello.txt'));
    expect(got.status).toBe(200);
    expect(got.headers?.['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(await text(got.body)).toBe('hi there');
    const list = await local.handle(request('GET', '/direct', '', { 'list-type': '2' }));
    expect(await text(list.body)).toContain('<Key>hello.txt</Key>');
  });

  it('answers errors as results in the protocol shape, never as a rejection', async () => {
    const unsigned = {
      method: 'GET',
      url: '/v20180820/jobs',
      headers: { host: ['localhost'] },
      body: Readable.from([]),
    };
    const r = await local.handle(unsigned);
    expect(r.status).toBe(403);
    expect(await text(r.body)).toContain('<ErrorResponse');
    const missing = await local.handle(request('GET', '/direct/nope'));
    expect(missing.status).toBe(404);
    expect(await text(missing.body)).toContain('<Code>NoSuchKey</Code>');
  });

  it('reads the object row once per GET and HEAD: the ACL check hands it to the handler', async () => {
    /** The real store, counting the object-row reads. */
    class CountingRows extends S3MetaStore {
      reads = 0;
      override getObject(...args: Parameters<S3MetaStore['getObject']>) {
        this.reads++;
        return super.getObject(...args);
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'local-aws-rows-'));
    const meta = new CountingRows(join(dir, 's3.sqlite'));
    const counted = createLocalAws({ dataDir: dir, stores: { meta } });
    try {
      expect((await counted.handle(request('PUT', '/rows'))).status).toBe(200);
      expect((await counted.handle(request('PUT', '/rows/k', 'body'))).status).toBe(200);
      for (const method of ['GET', 'HEAD']) {
        meta.reads = 0;
        const r = await counted.handle(request(method, '/rows/k'));
        expect(r.status).toBe(200);
        expect(meta.reads).toBe(1);
      }
      meta.reads = 0;
      expect((await counted.handle(request('GET', '/rows/missing'))).status).toBe(404);
      expect(meta.reads).toBe(1);
    } finally {
      await counted.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
