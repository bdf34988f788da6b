import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { serveSpa } from './serve-spa.js';

const JS = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
const INDEX = '<!doctype html><title>batchops</title><div id="root">loading</div>';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http rather than fetch: fetch would decode the body and hide Content-Encoding's effect. */
function get(port: number, path: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      { port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', fail);
    req.end();
  });
}

describe('serveSpa', () => {
  let dir: string;
  const servers: import('node:http').Server[] = [];
  const ports: Record<'plain' | 'maps', number> = { plain: 0, maps: 0 };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-spa-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(INDEX));
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    const js = join(dir, 'assets', 'index-Ab12Cd34.js');
    writeFileSync(js, JS);
    writeFileSync(`${js}.br`, brotliCompressSync(JS));
    writeFileSync(`${js}.gz`, gzipSync(JS));
    writeFileSync(`${js}.map`, '{"version":3}');
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/index-Ab12Cd34.js"}}');
    for (const [name, sourceMaps] of [
      ['plain', false],
      ['maps', true],
    ] as const) {
      const app = express().use(serveSpa(dir, { sourceMaps }));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((ok) => server.once('listening', ok));
      servers.push(server);
      ports[name] = (server.address() as AddressInfo).port;
    }
  });
  afterAll(() => {
    for (const s of servers) s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the brotli file to a client that accepts br, as the JavaScript it stands for', async () => {
    const a = await get(ports.plain, '/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(a.status).toBe(200);
    expect(a.headers['content-encoding']).toBe('br');
    expect(a.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(a.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(a.headers['content-length'])).toBeLessThan(JS.length / 10);
    expect(brotliDecompressSync(a.body).toString()).toBe(JS);
  });

  it('serves gzip to a gzip-only client and the plain file to one that accepts neither', async () => {
    const gz = await get(ports.plain, '/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(JS);
    const plain = await get(ports.plain, '/assets/index-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(JS);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('marks hashed assets immutable for a year, in every encoding', async () => {
    for (const enc of ['br', 'gzip', 'identity']) {
      const a = await get(ports.plain, '/assets/index-Ab12Cd34.js', enc);
      expect(a.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates unhashed files and index.html, which comes precompressed too', async () => {
    expect((await get(ports.plain, '/favicon.svg')).headers['cache-control']).toBe('no-cache');
    const route = await get(ports.plain, '/jobs/123', 'br');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.headers['content-type']).toMatch(/^text\/html/);
    expect(brotliDecompressSync(route.body).toString()).toBe(INDEX);
    expect((await get(ports.plain, '/jobs/123')).body.toString()).toBe(INDEX);
  });

  it('answers 404 for source maps unless the flag asks for them', async () => {
    const hidden = await get(ports.plain, '/assets/index-Ab12Cd34.js.map');
    expect(hidden.status).toBe(404);
    expect(hidden.body.toString()).not.toContain('version');
    const shown = await get(ports.maps, '/assets/index-Ab12Cd34.js.map');
    expect(shown.status).toBe(200);
    expect(shown.body.toString()).toBe('{"version":3}');
  });

  it("answers 404 for the build's own manifest, however the path is spelled", async () => {
    for (const path of ['/.vite/manifest.json', '/%2evite/manifest.json', '/assets/../.vite/manifest.json']) {
      const a = await get(ports.maps, path, 'br');
      expect(a.status, path).toBe(404);
      expect(a.body.toString()).not.toContain('index.html');
    }
  });

  it('never serves a file outside the build directory', async () => {
    const a = await get(ports.plain, '/assets/..%2f..%2fetc%2fpasswd', 'br');
    expect(a.body.toString()).not.toContain('root:');
  });

  it('takes the flag from BATCHOPS_SERVE_SOURCE_MAPS, off by default', () => {
    expect(loadConfig({}).serveSourceMaps).toBe(false);
    expect(loadConfig({ BATCHOPS_SERVE_SOURCE_MAPS: 'true' }).serveSourceMaps).toBe(true);
    expect(() => loadConfig({ BATCHOPS_SERVE_SOURCE_MAPS: 'yes' })).toThrow(/BATCHOPS_SERVE_SOURCE_MAPS/);
  });
});
