import { ApiError } from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';
import { rawRequest } from './support/raw-request.js';

// Issue 17 §4: bad %-encoding in paths, upload content types, security headers, streams per session.
let c: ConsoleFixture;
const PER_SESSION = 2;

beforeAll(async () => {
  c = await startConsoleFixture(false, {}, { sseLimits: { perClient: PER_SESSION, pollers: 8 } });
}, 60_000);
afterAll(async () => {
  await c.close();
});

const host = () => ({ host: `127.0.0.1:${c.app.port}` });
const json = { 'content-type': 'application/json' };

/** Every route with a path parameter (method, path with `:name` placeholders). */
const PARAM_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/api/jobs/:id'],
  ['POST', '/api/jobs/:id/run'],
  ['POST', '/api/jobs/:id/cancel'],
  ['PUT', '/api/jobs/:id/priority'],
  ['PUT', '/api/jobs/:id/tags'],
  ['GET', '/api/jobs/:id/clone'],
  ['GET', '/api/jobs/:id/cli-command'],
  ['GET', '/api/jobs/:id/report'],
  ['POST', '/api/jobs/:id/retry-failed'],
  ['GET', '/api/jobs/:id/progress'],
  ['GET', '/api/jobs/:id/events'],
  ['GET', '/api/buckets/:bucket/objects'],
  ['GET', '/api/buckets/:bucket/browse'],
  ['GET', '/api/buckets/:bucket/object'],
  ['GET', '/api/buckets/:bucket/object/download'],
  ['POST', '/api/buckets/:bucket/replication-statuses'],
  ['POST', '/api/buckets/:bucket/upload'],
  ['GET', '/api/buckets/:bucket/versioning'],
  ['PUT', '/api/buckets/:bucket/versioning'],
  ['GET', '/api/buckets/:bucket/replication'],
  ['POST', '/api/buckets/:bucket/replication/rules'],
  ['PUT', '/api/buckets/:bucket/replication/rules/:ruleId'],
  ['DELETE', '/api/buckets/:bucket/replication/rules/:ruleId'],
  ['GET', '/api/roles/:name'],
];
/** Percent-encodings that do not decode: not hex, truncated, overlong / invalid UTF-8, a lone surrogate. */
const BAD = ['%', '%ZZ', '%E0', '%E0%A4', '%C3%28', '%C0%AF', '%ED%A0%80', 'ok%FF', '%%41', 'a%2'];

describe('path parameters with invalid %-encoding', () => {
  it('answer 400 MalformedPath on every route, in every parameter, never a 5xx', async () => {
    let sent = 0;
    for (const [method, template] of PARAM_ROUTES) {
      const params = template.match(/:[a-zA-Z]+/g) ?? [];
      for (const param of params)
        for (const bad of BAD) {
          const path = params.reduce((p, name) => p.replace(name, name === param ? bad : 'good-1'), template);
          const res = await rawRequest(
            c.app.port,
            method,
            path,
            { ...host(), ...json },
            method === 'GET' ? undefined : '{}',
          );
          expect(res.status, `${method} ${path}`).toBe(400);
          expect(ApiError.parse(JSON.parse(res.text)).code, `${method} ${path}`).toBe('MalformedPath');
          sent++;
        }
    }
    expect(sent).toBeGreaterThan(240);
    // The SPA's own paths too (plain text there), and well-formed encodings still route.
    const page = await rawRequest(c.app.port, 'GET', '/jobs/%E0', host());
    expect([page.status, page.contentType]).toEqual([400, expect.stringMatching(/^text\/plain/)]);
    const fine = await rawRequest(c.app.port, 'GET', '/api/jobs/%C3%BC%20x', host());
    expect(fine.status).toBeLessThan(500);
    expect(ApiError.parse(JSON.parse(fine.text)).code).not.toBe('MalformedPath');
  });
});

describe('upload content type', () => {
  it('refuses a contentType that is not a valid header value with a field error; a valid one uploads', async () => {
    expect((await c.json('POST', '/api/buckets', { name: 'hardening-up', versioning: false })).status).toBe(
      201,
    );
    const upload = (contentType: string) =>
      c.json('POST', '/api/buckets/hardening-up/upload', {
        key: 'f.txt',
        contentType,
        contentBase64: Buffer.from('hi').toString('base64'),
      });
    for (const bad of [
      'text/plain\r\nX-Injected: 1',
      'text/plain\n',
      'a\u0000b',
      'text/€',
      ' text/plain',
      '',
    ]) {
      const res = await upload(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      const body = ApiError.parse(res.body);
      expect(body.code).toBe('ValidationError');
      expect(body.fieldErrors.map((f) => f.field)).toEqual(['contentType']);
      expect(body.fieldErrors[0]?.message).toContain('HTTP header value');
    }
    const ok = await upload('text/plain; charset=utf-8');
    expect(ok.status).toBe(201);
  });
});

describe('security headers', () => {
  it('nosniff and a CSP on every answer: SPA, API, errors and refusals', async () => {
    const answers = [
      await rawRequest(c.app.port, 'GET', '/', host()),
      await rawRequest(c.app.port, 'GET', '/jobs/some-job', host()),
      await rawRequest(c.app.port, 'GET', '/api/health', host()),
      await rawRequest(c.app.port, 'GET', '/api/nope', host()),
      await rawRequest(c.app.port, 'GET', '/api/jobs/%E0', host()),
      await rawRequest(c.app.port, 'POST', '/api/jobs', { ...host(), 'content-type': 'text/plain' }, 'x'),
      await rawRequest(c.app.port, 'GET', '/api/health', { host: 'attacker.example' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 400, 415, 403]);
    for (const a of answers) {
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      const csp = String(a.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
      ])
        expect(csp).toContain(directive);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
  });
});

describe('live streams per browser session', () => {
  const sessionCookieOf = (setCookie: string | string[] | undefined) => {
    const line = [setCookie ?? []].flat().find((l) => l.startsWith('batchops_session='));
    return { line, cookie: line?.split(';')[0] };
  };

  it('sets an HttpOnly, SameSite=Strict session cookie once', async () => {
    const first = await rawRequest(c.app.port, 'GET', '/', host());
    const { line, cookie } = sessionCookieOf(first.headers['set-cookie']);
    expect(line).toMatch(/^batchops_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const again = await rawRequest(c.app.port, 'GET', '/api/health', { ...host(), cookie: cookie as string });
    expect(sessionCookieOf(again.headers['set-cookie']).line).toBeUndefined();
  });

  it('counts streams per session: a session that used its share does not take another session’s', async () => {
    const newSession = async () =>
      sessionCookieOf((await rawRequest(c.app.port, 'GET', '/', host())).headers['set-cookie'])
        .cookie as string;
    const [one, two] = [await newSession(), await newSession()];
    const aborts: AbortController[] = [];
    const open = async (cookie?: string) => {
      const abort = new AbortController();
      aborts.push(abort);
      const res = await c.api('/api/jobs/events', {
        signal: abort.signal,
        headers: cookie ? { cookie } : {},
      });
      if (res.status !== 200) await res.body?.cancel();
      return res.status;
    };
    try {
      // Both sessions come from 127.0.0.1: each still gets its own share.
      for (let i = 0; i < PER_SESSION; i++) expect(await open(one)).toBe(200);
      expect(await open(one)).toBe(429);
      for (let i = 0; i < PER_SESSION; i++) expect(await open(two)).toBe(200);
      expect(await open(two)).toBe(429);
      // A client without a session (curl, scripts) shares its address's share, apart from the sessions.
      for (let i = 0; i < PER_SESSION; i++) expect(await open()).toBe(200);
      expect(await open()).toBe(429);
    } finally {
      for (const a of aborts) a.abort();
    }
  });
});
