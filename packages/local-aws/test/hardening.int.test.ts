import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { s3ClientFor } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAwsHandle } from '../src/local-aws-options.js';
import { createLocalAws } from '../src/server.js';
import { BlobStore } from '../src/store/blob-store.js';
import { S3MetaStore } from '../src/store/s3-meta-store.js';
import { ACCOUNT_ID, errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';
import { errorCode, send, sign, signedChunks, signedRequest } from './support/signed-http.js';

const md5 = (s: string | Buffer) => createHash('md5').update(s).digest('base64');
/** DeleteObjects of `body` on the bucket hard, signed (or presigned) as `extra` says. */
const postDelete = (body: string, extra: Partial<Parameters<typeof signedRequest>[1]> = {}) =>
  signedRequest(f.aws.url, { method: 'POST', path: '/hard', query: { delete: '' }, body, ...extra });
const text = async (out: { Body?: unknown }) =>
  (out.Body as { transformToString(): Promise<string> }).transformToString();

let f: LocalAwsFixture;
beforeAll(async () => {
  f = await startFixture({ allowedHosts: ['s3.docker.internal'] });
  await f.s3.send(new CreateBucketCommand({ Bucket: 'hard' }));
  await f.s3.send(new PutObjectCommand({ Bucket: 'hard', Key: 'a.txt', Body: 'hello' }));
});
afterAll(() => f.close());

/** The server still answers (no request above killed it). */
async function stillUp() {
  const out = await f.s3.send(new ListBucketsCommand({}));
  expect(out.Buckets?.some((b) => b.Name === 'hard')).toBe(true);
}

describe('no request crashes the process', () => {
  it('refuses a response-* override that is not a valid header value (InvalidArgument)', async () => {
    const r = await signedRequest(f.aws.url, {
      method: 'GET',
      path: '/hard/a.txt',
      query: { 'response-content-type': '€' },
    });
    expect(r.status).toBe(400);
    expect(errorCode(r.body)).toBe('InvalidArgument');
    await stillUp();
    const ok = await f.s3.send(
      new GetObjectCommand({ Bucket: 'hard', Key: 'a.txt', ResponseContentType: 'text/x-ok' }),
    );
    expect(ok.ContentType).toBe('text/x-ok');
  });

  it('refuses a versionId that could not go back out in a header (found by the fuzz test)', async () => {
    await f.s3.send(new PutObjectCommand({ Bucket: 'hard', Key: 'v.txt', Body: 'v' }));
    const r = await signedRequest(f.aws.url, {
      method: 'DELETE',
      path: '/hard/v.txt',
      query: { versionId: '€' },
    });
    expect([r.status, errorCode(r.body)]).toEqual([400, 'InvalidArgument']);
  });

  it('refuses a LocationConstraint that is not a region name (InvalidLocationConstraint)', async () => {
    const body =
      '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-€-1</LocationConstraint></CreateBucketConfiguration>';
    const r = await signedRequest(f.aws.url, { method: 'PUT', path: '/euro-bucket', body });
    expect(r.status).toBe(400);
    expect(errorCode(r.body)).toBe('InvalidLocationConstraint');
    await stillUp();
    await f.s3.send(
      new CreateBucketCommand({
        Bucket: 'in-paris',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
      }),
    );
    const loc = await f.s3.send(new GetBucketLocationCommand({ Bucket: 'in-paris' }));
    expect(loc.LocationConstraint).toBe('eu-west-3');
  });
});

describe('data stored before validation does not crash it either', () => {
  let aws: LocalAwsHandle;
  let s3: S3Client;
  const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-legacy-'));
  beforeAll(async () => {
    const local = createLocalAws({ port: 0, dataDir });
    // As an older local-aws stored them: a bucket in Region 'eu-€-1', an object whose content type is not Latin-1.
    local.s3.meta.createBucket({ name: 'legacy', region: 'eu-€-1', objectLock: false, created: Date.now() });
    await local.s3.meta.batch(() =>
      local.s3.meta.putVersion({
        bucket: 'legacy',
        key: 'bad-type',
        versionId: 'null',
        isDeleteMarker: false,
        size: 2,
        etag: 'x',
        lastModified: Date.now(),
        storageClass: 'STANDARD',
        blob: `b64:${Buffer.from('hi').toString('base64')}`,
        attrs: { contentType: 'text/€' },
      }),
    );
    aws = await local.listen();
    s3 = s3ClientFor(aws.url);
  });
  afterAll(async () => {
    s3.destroy();
    await aws.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers HeadBucket and GetBucketLocation of a bucket stored with a bad Region', async () => {
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'legacy' }));
    expect(head.$metadata.httpStatusCode).toBe(200);
    expect(head.BucketRegion).toBe('eu-%E2%82%AC-1');
    const loc = await s3.send(new GetBucketLocationCommand({ Bucket: 'legacy' }));
    expect(loc.LocationConstraint).toBe('eu-€-1');
  });

  it('answers 500 InternalError when a response header cannot be written, and stays up', async () => {
    const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'legacy', Key: 'bad-type' })));
    expect(err.name).toBe('InternalError');
    expect(err.$metadata.httpStatusCode).toBe(500);
    expect((await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(['legacy']);
  });
});

describe('Host check (DNS rebinding)', () => {
  it('refuses a foreign Host with 403 AccessDenied in the shape of each protocol', async () => {
    const r = await signedRequest(f.aws.url, { method: 'GET', path: '/hard/a.txt', host: 'evil.example:80' });
    expect(r.status).toBe(403);
    expect(errorCode(r.body)).toBe('AccessDenied');
    expect(r.body).toMatch(/^<\?xml[^>]*>\s*<Error>/);
    const c = await signedRequest(f.aws.url, {
      method: 'GET',
      path: '/v20180820/jobs',
      host: 'rebound.attacker.test',
      headers: { 'x-amz-account-id': ACCOUNT_ID },
    });
    expect(c.status).toBe(403);
    expect(c.body).toContain('<ErrorResponse');
    expect(errorCode(c.body)).toBe('AccessDenied');
    // A look-alike is not a subdomain of localhost.
    const lookAlike = await signedRequest(f.aws.url, {
      method: 'GET',
      path: '/',
      host: 'localhost.evil.example',
    });
    expect(lookAlike.status).toBe(403);
  });

  it('accepts loopback names, *.localhost, <prefix>.127.0.0.1 and configured names, on any port', async () => {
    for (const host of [
      'localhost:1',
      '127.0.0.1',
      '[::1]:4566',
      'hard.localhost:9',
      's3.docker.internal:4566',
    ]) {
      const r = await signedRequest(f.aws.url, {
        method: 'GET',
        path: host.startsWith('hard.') ? '/a.txt' : '/hard/a.txt',
        host,
      });
      expect([host, r.status]).toEqual([host, 200]);
    }
  });

  it('serves the proxy-style absolute target of the CLI behind HTTP_PROXY', async () => {
    const port = new URL(f.aws.url).port;
    const host = `${ACCOUNT_ID}.127.0.0.1:${port}`;
    const signed = sign(f.aws.url, {
      method: 'GET',
      path: '/v20180820/jobs',
      host,
      headers: { 'x-amz-account-id': ACCOUNT_ID },
    });
    const r = await send(f.aws.url, 'GET', `http://${host}${signed.path}`, signed.headers);
    expect(r.status).toBe(200);
    expect(r.body).toContain('<ListJobsResult');
    // The absolute form names the host too: a foreign one there is refused.
    const foreign = await send(f.aws.url, 'GET', `http://evil.example${signed.path}`, signed.headers);
    expect(foreign.status).toBe(403);
  });
});

describe('presigned URLs and browser requests', () => {
  it('refuses a presigned URL dated more than 15 minutes ahead, and X-Amz-Expires above 7 days', async () => {
    const ahead = await signedRequest(f.aws.url, {
      method: 'GET',
      path: '/hard/a.txt',
      presign: 3600,
      date: new Date(Date.now() + 20 * 60_000),
    });
    expect(ahead.status).toBe(403);
    expect(errorCode(ahead.body)).toBe('AccessDenied');
    expect(ahead.body).toContain('Request is not valid yet');
    const long = await signedRequest(f.aws.url, { method: 'GET', path: '/hard/a.txt', presign: 604_801 });
    expect(long.status).toBe(400);
    expect(errorCode(long.body)).toBe('AuthorizationQueryParametersError');
    // Only decimal digits: Number() would read 0x10 as 16 and ' 60' as 60.
    for (const presign of ['0x10', ' 60', '1e3']) {
      const odd = await signedRequest(f.aws.url, { method: 'GET', path: '/hard/a.txt', presign });
      expect(odd.status, presign).toBe(400);
    }
    const ok = await signedRequest(f.aws.url, { method: 'GET', path: '/hard/a.txt', presign: 60 });
    expect([ok.status, ok.body]).toEqual([200, 'hello']);
  });

  it('refuses x-amz-* headers left out of the signature, presigned or not (HeadersNotSigned)', async () => {
    await f.s3.send(new PutObjectCommand({ Bucket: 'hard', Key: 'private.txt', Body: 'private' }));
    // A presigned PUT handed out for one upload must not become a copy of another object.
    const copy = await signedRequest(f.aws.url, {
      method: 'PUT',
      path: '/hard/upload.txt',
      presign: 300,
      unsignedHeaders: { 'x-amz-copy-source': '/hard/private.txt' },
    });
    expect(copy.status).toBe(403);
    expect(errorCode(copy.body)).toBe('AccessDenied');
    expect(copy.body).toContain('<HeadersNotSigned>x-amz-copy-source</HeadersNotSigned>');
    const head = await errorOf(f.s3.send(new HeadObjectCommand({ Bucket: 'hard', Key: 'upload.txt' })));
    expect(head?.$metadata.httpStatusCode).toBe(404);
    const acl = await signedRequest(f.aws.url, {
      method: 'PUT',
      path: '/hard/upload.txt',
      body: 'x',
      unsignedHeaders: { 'x-amz-acl': 'public-read-write', 'x-amz-tagging': 'a=b' },
    });
    expect(acl.status).toBe(403);
    expect(acl.body).toContain('<HeadersNotSigned>x-amz-acl,x-amz-tagging</HeadersNotSigned>');
    // Signed, the same headers are fine.
    const signed = await signedRequest(f.aws.url, {
      method: 'PUT',
      path: '/hard/upload.txt',
      presign: 300,
      headers: { 'x-amz-copy-source': '/hard/private.txt' },
    });
    expect(signed.status).toBe(200);
    await stillUp();
  });

  it('requires Content-MD5 or a checksum on DeleteObjects, and checks it', async () => {
    const body = '<Delete><Object><Key>a.txt</Key></Object></Delete>';
    const none = await postDelete(body);
    expect(none.status).toBe(400);
    expect(errorCode(none.body)).toBe('InvalidRequest');
    expect(none.body).toContain('Missing required header for this request: Content-Md5');
    const wrongCrc = await postDelete(body, { headers: { 'x-amz-checksum-crc32': 'AAAAAA==' } });
    expect(wrongCrc.status).toBe(400);
    expect(errorCode(wrongCrc.body)).toBe('BadDigest');
    await f.s3.send(new HeadObjectCommand({ Bucket: 'hard', Key: 'a.txt' }));
  });

  it('refuses a presigned DeleteObjects posted by an HTML form (text/plain, no Origin)', async () => {
    const body = '<Delete><Object><Key>a.txt</Key></Object></Delete>';
    const r = await postDelete(body, {
      presign: 300,
      unsignedHeaders: { 'content-type': 'text/plain', 'content-md5': md5(body) },
    });
    expect(r.status).toBe(403);
    expect(errorCode(r.body)).toBe('AccessDenied');
    await f.s3.send(new HeadObjectCommand({ Bucket: 'hard', Key: 'a.txt' }));
  });

  it('accepts a text/plain POST signed in its Authorization header, which no HTML form can send', async () => {
    await f.s3.send(new PutObjectCommand({ Bucket: 'hard', Key: 'plain-gone.txt', Body: 'x' }));
    const body = '<Delete><Object><Key>plain-gone.txt</Key></Object></Delete>';
    const r = await postDelete(body, { headers: { 'content-type': 'text/plain', 'content-md5': md5(body) } });
    expect([r.status, r.body]).toEqual([200, expect.stringContaining('<Key>plain-gone.txt</Key>')]);
  });

  it('refuses any request with an Origin header or a cross-site / same-site Sec-Fetch-Site', async () => {
    const extras: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const extra of extras) {
      const r = await signedRequest(f.aws.url, {
        method: 'GET',
        path: '/hard/a.txt',
        presign: 60,
        unsignedHeaders: extra,
      });
      expect([extra, r.status, errorCode(r.body)]).toEqual([extra, 403, 'AccessForbidden']);
    }
    // Typing a presigned URL in the address bar is not cross-site.
    const typed = await signedRequest(f.aws.url, {
      method: 'GET',
      path: '/hard/a.txt',
      presign: 60,
      unsignedHeaders: { 'sec-fetch-site': 'none' },
    });
    expect(typed.status).toBe(200);
  });

  it('still accepts CreateMultipartUpload of a text/plain object and the SDK DeleteObjects', async () => {
    const up = await f.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'hard', Key: 'notes.txt', ContentType: 'text/plain' }),
    );
    expect(up.UploadId).toBeTruthy();
    await f.s3.send(new PutObjectCommand({ Bucket: 'hard', Key: 'gone.txt', Body: 'x' }));
    const del = await f.s3.send(
      new DeleteObjectsCommand({ Bucket: 'hard', Delete: { Objects: [{ Key: 'gone.txt' }] } }),
    );
    expect(del.Deleted?.map((d) => d.Key)).toEqual(['gone.txt']);
  });
});

describe('bodies are covered by the signature', () => {
  it('refuses an XML body changed after signing (PutObjectTagging, DeleteObjects)', async () => {
    const signedTags = '<Tagging><TagSet><Tag><Key>k</Key><Value>good</Value></Tag></TagSet></Tagging>';
    const sentTags = '<Tagging><TagSet><Tag><Key>k</Key><Value>evil</Value></Tag></TagSet></Tagging>';
    const r = await signedRequest(f.aws.url, {
      method: 'PUT',
      path: '/hard/a.txt',
      query: { tagging: '' },
      body: signedTags,
      sendBody: sentTags,
    });
    expect(r.status).toBe(400);
    expect(errorCode(r.body)).toBe('XAmzContentSHA256Mismatch');
    const tags = await f.s3.send(new GetObjectTaggingCommand({ Bucket: 'hard', Key: 'a.txt' }));
    expect(tags.TagSet).toEqual([]);

    const signedDelete = '<Delete><Object><Key>other.txt</Key></Object></Delete>';
    const sentDelete = '<Delete><Object><Key>a.txt</Key></Object></Delete>';
    const d = await signedRequest(f.aws.url, {
      method: 'POST',
      path: '/hard',
      query: { delete: '' },
      body: signedDelete,
      sendBody: sentDelete,
      unsignedHeaders: { 'content-md5': md5(sentDelete) },
    });
    expect(d.status).toBe(400);
    expect(errorCode(d.body)).toBe('XAmzContentSHA256Mismatch');
    await f.s3.send(new HeadObjectCommand({ Bucket: 'hard', Key: 'a.txt' }));
  });

  it('refuses an S3 Control body changed after signing (PutJobTagging)', async () => {
    const signedBody =
      '<PutJobTaggingRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Tags><member><Key>a</Key><Value>1</Value></member></Tags></PutJobTaggingRequest>';
    const r = await signedRequest(f.aws.url, {
      method: 'PUT',
      path: '/v20180820/jobs/00000000-0000-0000-0000-000000000000/tagging',
      headers: { 'x-amz-account-id': ACCOUNT_ID },
      body: signedBody,
      sendBody: signedBody.replace('<Value>1', '<Value>2'),
    });
    expect(r.status).toBe(400);
    expect(r.body).toContain('<ErrorResponse');
    expect(errorCode(r.body)).toBe('XAmzContentSHA256Mismatch');
  });

  it('never commits a streamed PutObject whose bytes differ from the signed hash', async () => {
    const signedBytes = Buffer.alloc(200_000, 'a');
    const sentBytes = Buffer.from(signedBytes);
    sentBytes[150_000] = 0x62;
    const r = await signedRequest(f.aws.url, {
      method: 'PUT',
      path: '/hard/big.bin',
      body: signedBytes,
      sendBody: sentBytes,
    });
    expect(r.status).toBe(400);
    expect(errorCode(r.body)).toBe('XAmzContentSHA256Mismatch');
    const err = await errorOf(f.s3.send(new HeadObjectCommand({ Bucket: 'hard', Key: 'big.bin' })));
    expect(err.$metadata.httpStatusCode).toBe(404);
    const ok = await signedRequest(f.aws.url, { method: 'PUT', path: '/hard/big.bin', body: signedBytes });
    expect(ok.status).toBe(200);
  });

  it('checks every chunk signature of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD upload', async () => {
    const payload = Buffer.alloc(100_000, 'z');
    const put = (key: string, corrupt: boolean) => {
      const request = {
        method: 'PUT',
        path: `/hard/${key}`,
        payloadHash: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        headers: {
          'content-encoding': 'aws-chunked',
          'x-amz-decoded-content-length': String(payload.length),
        },
      };
      const signed = sign(f.aws.url, request);
      const body = signedChunks(signed, payload, 65_536);
      if (corrupt) body[70_000] = (body[70_000] as number) ^ 1;
      return send(
        f.aws.url,
        'PUT',
        signed.path,
        { ...signed.headers, 'content-length': String(body.length) },
        body,
      );
    };
    const bad = await put('chunked-bad.bin', true);
    expect(bad.status).toBe(403);
    expect(errorCode(bad.body)).toBe('SignatureDoesNotMatch');
    const missing = await errorOf(
      f.s3.send(new HeadObjectCommand({ Bucket: 'hard', Key: 'chunked-bad.bin' })),
    );
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const good = await put('chunked-good.bin', false);
    expect(good.status).toBe(200);
    const got = await f.s3.send(new GetObjectCommand({ Bucket: 'hard', Key: 'chunked-good.bin' }));
    expect(await text(got)).toBe(payload.toString());
  });

  it('accepts UNSIGNED-PAYLOAD for S3, as S3 does', async () => {
    const r = await signedRequest(f.aws.url, {
      method: 'PUT',
      path: '/hard/unsigned.txt',
      body: 'anything',
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(r.status).toBe(200);
  });
});

describe('XML limits', () => {
  const put = (body: string) =>
    signedRequest(f.aws.url, { method: 'PUT', path: '/hard/a.txt', query: { tagging: '' }, body });

  it('answers 400 MalformedXML for a DOCTYPE with entities and for deep nesting', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Tagging><TagSet><Tag><Key>k</Key><Value>&b;</Value></Tag></TagSet></Tagging>';
    const r = await put(laughs);
    expect([r.status, errorCode(r.body)]).toEqual([400, 'MalformedXML']);
    const deep = `<Tagging>${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}</Tagging>`;
    const d = await put(deep);
    expect([d.status, errorCode(d.body)]).toEqual([400, 'MalformedXML']);
    await stillUp();
  });

  it('answers 400 MaxMessageLengthExceeded for an XML body above the cap', async () => {
    const huge = `<Tagging><TagSet>${'<Tag><Key>k</Key><Value>v</Value></Tag>'.repeat(80_000)}</TagSet></Tagging>`;
    const r = await put(huge);
    expect([r.status, errorCode(r.body)]).toEqual([400, 'MaxMessageLengthExceeded']);
  });
});

describe('Region names', () => {
  it('refuses a signature scoped to a Region that is not a region name', async () => {
    const r = await signedRequest(f.aws.url, { method: 'GET', path: '/hard/a.txt', region: 'nowhere' });
    expect([r.status, errorCode(r.body)]).toEqual([400, 'AuthorizationHeaderMalformed']);
    const c = await signedRequest(f.aws.url, {
      method: 'GET',
      path: '/v20180820/jobs',
      region: 'x'.repeat(200),
      headers: { 'x-amz-account-id': ACCOUNT_ID },
    });
    expect([c.status, errorCode(c.body)]).toEqual([400, 'AuthorizationHeaderMalformed']);
  });
});

describe('write errors', () => {
  class FullDisk extends BlobStore {
    failing = false;
    override async write(source: AsyncIterable<Buffer>, onChunk?: (chunk: Buffer) => void) {
      if (!this.failing) return super.write(source, onChunk);
      for await (const _ of source) {
        // Fail as a full disk does, after the body has started to arrive.
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      throw new Error('unreachable');
    }
  }
  class FailingRows extends S3MetaStore {
    failing = false;
    override putVersion(row: Parameters<S3MetaStore['putVersion']>[0]) {
      if (this.failing) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return super.putVersion(row);
    }
  }

  it('answers 500 InternalError on ENOSPC or a failing row write, keeps the old object, stays up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-full-'));
    const blobs = new FullDisk(join(dataDir, 'blobs'));
    const meta = new FailingRows(join(dataDir, 's3.sqlite'));
    const g = await startFixture({ dataDir, stores: { blobs, meta } });
    try {
      await g.s3.send(new CreateBucketCommand({ Bucket: 'full' }));
      await g.s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: 'old' }));
      blobs.failing = true;
      const err = await errorOf(
        g.s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: Buffer.alloc(50_000, 'n') })),
      );
      expect([err.name, err.$metadata.httpStatusCode]).toEqual(['InternalError', 500]);
      blobs.failing = false;
      meta.failing = true;
      const rowErr = await errorOf(
        g.s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: Buffer.alloc(50_000, 'n') })),
      );
      expect([rowErr.name, rowErr.$metadata.httpStatusCode]).toEqual(['InternalError', 500]);
      meta.failing = false;
      expect(await text(await g.s3.send(new GetObjectCommand({ Bucket: 'full', Key: 'k' })))).toBe('old');
      // No blob file is left behind by either failure (the old object is inline).
      const files = readdirSync(join(dataDir, 'blobs'), { recursive: true, withFileTypes: true }).filter(
        (d) => d.isFile(),
      );
      expect(files).toEqual([]);
    } finally {
      await g.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
