import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useFixture } from './support/local-aws-fixture.js';
import { errorCode, signedRequest } from './support/signed-http.js';

// Request headers as an outside S3 suite sends them (issue 24 §3): an Expect other than
// 100-continue, SigV4 timed by `Date`, and Content-Encoding naming aws-chunked on a body that is not.

const fx = useFixture({}, async (f) => {
  await f.s3.send(new CreateBucketCommand({ Bucket: 'headers' }));
});

const put = (Key: string, body: string | Buffer, extra: Partial<Parameters<typeof signedRequest>[1]> = {}) =>
  signedRequest(fx.aws.url, { method: 'PUT', path: `/headers/${Key}`, body, ...extra });

const bodyOf = async (Key: string) =>
  Buffer.from(
    (await (
      await fx.s3.send(new GetObjectCommand({ Bucket: 'headers', Key }))
    ).Body?.transformToByteArray()) ?? [],
  );

describe('Expect', () => {
  it.each(['200-ok', ''])(
    'serves a PutObject with Expect: %j as if it had none (not 417)',
    async (expect_) => {
      const r = await put(`expect-${expect_ || 'empty'}`, 'body', { headers: { expect: expect_ } });
      expect(r.status, r.body).toBe(200);
      expect((await bodyOf(`expect-${expect_ || 'empty'}`)).toString()).toBe('body');
    },
  );
});

describe('SigV4 timed by the Date header', () => {
  it.each(['amz', 'http'] as const)(
    'accepts a request signed with Date (%s form) and no X-Amz-Date',
    async (form) => {
      const r = await put(`dated-${form}`, 'dated', { dateHeader: form });
      expect(r.status, r.body).toBe(200);
      expect((await bodyOf(`dated-${form}`)).toString()).toBe('dated');
    },
  );

  it('still refuses a Date far from now (RequestTimeTooSkewed)', async () => {
    const skewed = await put('skewed', 'x', { dateHeader: 'http', date: new Date(Date.now() - 3_600_000) });
    expect([skewed.status, errorCode(skewed.body)]).toEqual([403, 'RequestTimeTooSkewed']);
  });
});

describe('Content-Encoding: gzip, aws-chunked', () => {
  it('stores a body with a plain payload hash as sent (not aws-chunk decoded), Content-Encoding gzip', async () => {
    const gz = gzipSync('hello, gzip');
    const r = await put('gz', gz, {
      headers: { 'content-encoding': 'gzip, aws-chunked', 'content-type': 'text/plain' },
      payloadHash: createHash('sha256').update(gz).digest('hex'),
    });
    expect(r.status, r.body).toBe(200);
    expect((await bodyOf('gz')).equals(gz)).toBe(true);
    const head = await fx.s3.send(new HeadObjectCommand({ Bucket: 'headers', Key: 'gz' }));
    expect([head.ContentEncoding, head.ContentLength]).toEqual(['gzip', gz.length]);
  });
});

describe('server-side encryption headers', () => {
  it('refuses a KMS key ID without x-amz-server-side-encryption: aws:kms (400 InvalidArgument)', async () => {
    const r = await put('kms-undeclared', 'body', {
      headers: { 'x-amz-server-side-encryption-aws-kms-key-id': 'testkey-2' },
    });
    expect([r.status, errorCode(r.body)]).toEqual([400, 'InvalidArgument']);
    expect(r.body).toContain('requires HTTP header x-amz-server-side-encryption : aws:kms');
  });

  it.each(['GET', 'HEAD'])(
    'refuses %s naming x-amz-server-side-encryption, as S3 does (400)',
    async (method) => {
      const headers = { 'x-amz-server-side-encryption': 'aws:kms' };
      expect((await put('kms-read', 'body', { headers })).status).toBe(200);
      const r = await signedRequest(fx.aws.url, { method, path: '/headers/kms-read', headers });
      expect(r.status).toBe(400);
      if (method === 'GET') expect(errorCode(r.body)).toBe('InvalidArgument');
    },
  );

  it('answers the KMS key of a write on PutObject, CopyObject and each step of a multipart upload', async () => {
    const kms = { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'testkey-2' } as const;
    const answers = [
      await fx.s3.send(new PutObjectCommand({ Bucket: 'headers', Key: 'kms-put', Body: 'x', ...kms })),
      await fx.s3.send(
        new CopyObjectCommand({ Bucket: 'headers', Key: 'kms-copy', CopySource: 'headers/kms-put', ...kms }),
      ),
    ];
    const { UploadId } = await fx.s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'headers', Key: 'kms-mpu', ...kms }),
    );
    const part = await fx.s3.send(
      new UploadPartCommand({ Bucket: 'headers', Key: 'kms-mpu', UploadId, PartNumber: 1, Body: 'x' }),
    );
    answers.push(
      part,
      await fx.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'headers',
          Key: 'kms-mpu',
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
        }),
      ),
    );
    expect(answers.map((a) => [a.ServerSideEncryption, a.SSEKMSKeyId])).toEqual(
      answers.map(() => ['aws:kms', 'testkey-2']),
    );
  });
});
