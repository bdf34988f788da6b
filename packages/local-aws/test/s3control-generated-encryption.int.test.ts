import { CreateBucketCommand, PutObjectCommand, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import type { ObjectEncryptionFilter } from '@aws-sdk/client-s3-control';
import { csvJobInput, reportLines, runJobToEnd, s3ControlClientFor } from '@batchops/test-support';
import { describe, expect, it } from 'vitest';
import { useFixture } from './support/local-aws-fixture.js';

// The manifest generator's MatchAnyObjectEncryption filter with the model's sub-filters (issue 24 §3):
// SSE-KMS by key ARN and by S3 Bucket Key, DSSE-KMS, SSE-C and NOTSSE, through the SDK.

const KEY_1 = 'arn:aws:kms:us-east-1:000000000000:key/11111111-1111-1111-1111-111111111111';
const KEY_2 = 'arn:aws:kms:us-east-1:000000000000:key/22222222-2222-2222-2222-222222222222';
const OBJECTS: Record<string, Partial<PutObjectCommandInput>> = {
  's3.txt': {},
  'kms-1.txt': { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_1 },
  'kms-1-bucket-key.txt': { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_1, BucketKeyEnabled: true },
  'kms-2.txt': { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_2 },
};

const fx = useFixture({}, async (f) => {
  for (const Bucket of ['enc-src', 'enc-reports']) await f.s3.send(new CreateBucketCommand({ Bucket }));
  for (const [Key, extra] of Object.entries(OBJECTS))
    await f.s3.send(new PutObjectCommand({ Bucket: 'enc-src', Key, Body: Key, ...extra }));
});

/** The keys a generated-manifest tagging job over enc-src picks with this encryption filter. */
async function keysPicked(filter: ObjectEncryptionFilter, prefix: string): Promise<string[]> {
  const { Manifest: _none, ...input } = csvJobInput({
    operation: { S3PutObjectTagging: { TagSet: [{ Key: 'seen', Value: prefix }] } },
    manifest: { ObjectArn: '', ETag: '' },
    reportBucket: 'enc-reports',
    reportPrefix: prefix,
  });
  const job = await runJobToEnd(s3ControlClientFor(fx.aws.url), {
    ...input,
    ManifestGenerator: {
      S3JobManifestGenerator: {
        SourceBucket: 'arn:aws:s3:::enc-src',
        EnableManifestOutput: false,
        Filter: { MatchAnyObjectEncryption: [filter] },
      },
    },
  });
  expect(job.FailureReasons ?? []).toEqual([]);
  if ((job.ProgressSummary?.TotalNumberOfTasks ?? 0) === 0) return [];
  const lines = await reportLines(fx.s3, 'enc-reports', prefix, job.JobId);
  return lines.map((l) => l.split(',')[1] as string).sort();
}

describe('MatchAnyObjectEncryption', () => {
  it.each<[string, ObjectEncryptionFilter, string[]]>([
    ['SSE-S3', { SSES3: {} }, ['s3.txt']],
    ['SSE-KMS, any key', { SSEKMS: {} }, ['kms-1-bucket-key.txt', 'kms-1.txt', 'kms-2.txt']],
    ['SSE-KMS with one key', { SSEKMS: { KmsKeyArn: KEY_1 } }, ['kms-1-bucket-key.txt', 'kms-1.txt']],
    ['SSE-KMS with a Bucket Key', { SSEKMS: { BucketKeyEnabled: true } }, ['kms-1-bucket-key.txt']],
    ['SSE-KMS without one', { SSEKMS: { KmsKeyArn: KEY_1, BucketKeyEnabled: false } }, ['kms-1.txt']],
    ['DSSE-KMS', { DSSEKMS: {} }, []],
    ['SSE-C', { SSEC: {} }, []],
    ['NOTSSE', { NOTSSE: {} }, []],
  ])('%s', async (name, filter, keys) => {
    expect(await keysPicked(filter, name.replace(/[^a-z0-9]+/gi, '-'))).toEqual(keys);
  });
});
