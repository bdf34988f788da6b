import { Agent, request } from 'node:http';
import { runFuzz, seededRandom } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';
import { sign } from './support/signed-http.js';

// A bounded, seeded fuzz run over S3 and S3 Control on loopback: malformed XML, bad and missing
// signatures, odd headers, odd keys, foreign hosts, bad CSV manifests. Most requests are signed
// correctly so that they reach the handlers. Every answer must be a 2xx/3xx or a 4xx (501 for an
// operation that is not implemented) with the service's error shape, and the process must stay up.
// BATCHOPS_FUZZ_SEED / BATCHOPS_FUZZ_REQUESTS change the run; a failure prints the seed and request.
const SEED = Number(process.env.BATCHOPS_FUZZ_SEED ?? 20261202);
const REQUESTS = Number(process.env.BATCHOPS_FUZZ_REQUESTS ?? 8000);
const CONCURRENCY = 16;
const ACCOUNT = '000000000000';

// SigV4's URI encoding: everything but unreserved characters.
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface FuzzRequest {
  readonly label: string;
  readonly protocol: 's3' | 's3control';
  readonly method: string;
  /** Path segments, encoded here. */
  readonly segments: readonly string[];
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  /** How to sign: correctly, not at all, or correctly and then tampered with. */
  readonly auth: 'good' | 'none' | 'bad-signature' | 'body-changed' | 'future-date' | 'presign-long';
  readonly host?: string;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

function signed(r: FuzzRequest, port: number): { path: string; headers: Record<string, string> } {
  const url = `http://127.0.0.1:${port}`;
  const path = `/${r.segments.map(enc).join('/')}`;
  const headers = { ...r.headers };
  if (r.protocol === 's3control') headers['x-amz-account-id'] ??= ACCOUNT;
  if (r.auth === 'none') {
    const qs = r.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    return {
      path: qs ? `${path}?${qs}` : path,
      headers: { host: r.host ?? `127.0.0.1:${port}`, ...headers },
    };
  }
  const s = sign(url, {
    method: r.method,
    path,
    query: Object.fromEntries(r.query),
    headers,
    body: r.body,
    service: r.protocol,
    ...(r.host !== undefined ? { host: r.host } : {}),
    ...(r.headers['x-amz-content-sha256'] ? { payloadHash: r.headers['x-amz-content-sha256'] } : {}),
    ...(r.auth === 'future-date' ? { date: new Date(Date.now() + 3_600_000) } : {}),
    ...(r.auth === 'presign-long' ? { presign: 999_999 } : {}),
  });
  if (r.auth !== 'bad-signature') return { path: s.path, headers: s.headers };
  // One hex digit of the signature changed, wherever it travels.
  const flip = (sig: string) => sig.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  return {
    path: s.path.replace(s.signature, flip(s.signature)),
    headers: {
      ...s.headers,
      ...(s.headers.authorization
        ? { authorization: s.headers.authorization.replace(s.signature, flip(s.signature)) }
        : {}),
    },
  };
}

function send(r: FuzzRequest, port: number, agent: Agent): Promise<Answer> {
  const { path, headers } = signed(r, port);
  const body =
    r.auth === 'body-changed' && r.body.length > 0 ? Buffer.concat([r.body, Buffer.from(' ')]) : r.body;
  if (r.auth === 'body-changed' && r.body.length === 0) headers['content-type'] = 'text/plain';
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: r.method,
        path,
        agent,
        setHost: false,
        headers: { ...headers, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.length < 64 && chunks.push(c));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.end(body);
  });
}

// ---- generators -------------------------------------------------------------------------------

function generator(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number) => rand() < p;
  const int = (n: number) => Math.floor(rand() * n);
  const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + int(95))).join('');

  const buckets = [
    'fuzz',
    'fuzz-versioned',
    'nope-missing',
    'x',
    'Bad_Name',
    'foo.-bar',
    'a'.repeat(70),
    '..',
  ];
  const keys = [
    'k',
    'dir/sub/key.txt',
    ' leading space',
    'trailing space ',
    '_ ',
    ' ',
    'ünïcødé/文字',
    'percent%20and+plus',
    'a//b',
    '../../etc/passwd',
    'x'.repeat(1024),
    'x'.repeat(1100),
    'tab\tkey',
    'nul\u0000key',
    '\u{1F600}',
    'manifests/fuzz.csv',
  ];
  const subresources = [
    'acl',
    'tagging',
    'versioning',
    'versions',
    'uploads',
    'delete',
    'restore',
    'retention',
    'legal-hold',
    'replication',
    'object-lock',
    'location',
    'attributes',
    'ownershipControls',
    'policy',
    'cors',
    'lifecycle',
    'website',
    'encryption',
    'notification',
    'inventory',
    'select',
  ];
  const queryValues: ReadonlyArray<readonly [string, string]> = [
    ['list-type', '2'],
    ['max-keys', '-1'],
    ['max-keys', 'abc'],
    ['max-keys', '99999999999999999999'],
    ['continuation-token', 'garbage=='],
    ['continuation-token', '\u00ff\u00fe'],
    ['delimiter', '/'],
    ['prefix', '\u0000'],
    ['encoding-type', 'base64'],
    ['versionId', 'nope'],
    ['versionId', ''],
    ['uploadId', 'missing'],
    ['partNumber', '0'],
    ['partNumber', '10001'],
    ['partNumber', 'x'],
    ['response-content-type', '€'],
    ['response-content-disposition', 'attachment; filename="\r\nx"'],
    ['response-expires', 'not a date'],
    ['response-cache-control', '\u0007'],
    ['version-id-marker', 'zzz'],
    ['key-marker', 'k'],
    ['max-uploads', '-5'],
    ['part-number-marker', 'x'],
  ];
  const oddHeaders: ReadonlyArray<readonly [string, string]> = [
    ['range', 'bytes=9-1'],
    ['range', 'bytes=abc'],
    ['range', 'bytes=0-0,5-6'],
    ['content-md5', 'not-base64'],
    ['content-md5', '1B2M2Y8AsgTpgAmY7PhCfg=='],
    ['x-amz-checksum-crc32', '!!!'],
    ['x-amz-checksum-sha256', 'AAAA'],
    ['x-amz-sdk-checksum-algorithm', 'MD4'],
    ['x-amz-copy-source', 'fuzz/k'],
    ['x-amz-copy-source', '/nope-missing/k?versionId=x'],
    ['x-amz-copy-source', '%ZZ'],
    ['x-amz-copy-source-range', 'bytes=5-1'],
    ['x-amz-tagging', 'a=b&a=c'],
    ['x-amz-tagging', '=%%'],
    ['x-amz-meta-x', 'v'],
    ['x-amz-storage-class', 'ULTRA_COLD'],
    ['x-amz-acl', 'public-read-write-everything'],
    ['x-amz-grant-read', 'id=nobody, uri="http://x"'],
    ['x-amz-object-lock-mode', 'LOCKED'],
    ['x-amz-object-lock-retain-until-date', 'yesterday'],
    ['x-amz-object-lock-legal-hold', 'MAYBE'],
    ['x-amz-bypass-governance-retention', 'true'],
    ['if-match', '"nope"'],
    ['if-none-match', '*'],
    ['if-modified-since', 'garbage'],
    ['x-amz-metadata-directive', 'MERGE'],
    ['x-amz-tagging-directive', 'COPY'],
    ['x-amz-bucket-object-lock-enabled', 'true'],
    ['x-amz-expected-bucket-owner', '111111111111'],
    ['content-encoding', 'aws-chunked'],
    ['x-amz-decoded-content-length', '-1'],
    ['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'],
    ['x-amz-content-sha256', 'UNSIGNED-PAYLOAD'],
    ['x-amz-content-sha256', 'not-a-hash'],
    ['content-type', 'multipart/form-data; boundary=x'],
    ['content-type', 'application/x-www-form-urlencoded'],
    ['origin', 'http://evil.example'],
    ['sec-fetch-site', 'cross-site'],
    ['x-amz-server-side-encryption', 'rot13'],
    ['x-amz-request-payer', 'requester'],
    ['expect', '100-continue'],
  ];
  const xmlBodies = (): string =>
    pick([
      '',
      '<',
      '<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>',
      `<Tagging><TagSet>${'<Tag><Key>k</Key><Value>v</Value></Tag>'.repeat(60)}</TagSet></Tagging>`,
      '<Tagging><TagSet><Tag><Key></Key></Tag></TagSet></Tagging>',
      '<Delete><Object><Key>_ </Key></Object><Object><Key> </Key></Object></Delete>',
      `<Delete>${'<Object><Key>k</Key></Object>'.repeat(1001)}</Delete>`,
      '<Delete><Quiet>maybe</Quiet></Delete>',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><Tagging><TagSet><Tag><Key>&d;</Key><Value>v</Value></Tag></TagSet></Tagging>',
      `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`,
      '<VersioningConfiguration><Status>Sometimes</Status></VersioningConfiguration>',
      '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
      '<CreateBucketConfiguration><LocationConstraint>eu-€-1</LocationConstraint></CreateBucketConfiguration>',
      '<CreateBucketConfiguration><LocationConstraint>mars-north-1</LocationConstraint></CreateBucketConfiguration>',
      '<AccessControlPolicy><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>x</URI></Grantee><Permission>ALL</Permission></Grant></AccessControlList></AccessControlPolicy>',
      '<RestoreRequest><Days>-1</Days></RestoreRequest>',
      '<Retention><Mode>GOVERNANCE</Mode><RetainUntilDate>1999-01-01T00:00:00Z</RetainUntilDate></Retention>',
      '<LegalHold><Status>ON</Status></LegalHold>',
      '<ReplicationConfiguration><Role>x</Role><Rule><Status>Enabled</Status></Rule></ReplicationConfiguration>',
      '<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Days>0</Days></DefaultRetention></Rule></ObjectLockConfiguration>',
      '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>',
      junk(200),
      '\u0000\u0001\u0002',
    ]);

  const controlBodies = (): string =>
    pick([
      '',
      '<CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"></CreateJobRequest>',
      '<CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><ConfirmationRequired>maybe</ConfirmationRequired><Operation><S3PutObjectTagging><TagSet/></S3PutObjectTagging></Operation><Priority>-5</Priority><RoleArn>nope</RoleArn><ClientRequestToken>t</ClientRequestToken></CreateJobRequest>',
      `<CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Description>${'d'.repeat(300)}</Description></CreateJobRequest>`,
      '<CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Description>bell&#7;</Description></CreateJobRequest>',
      '<PutJobTaggingRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Tags>' +
        '<member><Key>k</Key><Value>v</Value></member>'.repeat(51) +
        '</Tags></PutJobTaggingRequest>',
      '<PutJobTaggingRequest><Tags><member><Key></Key></member></Tags></PutJobTaggingRequest>',
      '<',
      `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`,
      junk(300),
    ]);

  function s3(): FuzzRequest {
    const method = pick(['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS']);
    const segments: string[] = [];
    if (chance(0.95)) segments.push(pick(buckets));
    if (segments.length && chance(0.7)) segments.push(...pick(keys).split('/'));
    const query: Array<readonly [string, string]> = [];
    for (let i = int(3); i > 0; i--) query.push(chance(0.5) ? [pick(subresources), ''] : pick(queryValues));
    const headers: Record<string, string> = {};
    for (let i = int(4); i > 0; i--) {
      const [k, v] = pick(oddHeaders);
      headers[k] = v;
    }
    const body = method === 'PUT' || method === 'POST' ? Buffer.from(xmlBodies()) : Buffer.alloc(0);
    return { label: 's3', protocol: 's3', method, segments, query, headers, body, auth: authKind() };
  }

  function control(): FuzzRequest {
    const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
    const id = pick(['', 'nope', '00000000-0000-0000-0000-000000000000', '%', 'x'.repeat(300), '..']);
    const tail = pick(['', 'status', 'priority', 'tagging', 'nothing']);
    const segments = ['v20180820', 'jobs', ...(id ? [id] : []), ...(id && tail ? [tail] : [])];
    const query: Array<readonly [string, string]> = [];
    const params: ReadonlyArray<readonly [string, string]> = [
      ['maxResults', pick(['0', '-1', '1001', 'abc', '5'])],
      ['jobStatuses', pick(['Active', 'Bogus', ''])],
      ['nextToken', pick(['', 'garbage', '\u00ff'])],
      ['priority', pick(['-1', '2147483648', 'x', '10'])],
      ['requestedJobStatus', pick(['Ready', 'Cancelled', 'Active', ''])],
      ['statusUpdateReason', pick(['', 'x'.repeat(300), 'why'])],
    ];
    for (let i = int(3); i > 0; i--) query.push(pick(params));
    const headers: Record<string, string> = {};
    if (chance(0.2)) headers['x-amz-account-id'] = pick(['', '111111111111', 'abc', '0'.repeat(13)]);
    if (chance(0.2)) {
      const [k, v] = pick(oddHeaders);
      headers[k] = v;
    }
    const body = method === 'POST' || method === 'PUT' ? Buffer.from(controlBodies()) : Buffer.alloc(0);
    return {
      label: 's3control',
      protocol: 's3control',
      method,
      segments,
      query,
      headers,
      body,
      auth: authKind(),
    };
  }

  function authKind(): FuzzRequest['auth'] {
    const r = rand();
    if (r < 0.8) return 'good';
    return pick(['none', 'bad-signature', 'body-changed', 'future-date', 'presign-long'] as const);
  }

  function withHost(r: FuzzRequest): FuzzRequest {
    if (!chance(0.03)) return r;
    return {
      ...r,
      label: `${r.label}+host`,
      host: pick(['evil.example', 'evil.example:4566', '', 'localhost.evil.example']),
    };
  }

  return () => withHost(chance(0.7) ? s3() : control());
}

// ---- the run ----------------------------------------------------------------------------------

let fixture: LocalAwsFixture;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(async () => {
  agent.destroy();
  await fixture.close();
});

function errorShapeOf(protocol: 's3' | 's3control', method: string, a: Answer): string | undefined {
  if (method === 'HEAD' || a.status < 400) return 'n/a';
  const re =
    protocol === 's3control'
      ? /^(<\?xml[^>]*\?>)?\s*<ErrorResponse[^>]*>\s*<Error>\s*<Code>([A-Za-z0-9.]+)<\/Code>/
      : /^(<\?xml[^>]*\?>)?\s*<Error>\s*<Code>([A-Za-z0-9.]+)<\/Code>/;
  return re.exec(a.body)?.[2];
}

describe('fuzz: S3 and S3 Control on loopback', () => {
  it(`answers ${REQUESTS.toLocaleString()} seeded odd requests (seed ${SEED}) without a 5xx or a crash`, async () => {
    // Something for the requests to find: buckets, a versioned one, objects, a manifest.
    const base = (method: string, segments: string[], body = '', query: Array<[string, string]> = []) =>
      send(
        {
          label: 'setup',
          protocol: 's3',
          method,
          segments,
          query,
          headers: {},
          body: Buffer.from(body),
          auth: 'good',
        },
        fixture.aws.port,
        agent,
      );
    expect((await base('PUT', ['fuzz'])).status).toBe(200);
    expect((await base('PUT', ['fuzz-versioned'])).status).toBe(200);
    await base(
      'PUT',
      ['fuzz-versioned'],
      '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
      [['versioning', '']],
    );
    for (const key of ['k', 'dir/sub/key.txt', '_', 'manifests/fuzz.csv']) {
      expect((await base('PUT', ['fuzz', ...key.split('/')], 'fuzz,k\n')).status).toBe(200);
      await base('PUT', ['fuzz-versioned', ...key.split('/')], 'v1');
    }

    const { sent, bad, summary } = await runFuzz({
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      next: generator(seededRandom(SEED)),
      label: (r) => `${r.method} /${r.segments.join('/')} ${JSON.stringify(r.query)}`,
      probe: async (r) => {
        const a = await send(r, fixture.aws.port, agent);
        const shape = errorShapeOf(r.protocol, r.method, a);
        // A HEAD answer has no body to carry its code: its 501 is GET's NotImplemented without the body.
        const notImplemented = a.status === 501 && (shape === 'NotImplemented' || r.method === 'HEAD');
        const okStatus = a.status < 500 || notImplemented;
        const tally = `${r.protocol} ${Math.floor(a.status / 100)}xx${shape && shape !== 'n/a' ? ` ${shape}` : ''}`;
        if (okStatus && shape !== undefined) return { tally };
        return {
          tally,
          bad: `${a.status} ${r.auth} ${r.method} /${r.segments.join('/')} ${JSON.stringify(r.query)} ${JSON.stringify(r.headers)} body=${JSON.stringify(r.body.toString().slice(0, 80))} -> ${a.body.slice(0, 200)}`,
        };
      },
    });
    console.log(`fuzz seed ${SEED}: ${sent} requests\n${summary}`);
    expect(bad.slice(0, 20)).toEqual([]);
    // Still up and whole: a plain listing answers.
    expect((await base('GET', ['fuzz'], '', [['list-type', '2']])).status).toBe(200);
  }, 300_000);
});
