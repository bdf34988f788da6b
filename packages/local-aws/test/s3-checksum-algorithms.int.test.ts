import { createHash } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { errorOf, useFixture } from './support/local-aws-fixture.js';

// The upload checksums the S3 model's ChecksumAlgorithm enum added (issue 24 §3): stored, verified and
// answered like CRC32 or SHA256 on PutObject, UploadPart, CompleteMultipartUpload and CopyObject.

type NewAlgorithm = 'SHA512' | 'MD5' | 'XXHASH64' | 'XXHASH3' | 'XXHASH128';
const BODY = Buffer.from('hello world');
const nodeDigest = (name: string, b: Buffer) => createHash(name).update(b).digest('base64');
// xxHash of "hello world", seed 0, canonical (big-endian) digest: the reference values of xxHash.
const EXPECTED: Record<NewAlgorithm, string> = {
  SHA512: nodeDigest('sha512', BODY),
  MD5: nodeDigest('md5', BODY),
  XXHASH64: Buffer.from('45ab6734b21e6968', 'hex').toString('base64'),
  XXHASH3: Buffer.from('d447b1ea40e6988b', 'hex').toString('base64'),
  XXHASH128: Buffer.from('df8d09e93f874900a99b8775cc15b6c7', 'hex').toString('base64'),
};
const ALGORITHMS = Object.keys(EXPECTED) as NewAlgorithm[];
const field = (a: NewAlgorithm) => `Checksum${a}` as const;

const fx = useFixture({}, async ({ s3 }) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'sums' }));
  // A copy source with another checksum (the SDK's CRC32): CopyObject must compute the new one.
  await s3.send(new PutObjectCommand({ Bucket: 'sums', Key: 'source', Body: BODY }));
});

describe('PutObject and CopyObject with every algorithm of the model', () => {
  it.each(ALGORITHMS)('%s: the checksum is verified, stored and answered', async (algorithm) => {
    const Key = `put-${algorithm}`;
    const put = await fx.s3.send(
      new PutObjectCommand({ Bucket: 'sums', Key, Body: BODY, [field(algorithm)]: EXPECTED[algorithm] }),
    );
    expect([put[field(algorithm)], put.ChecksumType]).toEqual([EXPECTED[algorithm], 'FULL_OBJECT']);
    const head = await fx.s3.send(new HeadObjectCommand({ Bucket: 'sums', Key, ChecksumMode: 'ENABLED' }));
    expect(head[field(algorithm)]).toBe(EXPECTED[algorithm]);

    const wrong = await errorOf(
      fx.s3.send(
        new PutObjectCommand({
          Bucket: 'sums',
          Key: `${Key}-wrong`,
          Body: Buffer.from('hello'),
          [field(algorithm)]: EXPECTED[algorithm],
        }),
      ),
    );
    expect([wrong.$metadata.httpStatusCode, wrong.name]).toEqual([400, 'BadDigest']);
    expect(wrong.message).toBe(`The ${algorithm} you specified did not match the calculated checksum.`);
    const absent = await errorOf(fx.s3.send(new HeadObjectCommand({ Bucket: 'sums', Key: `${Key}-wrong` })));
    expect(absent.$metadata.httpStatusCode).toBe(404);

    const copy = await fx.s3.send(
      new CopyObjectCommand({
        Bucket: 'sums',
        Key: `${Key}-copy`,
        CopySource: 'sums/source',
        ChecksumAlgorithm: algorithm,
      }),
    );
    expect(copy.CopyObjectResult?.[field(algorithm)]).toBe(EXPECTED[algorithm]);
  });
});

describe('a multipart upload with a new algorithm', () => {
  const MIB = 1024 * 1024;
  const parts = [Buffer.alloc(5 * MIB, 'x'), BODY];

  it('refuses FULL_OBJECT for any algorithm but the CRCs, as S3 does for SHA1 and SHA256', async () => {
    for (const ChecksumAlgorithm of ['SHA256', ...ALGORITHMS] as const) {
      const err = await errorOf(
        fx.s3.send(
          new CreateMultipartUploadCommand({
            Bucket: 'sums',
            Key: 'full',
            ChecksumAlgorithm,
            ChecksumType: 'FULL_OBJECT',
          }),
        ),
      );
      expect([err.$metadata.httpStatusCode, err.name, err.message]).toEqual([
        400,
        'InvalidRequest',
        `The FULL_OBJECT checksum type cannot be used with the ${ChecksumAlgorithm.toLowerCase()} checksum algorithm.`,
      ]);
    }
  });

  it.each(['SHA512', 'MD5'] as const)(
    '%s: part checksums verified, the object COMPOSITE over them',
    async (algorithm) => {
      const hash = algorithm.toLowerCase();
      const Key = `mp-${algorithm}`;
      const { UploadId } = await fx.s3.send(
        new CreateMultipartUploadCommand({ Bucket: 'sums', Key, ChecksumAlgorithm: algorithm }),
      );
      const part = (PartNumber: number, Body: Buffer, value: string) =>
        fx.s3.send(
          new UploadPartCommand({
            Bucket: 'sums',
            Key,
            UploadId,
            PartNumber,
            Body,
            [field(algorithm)]: value,
          }),
        );
      const bad = await errorOf(part(1, parts[0] as Buffer, EXPECTED[algorithm]));
      expect(bad.name).toBe('BadDigest');
      const uploaded = [];
      for (const [i, Body] of parts.entries()) {
        const out = await part(i + 1, Body, nodeDigest(hash, Body));
        expect(out[field(algorithm)]).toBe(nodeDigest(hash, Body));
        uploaded.push({ PartNumber: i + 1, ETag: out.ETag, [field(algorithm)]: out[field(algorithm)] });
      }
      const done = await fx.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'sums',
          Key,
          UploadId,
          MultipartUpload: { Parts: uploaded },
        }),
      );
      const partDigests = Buffer.concat(parts.map((p) => createHash(hash).update(p).digest()));
      const composite = `${nodeDigest(hash, partDigests)}-2`;
      expect([done[field(algorithm)], done.ChecksumType]).toEqual([composite, 'COMPOSITE']);
      const head = await fx.s3.send(new HeadObjectCommand({ Bucket: 'sums', Key, ChecksumMode: 'ENABLED' }));
      expect([head[field(algorithm)], head.ChecksumType]).toEqual([composite, 'COMPOSITE']);
    },
  );
});
