import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalAws, type LocalAws } from '../src/index.js';
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
});
