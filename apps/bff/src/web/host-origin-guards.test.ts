import type { Request, RequestHandler, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { HttpError } from '../errors/http-error.js';
import { allowedHostsOnly } from './allowed-hosts.js';
import { sameOriginOnly } from './same-origin.js';

// The Host (DNS rebinding) and Origin (CSRF) guards alone, each rule at its edge; request-guards.int.test.ts
// runs them inside the app.

interface FakeRequest {
  readonly method?: string;
  readonly originalUrl?: string;
  readonly protocol?: string;
  readonly headers: Record<string, string | undefined>;
}

/** 'next' when the guard lets the request through, else the error it passes on. */
function verdict(guard: RequestHandler, r: FakeRequest): 'next' | HttpError {
  const req = {
    method: r.method ?? 'GET',
    originalUrl: r.originalUrl ?? '/api/jobs',
    protocol: r.protocol ?? 'http',
    get: (name: string) => r.headers[name.toLowerCase()],
  } as unknown as Request;
  let out: 'next' | HttpError | undefined;
  guard(req, {} as Response, (err?: unknown) => {
    out = err === undefined ? 'next' : (err as HttpError);
  });
  if (out === undefined) throw new Error('the guard neither passed nor refused');
  return out;
}

describe('allowedHostsOnly', () => {
  const host = (value: string | undefined, originalUrl?: string, configured: string[] = []) =>
    verdict(allowedHostsOnly(configured), { originalUrl, headers: { host: value } });
  const refusedName = (e: 'next' | HttpError) =>
    e === 'next' ? e : /^Host (.*) is not served/.exec(e.message)?.[1];

  it('serves the loopback names on any port, in any case, with spaces around', () => {
    for (const name of ['localhost', 'LOCALHOST:8080', ' 127.0.0.1:3000 ', '[::1]', '[::1]:8080'])
      expect(host(name), name).toBe('next');
  });

  it('serves a configured name (compared without case), and only it', () => {
    expect(host('Console.Example:443', '/', ['console.example'])).toBe('next');
    expect(host('console.example', '/', ['CONSOLE.EXAMPLE'])).toBe('next');
    expect(refusedName(host('other.example', '/', ['console.example']))).toBe('other.example');
  });

  it('refuses a foreign name, a look-alike of localhost, a cut IPv6 name and a missing Host', () => {
    const refused = host('evil.example:8080') as HttpError;
    expect([refused.status, refused.code, refused.message]).toEqual([
      403,
      'HostNotAllowed',
      'Host evil.example is not served: open the console at localhost, or add the name to BATCHOPS_ALLOWED_HOSTS.',
    ]);
    expect(refusedName(host('localhost.evil.example'))).toBe('localhost.evil.example');
    expect(refusedName(host('[::1'))).toBe('(none)');
    expect(refusedName(host(undefined))).toBe('(none)');
    expect(refusedName(host(''))).toBe('(none)');
  });

  it('keeps the brackets of an IPv6 name: [::2] is not loopback', () => {
    expect(refusedName(host('[::2]:8080'))).toBe('[::2]');
  });

  it('checks the authority of an absolute-form target as well as Host', () => {
    expect(host('localhost', 'http://localhost:8080/api/jobs')).toBe('next');
    expect(refusedName(host('localhost', 'HTTP://evil.example/api/jobs'))).toBe('evil.example');
    expect(refusedName(host('localhost', 'web+x://evil.example?q'))).toBe('evil.example');
    expect(refusedName(host('evil.example', 'http://localhost/api'))).toBe('evil.example');
    // A path that merely holds a URL is not an absolute-form target.
    expect(host('localhost', '/api?next=http://evil.example/')).toBe('next');
  });
});

describe('sameOriginOnly', () => {
  const send = (method: string, headers: Record<string, string>, protocol = 'http') =>
    verdict(sameOriginOnly, { method, protocol, headers: { host: 'localhost:8080', ...headers } });
  const refusal = (e: 'next' | HttpError) => (e === 'next' ? e : [e.status, e.code, e.message]);

  it('refuses a cross-site or same-site fetch whatever its method, and lets same-origin and typed-in ones through', () => {
    for (const method of ['GET', 'POST']) {
      for (const site of ['cross-site', 'same-site'])
        expect(refusal(send(method, { 'sec-fetch-site': site }))).toEqual([
          403,
          'CrossSiteRequest',
          'Cross-site requests are refused.',
        ]);
      for (const site of ['same-origin', 'none'])
        expect(send(method, { 'sec-fetch-site': site })).toBe('next');
    }
  });

  it('lets reads through whatever their Origin, but a mutation only from its own origin', () => {
    const foreign = { origin: 'http://evil.example' };
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(send(method, foreign)).toBe('next');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(refusal(send(method, foreign))).toEqual([
        403,
        'CrossSiteRequest',
        'Cross-origin requests are refused.',
      ]);
  });

  it('compares origins as browsers send them: scheme, host and port', () => {
    expect(send('POST', { origin: 'http://localhost:8080' })).toBe('next');
    expect(send('POST', { origin: 'HTTP://LOCALHOST:8080' })).toBe('next');
    expect(send('POST', { origin: 'https://localhost:443', host: 'localhost' }, 'https')).toBe('next');
    expect(send('POST', { origin: 'http://localhost:8081' })).not.toBe('next');
    expect(send('POST', { origin: 'https://localhost:8080' })).not.toBe('next');
    expect(send('POST', { origin: 'null' })).not.toBe('next');
    expect(send('POST', { origin: 'not a url' })).not.toBe('next');
  });

  it('lets a mutation without Origin through (non-browser clients), but not one whose own origin is unknown', () => {
    expect(send('POST', {})).toBe('next');
    expect(send('POST', { origin: 'http://localhost:8080', host: 'bad host' })).not.toBe('next');
    expect(send('POST', { origin: 'not a url', host: 'bad host' })).not.toBe('next');
  });

  it('never matches opaque origins, even two alike (a scheme without an origin, e.g. from a proxy header)', () => {
    expect(send('POST', { origin: 'foo://localhost:8080' }, 'foo')).not.toBe('next');
  });
});
