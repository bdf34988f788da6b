import { createHash } from 'node:crypto';
import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';
import { type RawResponse, send, sign } from './support/signed-http.js';

// Seeded, bounded fuzzing over loopback: odd paths, queries, headers and bodies, signed and not.
// BATCHOPS_FUZZ_REQUESTS sets the count (default 2,000), BATCHOPS_FUZZ_SEED the seed.
const COUNT = Number(process.env.BATCHOPS_FUZZ_REQUESTS ?? 2000);
const SEED = Number(process.env.BATCHOPS_FUZZ_SEED ?? 8);

function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const KEYS = ['a.txt', 'dir/b c+d%25.bin', '%E2%82%AC', '..%2F..%2Fetc', '%00', 'x'.repeat(1100), '%ZZ', ''];
const BUCKETS = ['fuzz', 'fuzz-v', 'nope', 'UPPER', 'a', '%E2%82%AC', 'fuzz.localhost'];
const SUBS = [
  'tagging',
  'acl',
  'versioning',
  'location',
  'delete',
  'uploads',
  'uploadId',
  'partNumber',
  'versionId',
  'list-type',
  'restore',
  'replication',
  'object-lock',
  'legal-hold',
  'retention',
  'prefix',
  'delimiter',
  'max-keys',
  'encoding-type',
  'response-content-type',
  'response-expires',
  'continuation-token',
  'x-id',
];
const VALUES = ['', '2', '-1', '99999999999999999999', 'url', '€', '%', '<x>', 'null', 'a'.repeat(300), '0'];
const BODIES = [
  '',
  '<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>',
  '<Delete><Object><Key>a.txt</Key></Object></Delete>',
  '<Delete>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Tagging>&a;</Tagging>',
  `<Tagging>${'<a>'.repeat(500)}${'</a>'.repeat(500)}</Tagging>`,
  '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
  '<CreateBucketConfiguration><LocationConstraint>eu-€-1</LocationConstraint></CreateBucketConfiguration>',
  '<CompleteMultipartUpload><Part><PartNumber>x</PartNumber></Part></CompleteMultipartUpload>',
  '<CreateJobRequest><Operation/></CreateJobRequest>',
  '5;chunk-signature=zz\r\nhello\r\n0\r\n\r\n',
  'not xml at all \u0000\u00ff',
];
const HEADERS: Array<[string, string[]]> = [
  ['range', ['bytes=0-1', 'bytes=5-2', 'bytes=-0', 'items=1-2', 'bytes=0-99999999999999999999']],
  ['content-md5', ['AAAAAAAAAAAAAAAAAAAAAA==', 'nope']],
  ['x-amz-checksum-crc32', ['AAAAAA==', '!!!']],
  ['content-encoding', ['aws-chunked', 'gzip']],
  ['x-amz-decoded-content-length', ['5', '-1', 'x']],
  ['x-amz-copy-source', ['fuzz/a.txt', '/nope/x', '%', 'fuzz/a.txt?versionId=%00']],
  ['x-amz-metadata-directive', ['REPLACE', 'BOGUS']],
  ['x-amz-storage-class', ['GLACIER', 'BOGUS']],
  ['if-match', ['"x"', '*']],
  ['if-modified-since', ['yesterday', 'Wed, 21 Oct 2015 07:28:00 GMT']],
  ['x-amz-tagging', ['a=1&b', '%%%']],
  ['x-amz-object-lock-mode', ['COMPLIANCE', 'X']],
  ['x-amz-bucket-object-lock-enabled', ['true', 'maybe']],
  ['x-amz-checksum-mode', ['ENABLED']],
  ['x-amz-trailer', ['x-amz-checksum-crc32', 'nonsense']],
];
const CONTROL_PATHS = [
  '/v20180820/jobs',
  '/v20180820/jobs/abcde',
  '/v20180820/jobs/%E2%82/status',
  '/v20180820/jobs/abcdef/priority',
  '/v20180820/jobs/abcdef/tagging',
  '/v20180820/jobs/%ZZ',
  '/v20180820/other',
];

let f: LocalAwsFixture;
beforeAll(async () => {
  f = await startFixture();
  await f.s3.send(new CreateBucketCommand({ Bucket: 'fuzz' }));
  await f.s3.send(new CreateBucketCommand({ Bucket: 'fuzz-v' }));
  await f.s3.send(
    new PutBucketVersioningCommand({ Bucket: 'fuzz-v', VersioningConfiguration: { Status: 'Enabled' } }),
  );
  await f.s3.send(new PutObjectCommand({ Bucket: 'fuzz', Key: 'a.txt', Body: 'hello' }));
});
afterAll(() => f.close());

describe(`fuzz (${COUNT} requests, seed ${SEED})`, () => {
  it('never crashes, never answers 500, and every error has the error shape of its protocol', async () => {
    const r = random(SEED);
    const seen = new Map<number, number>();
    const bad: string[] = [];
    for (let i = 0; i < COUNT; i += 8) {
      const batch = Array.from({ length: Math.min(8, COUNT - i) }, async () => {
        const control = r.chance(0.25);
        const method = r.pick(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);
        const path = control
          ? r.pick(CONTROL_PATHS)
          : r.chance(0.2)
            ? `/${r.pick(BUCKETS)}`
            : `/${r.pick(BUCKETS)}/${r.pick(KEYS)}`;
        const query: Record<string, string> = {};
        for (let q = r.int(3); q > 0; q--) query[r.pick(SUBS)] = r.pick(VALUES);
        if (control && r.chance(0.5))
          query[r.pick(['maxResults', 'jobStatuses', 'nextToken', 'priority', 'requestedJobStatus'])] =
            r.pick([...VALUES, 'Active', 'Ready', '5']);
        const headers: Record<string, string> = control
          ? { 'x-amz-account-id': r.chance(0.9) ? ACCOUNT_ID : '12' }
          : {};
        for (let h = r.int(3); h > 0; h--) {
          const [name, values] = r.pick(HEADERS);
          headers[name] = r.pick(values);
        }
        const body = method === 'GET' || method === 'HEAD' ? '' : r.pick(BODIES);
        const signed = sign(f.aws.url, {
          method,
          path: path.replace(/[^A-Za-z0-9/%._~-]/g, (c) => encodeURIComponent(c)),
          query,
          headers,
          body,
          ...(r.chance(0.1)
            ? {
                payloadHash: r.pick([
                  'UNSIGNED-PAYLOAD',
                  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
                  'bogus',
                  createHash('sha256').update('x').digest('hex'),
                ]),
              }
            : {}),
          ...(r.chance(0.05) ? { secret: 'wrong' } : {}),
          ...(r.chance(0.05) ? { region: r.pick(['nowhere', 'eu-west-3', 'x'.repeat(64)]) } : {}),
          ...(r.chance(0.05) ? { presign: r.pick([60, 604_801, 0]) } : {}),
        });
        const sent: Record<string, string> = { ...signed.headers };
        if (body !== '') sent['content-length'] = String(Buffer.byteLength(body));
        if (r.chance(0.05)) sent.host = r.pick(['evil.example', 'fuzz.localhost', '[::1]']);
        if (r.chance(0.05)) sent.origin = 'http://evil.example';
        let res: RawResponse;
        try {
          res = await send(f.aws.url, method, signed.path, sent, body === '' ? undefined : body);
        } catch (e) {
          bad.push(`${method} ${signed.path}: no answer (${(e as Error).message})`);
          return;
        }
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        // 501 NotImplemented is S3's answer to an operation it does not serve.
        if (res.status >= 500 && res.status !== 501)
          bad.push(`${method} ${signed.path} → ${res.status} ${res.body.slice(0, 200)}`);
        if (res.status >= 400 && method !== 'HEAD') {
          // The path picks the protocol (/v20180820/ is S3 Control), whatever the Host.
          const shape = control ? /<ErrorResponse[^>]*><Error><Code>/ : /^<\?xml[^>]*>\s*<Error><Code>/;
          if (!shape.test(res.body))
            bad.push(
              `${method} ${signed.path} → ${res.status} without the error shape: ${res.body.slice(0, 120)}`,
            );
        }
      });
      await Promise.all(batch);
    }
    console.log(`fuzz: ${COUNT} requests, statuses ${JSON.stringify(Object.fromEntries([...seen].sort()))}`);
    expect(bad.slice(0, 10)).toEqual([]);
    const alive = await send(f.aws.url, 'GET', '/', { host: '127.0.0.1' });
    expect(alive.status).toBe(403);
  });
});
