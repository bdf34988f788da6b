import { gzipSync } from 'node:zlib';
import { ApiError, JobWizardModel, ListJobsResponse } from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';
import { rawRequest } from './support/raw-request.js';

// DNS rebinding and CSRF: only loopback and configured Host names; JSON-only mutations; same origin.
let c: ConsoleFixture;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  c = await startConsoleFixture(true, { BATCHOPS_ALLOWED_HOSTS: 'console.example.test' });
}, 60_000);
afterAll(async () => {
  await c.close();
});

const send = (method: string, path: string, headers: Record<string, string>, body?: string | Buffer) =>
  rawRequest(c.app.port, method, path, headers, body);

describe('Host check', () => {
  it('refuses a foreign Host on the API (JSON) and on the SPA (plain text), and creates no job', async () => {
    const model = JobWizardModel.parse({
      manifest: { format: 'csv', bucket: 'batchops-demo-source', key: 'manifests/demo-manifest.csv' },
      operation: { type: 'tagging', tags: [{ key: 'k', value: 'v' }] },
      report: { enabled: false },
      priority: 10,
      roleArn: 'arn:aws:iam::000000000000:role/batchops-test',
      clientRequestToken: 'rebinding-1',
    });
    const host = { host: `rebind.attacker.example:${c.app.port}` };
    const create = await send('POST', '/api/jobs', { ...host, ...json }, JSON.stringify(model));
    expect(create.status).toBe(403);
    expect(ApiError.parse(JSON.parse(create.text)).code).toBe('HostNotAllowed');
    const read = await send('GET', '/api/jobs', host);
    expect(read.status).toBe(403);
    const page = await send('GET', '/', host);
    expect(page.status).toBe(403);
    expect(page.contentType).toMatch(/^text\/plain/);
    expect(page.text).not.toContain('<div id="root">');
    // Nothing was created behind the refusal.
    const list = ListJobsResponse.parse((await c.json('GET', '/api/jobs')).body);
    expect(list.total).toBe(0);
  });

  it('accepts localhost, 127.0.0.1, [::1] on any port and the configured names', async () => {
    const expected: Array<[string, number]> = [
      ...['localhost', 'localhost:1234', '127.0.0.1:8080', '[::1]:9', 'Console.Example.Test:443'].map(
        (host): [string, number] => [host, 200],
      ),
      ...['localhost.attacker.example', '127.0.0.1.nip.io', '10.0.0.1', 'console.example.test.evil'].map(
        (host): [string, number] => [host, 403],
      ),
    ];
    for (const [host, status] of expected) {
      const res = await send('GET', '/api/health', { host });
      expect(res.status, host).toBe(status);
    }
  });

  it('refuses an absolute-form target naming a foreign host, whatever the Host header says', async () => {
    // RFC 9112 §3.2.2: with an absolute-form target the server takes the authority from the target.
    const host = { host: `127.0.0.1:${c.app.port}` };
    const foreign = await send('GET', `http://rebind.attacker.example:${c.app.port}/api/health`, host);
    expect(foreign.status).toBe(403);
    expect(ApiError.parse(JSON.parse(foreign.text)).code).toBe('HostNotAllowed');
    const own = await send('GET', `http://localhost:${c.app.port}/api/health`, host);
    expect(own.status).toBe(200);
  });
});

describe('cross-site reads', () => {
  it('refuses a cross-site GET, so a page cannot hold the live-stream slots of the console', async () => {
    const host = { host: `127.0.0.1:${c.app.port}` };
    // What fetch(url, { mode: 'no-cors' }) from another site sends: the stream would stay open,
    // opaque to the page, and take one of the client's 8 slots.
    for (const site of ['cross-site', 'same-site']) {
      for (const path of ['/api/jobs/events', '/api/jobs/some-job-id/events', '/api/jobs']) {
        const res = await send('GET', path, { ...host, 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors' });
        expect(res.status, `${site} ${path}`).toBe(403);
        expect(ApiError.parse(JSON.parse(res.text)).code).toBe('CrossSiteRequest');
      }
    }
    // The console's own reads, typed URLs and non-browser clients still pass.
    for (const site of ['same-origin', 'none', undefined]) {
      const res = await send('GET', '/api/health', { ...host, ...(site ? { 'sec-fetch-site': site } : {}) });
      expect(res.status, String(site)).toBe(200);
    }
    // A link from another site to a console page still opens it.
    const page = await send('GET', '/jobs', {
      ...host,
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
    });
    expect(page.status).toBe(200);
  });
});

describe('framing', () => {
  it('forbids other pages to frame the console or its API (clickjacking)', async () => {
    // A framed console sends its own same-origin requests: only the frame ban stops a page that
    // overlays it from getting the user's clicks on Run or Cancel.
    const host = { host: `127.0.0.1:${c.app.port}` };
    for (const path of ['/', '/jobs/some-job', '/api/health']) {
      const res = await send('GET', path, host);
      expect(res.status, path).toBe(200);
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
  });
});

describe('mutations', () => {
  it('need Content-Type application/json, with or without a body', async () => {
    const host = { host: `127.0.0.1:${c.app.port}` };
    const types: Record<string, string>[] = [
      {},
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
    ];
    for (const headers of types) {
      const res = await send('POST', '/api/jobs/no-such-job/cancel', { ...host, ...headers }, '{}');
      expect(res.status, JSON.stringify(headers)).toBe(415);
      expect(ApiError.parse(JSON.parse(res.text)).code).toBe('UnsupportedMediaType');
    }
    const bodyless = await send('POST', '/api/jobs/no-such-job/run', host);
    expect(bodyless.status).toBe(415);
    // With the JSON type the request reaches S3 Control (which knows no job x).
    const ok = await send(
      'POST',
      '/api/jobs/no-such-job/cancel',
      { ...host, 'content-type': 'application/json; charset=utf-8' },
      '{}',
    );
    expect(ApiError.parse(JSON.parse(ok.text)).code).toBe('NotFoundException');
  });

  it('need an Origin equal to the request origin when one is sent', async () => {
    const host = `127.0.0.1:${c.app.port}`;
    for (const origin of [
      `https://${host}`,
      `http://localhost:${c.app.port}`,
      'null',
      `http://${host}.evil`,
    ]) {
      const res = await send('POST', '/api/jobs/no-such-job/run', { host, origin, ...json });
      expect(res.status, origin).toBe(403);
      expect(ApiError.parse(JSON.parse(res.text)).code).toBe('CrossSiteRequest');
    }
    const same = await send('POST', '/api/jobs/no-such-job/run', { host, origin: `http://${host}`, ...json });
    expect(ApiError.parse(JSON.parse(same.text)).code).toBe('NotFoundException');
  });
});

describe('bodies', () => {
  it('answer bad JSON with 400 and a message, and an oversized body with 413', async () => {
    const bad = await c.api('/api/jobs/preflight', { method: 'POST', headers: json, body: '{"manifest": ' });
    expect(bad.status).toBe(400);
    const badBody = ApiError.parse(await bad.json());
    expect(badBody.code).toBe('MalformedJson');
    expect(badBody.message).toMatch(/not valid JSON/);
    const big = await c.api('/api/jobs/preflight', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    const bigBody = ApiError.parse(await big.json());
    expect(bigBody.code).toBe('PayloadTooLarge');
    expect(bigBody.message).toMatch(/1 MB/);
  });

  it('answer a compressed body that does not inflate with 400, and a good one as JSON', async () => {
    const host = { host: `127.0.0.1:${c.app.port}`, ...json };
    const bad = await send(
      'POST',
      '/api/jobs/preflight',
      { ...host, 'content-encoding': 'gzip' },
      'not gzip at all',
    );
    expect(bad.status).toBe(400);
    expect(ApiError.parse(JSON.parse(bad.text)).code).toBe('MalformedJson');
    const good = await send(
      'POST',
      '/api/jobs/preflight',
      { ...host, 'content-encoding': 'gzip' },
      gzipSync('{}'),
    );
    expect(good.status).toBe(400);
    expect(ApiError.parse(JSON.parse(good.text)).code).toBe('ValidationError');
  });
});
