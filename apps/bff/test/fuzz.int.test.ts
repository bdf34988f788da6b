import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '@batchops/contracts';
import { runFuzz, seededRandom } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type RunningConsole, startConsole } from '../src/server.js';

// A bounded, seeded fuzz run over the BFF (and, through it, local-aws) on loopback: odd paths,
// methods, query values, Hosts, Origins, content types, bad and deep JSON, oversized bodies.
// Every /api answer must be a 2xx/3xx or a 4xx with the ApiError shape, and the process stays up.
const SEED = Number(process.env.BATCHOPS_FUZZ_SEED ?? 20261202);
const REQUESTS = Number(process.env.BATCHOPS_FUZZ_BFF_REQUESTS ?? 3000);
const CONCURRENCY = 8;

interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

function generator(rand: () => number, port: number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number) => rand() < p;
  const int = (n: number) => Math.floor(rand() * n);
  const ids = ['nope', '00000000-0000-0000-0000-000000000000', '%25', 'x'.repeat(300), '..', '%00', 'ü'];
  const buckets = ['batchops-demo-source', 'batchops-demo-reports', 'nope-missing', 'Bad_Name', '%2e%2e'];
  const paths = [
    () => '/api/jobs',
    () => `/api/jobs/${pick(ids)}`,
    () =>
      `/api/jobs/${pick(ids)}/${pick(['run', 'cancel', 'priority', 'tags', 'clone', 'cli-command', 'report', 'retry-failed', 'nothing'])}`,
    () => '/api/jobs/preflight',
    () => '/api/jobs/cli-command',
    () => '/api/buckets',
    () => `/api/buckets/${pick(buckets)}/objects`,
    () => `/api/buckets/${pick(buckets)}/object`,
    () => pick(['/api/connection', '/api/health', '/api/nope', '/api/', '/api/jobs/events']),
    () =>
      pick([
        '/',
        '/jobs',
        '/jobs/create',
        '/../../etc/passwd',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/assets/nope.js',
      ]),
  ];
  const queries = [
    'region=us-east-1',
    'region=eu-%E2%82%AC-1',
    `region=${'x'.repeat(200)}`,
    'region=mars-north-1',
    'region[]=a&region[]=b',
    'region[a]=b',
    'prefix=%00',
    'prefix=images/',
    'key=manifests/demo-manifest.csv',
    'key=',
    'page=-1',
    'page=abc',
    'pageSize=100000',
    'filter=%7B%7D',
    'status=Bogus',
    'sort=nope',
    'description=%ZZ',
    `tagKey=${'k'.repeat(500)}`,
    'continuationToken=garbage',
  ];
  const contentTypes = [
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
  ];
  const wizard = () => ({
    region: pick(['us-east-1', 'eu-€-1', '', 'x'.repeat(100)]),
    manifest: {
      kind: pick(['csv', 'inventory', 'generated', 'nope']),
      objectUri: pick([
        's3://batchops-demo-source/manifests/demo-manifest.csv',
        's3://',
        'nope',
        's3://nope-missing/x.csv',
      ]),
      etag: pick(['', 'nope', undefined]),
      fields: pick([['Bucket', 'Key'], ['Key'], 'x']),
    },
    operation: pick([
      { kind: 'S3PutObjectTagging', tags: [{ key: 'a', value: 'b' }] },
      {
        kind: 'S3PutObjectTagging',
        tags: Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: 'v' })),
      },
      { kind: 'S3PutObjectCopy', targetBucket: 'nope' },
      { kind: 'LambdaInvoke' },
      { kind: 'x' },
      null,
    ]),
    description: pick(['fuzz', 'bell\u0007', 'd'.repeat(300), '']),
    priority: pick([10, -1, 2 ** 31, 'x', 1.5]),
    roleArn: pick(['arn:aws:iam::000000000000:role/batchops-test', 'nope', '']),
    report: pick([{ enabled: false }, { enabled: true, bucket: 'nope' }, 'x']),
    tags: pick([[], [{ key: '', value: '' }], 'x']),
    runOption: pick(['wait', 'auto', 'nope']),
    clientRequestToken: pick(['t', '', 'x'.repeat(100)]),
  });
  const bodies = [
    () => '',
    () => '{',
    () => 'null',
    () => '[]',
    () => '"x"',
    () => JSON.stringify(wizard()),
    () => JSON.stringify({ priority: pick([1, -1, 'x', 2 ** 40]) }),
    () =>
      JSON.stringify({
        tags: pick([
          [{ key: 'a', value: 'b' }],
          'x',
          Array.from({ length: 60 }, () => ({ key: 'k', value: 'v' })),
        ]),
      }),
    () => JSON.stringify({ reason: 'x'.repeat(300) }),
    () => `${'['.repeat(10000)}${']'.repeat(10000)}`,
    () => JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } }),
    () => `{"a":"${'x'.repeat(int(3) === 0 ? 2_000_000 : 10)}"}`,
    () => '\u0000\u0001',
  ];
  return (): FuzzRequest => {
    const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
    let path = pick(paths)();
    if (chance(0.5)) path += `?${Array.from({ length: 1 + int(3) }, () => pick(queries)).join('&')}`;
    const headers: Record<string, string> = {};
    headers.host = chance(0.95)
      ? pick([`127.0.0.1:${port}`, `localhost:${port}`])
      : pick(['evil.example', `evil.example:${port}`, '', `localhost.evil.example:${port}`]);
    // Mostly JSON, so that most mutations reach the routes behind the content-type guard.
    const ct = chance(0.7) ? 'application/json' : pick(contentTypes);
    if (ct) headers['content-type'] = ct;
    if (chance(0.2))
      headers.origin = pick([
        `http://127.0.0.1:${port}`,
        'http://evil.example',
        'null',
        `http://localhost:${port}`,
      ]);
    if (chance(0.1)) headers['sec-fetch-site'] = pick(['cross-site', 'same-site', 'same-origin', 'none']);
    const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(pick(bodies)());
    return { method, path, headers, body };
  };
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

function send(r: FuzzRequest, port: number, agent: Agent): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: r.method,
        path: r.path,
        agent,
        setHost: false,
        headers: { ...r.headers, 'content-length': String(r.body.length) },
      },
      (res) => {
        const contentType = String(res.headers['content-type'] ?? '');
        // An event stream stays open: its status and headers are the answer.
        if (contentType.startsWith('text/event-stream')) {
          ok({ status: res.statusCode ?? 0, contentType, body: '' });
          req.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.length < 64 && chunks.push(c));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.setTimeout(15_000, () => req.destroy(new Error('no answer within 15 s')));
    req.end(r.body);
  });
}

let dir: string;
let app: RunningConsole;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-fuzz-'));
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>batchops</title><div id="root"></div>');
  app = await startConsole(
    loadConfig({
      BATCHOPS_PORT: '0',
      BATCHOPS_LOCAL_AWS_PORT: '0',
      BATCHOPS_DATA_DIR: join(dir, 'data'),
      BATCHOPS_WEB_DIR: web,
      BATCHOPS_SEED_DEMO: 'true',
    }),
    () => {},
  );
}, 120_000);
afterAll(async () => {
  agent.destroy();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fuzz: the BFF on loopback', () => {
  it(`answers ${REQUESTS.toLocaleString()} seeded odd requests (seed ${SEED}) without a 5xx or a crash`, async () => {
    const { sent, bad, summary } = await runFuzz({
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      next: generator(seededRandom(SEED), app.port),
      label: (r) => `${r.method} ${r.path}`,
      probe: async (r) => {
        const a = await send(r, app.port, agent);
        const isApi = r.path.startsWith('/api');
        let shape = 'n/a';
        if (isApi && a.status >= 400 && r.method !== 'HEAD') {
          try {
            shape = ApiError.parse(JSON.parse(a.body)).code;
          } catch {
            shape = 'NOT-AN-ApiError';
          }
        }
        const tally = `${isApi ? 'api' : 'spa'} ${Math.floor(a.status / 100)}xx${shape === 'n/a' ? '' : ` ${shape}`}`;
        if (a.status < 500 && shape !== 'NOT-AN-ApiError') return { tally };
        return {
          tally,
          bad: `${a.status} ${r.method} ${r.path} ${JSON.stringify(r.headers)} body=${JSON.stringify(r.body.toString().slice(0, 120))} -> ${a.body.slice(0, 200)}`,
        };
      },
    });
    console.log(`BFF fuzz seed ${SEED}: ${sent} requests\n${summary}`);
    expect(bad.slice(0, 20)).toEqual([]);
    const health = await fetch(`http://127.0.0.1:${app.port}/api/health`);
    expect(health.status).toBe(200);
  }, 300_000);
});
