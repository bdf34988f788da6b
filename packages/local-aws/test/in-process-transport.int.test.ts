import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessTransport, queryString } from '../src/http/in-process-transport.js';
import { createLocalAws, type LocalAws } from '../src/index.js';

// The transport the engine's S3 clients use (decision 0029): the SDK against the handler, no socket.
let local: LocalAws;
let dataDir: string;
let s3: S3Client;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-aws-in-process-'));
  local = createLocalAws({ dataDir });
  s3 = new S3Client({
    region: 'us-east-1',
    // Never listened on: a request that tried the network would fail.
    endpoint: 'http://127.0.0.1:9',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
    requestHandler: inProcessTransport(() => local.handle),
  });
});
afterAll(async () => {
  s3.destroy();
  await local.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('inProcessTransport', () => {
  it('carries SDK calls to the handler with their signature, query, headers and bodies intact', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'in-process' }));
    const key = "dir/a b+c(1)'*!ü日本.txt";
    await s3.send(
      new PutObjectCommand({
        Bucket: 'in-process',
        Key: key,
        Body: 'hello',
        Metadata: { note: 'grüße 日本' },
      }),
    );
    // A streamed body of unknown length goes chunked, as node:http sends it.
    await s3.send(
      new PutObjectCommand({
        Bucket: 'in-process',
        Key: 'streamed',
        Body: Readable.from([Buffer.from('abc'), Buffer.from('def')]),
        ContentLength: 6,
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'in-process', Key: key }));
    expect(await got.Body?.transformToString()).toBe('hello');
    // Signed as UTF-8 text, answered RFC 2047-encoded: what a socket would carry.
    expect(got.Metadata).toEqual({ note: `=?UTF-8?B?${Buffer.from('grüße 日本').toString('base64')}?=` });
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'in-process', Key: 'streamed' }));
    expect(head.ContentLength).toBe(6);
    const list = await s3.send(
      new ListObjectsV2Command({ Bucket: 'in-process', Prefix: "dir/a b+c(1)'*", MaxKeys: 5 }),
    );
    expect(list.Contents?.map((c) => c.Key)).toEqual([key]);
    await s3.send(
      new PutObjectTaggingCommand({
        Bucket: 'in-process',
        Key: key,
        Tagging: { TagSet: [{ Key: 'k', Value: 'v 1' }] },
      }),
    );
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'in-process', Key: key }));
    expect(tags.TagSet).toEqual([{ Key: 'k', Value: 'v 1' }]);
  });

  it('answers errors as the SDK knows them (a 404 HEAD, a bad signature)', async () => {
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'in-process', Key: 'nope' }))).rejects.toMatchObject(
      {
        $metadata: { httpStatusCode: 404 },
      },
    );
    const wrong = new S3Client({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' },
      maxAttempts: 1,
      requestHandler: inProcessTransport(() => local.handle),
    });
    await expect(
      wrong.send(new GetObjectCommand({ Bucket: 'in-process', Key: 'streamed' })),
    ).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
  });

  it('builds the query string as the SDK puts it on the wire', () => {
    expect(queryString({ 'list-type': '2', prefix: "a b+*'", tagging: '', 'x-id': 'GetObject' })).toBe(
      'list-type=2&prefix=a%20b%2B%2A%27&tagging=&x-id=GetObject',
    );
    expect(queryString({ uploads: null, a: ['1', '2'] })).toBe('a=1&a=2&uploads');
  });
});
