import { createHash } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useFixture } from './support/local-aws-fixture.js';

// GetObject / HeadObject of one part (?partNumber) of an object uploaded with part checksums: under
// checksum mode S3 answers that part's checksum, typed COMPOSITE (issue 24 §3).

const MIB = 1024 * 1024;
const PARTS = [Buffer.alloc(5 * MIB, 'a'), Buffer.alloc(2 * MIB, 'b')];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('base64');

const fx = useFixture({}, async (f) => {
  await f.s3.send(new CreateBucketCommand({ Bucket: 'parts' }));
  const { UploadId } = await f.s3.send(
    new CreateMultipartUploadCommand({ Bucket: 'parts', Key: 'mp', ChecksumAlgorithm: 'SHA256' }),
  );
  const uploaded = [];
  for (const [i, Body] of PARTS.entries()) {
    const out = await f.s3.send(
      new UploadPartCommand({
        Bucket: 'parts',
        Key: 'mp',
        UploadId,
        PartNumber: i + 1,
        Body,
        ChecksumSHA256: sha256(Body),
      }),
    );
    uploaded.push({ PartNumber: i + 1, ETag: out.ETag, ChecksumSHA256: out.ChecksumSHA256 });
  }
  await f.s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: 'parts',
      Key: 'mp',
      UploadId,
      MultipartUpload: { Parts: uploaded },
    }),
  );
});

describe('a part of a multipart object with part checksums', () => {
  it.each([1, 2])(
    'GetObject and HeadObject of part %i answer its checksum as COMPOSITE',
    async (PartNumber) => {
      const input = { Bucket: 'parts', Key: 'mp', PartNumber, ChecksumMode: 'ENABLED' as const };
      const part = PARTS[PartNumber - 1] as Buffer;
      const got = await fx.s3.send(new GetObjectCommand(input));
      expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(part)).toBe(true);
      const head = await fx.s3.send(new HeadObjectCommand(input));
      for (const out of [got, head]) {
        expect([out.ChecksumSHA256, out.ChecksumType, out.PartsCount]).toEqual([
          sha256(part),
          'COMPOSITE',
          2,
        ]);
        expect(out.ContentLength).toBe(part.length);
      }
    },
  );

  it('answers no checksum without checksum mode, and the whole-object one for the whole object', async () => {
    const plain = await fx.s3.send(new HeadObjectCommand({ Bucket: 'parts', Key: 'mp', PartNumber: 1 }));
    expect(plain.ChecksumSHA256).toBeUndefined();
    const whole = await fx.s3.send(
      new HeadObjectCommand({ Bucket: 'parts', Key: 'mp', ChecksumMode: 'ENABLED' }),
    );
    expect(whole.ChecksumSHA256).toMatch(/-2$/);
    expect(whole.ChecksumType).toBe('COMPOSITE');
  });
});
