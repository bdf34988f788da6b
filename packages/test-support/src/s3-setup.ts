import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type PutObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';

/** Create a bucket with versioning enabled. */
export async function createVersionedBucket(s3: S3Client, Bucket: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
}

/** Put each `[key, body]` in order (a key twice makes two versions in a versioned bucket); the answers in order. */
export async function putObjects<const T extends ReadonlyArray<readonly [string, string | Buffer]>>(
  s3: S3Client,
  Bucket: string,
  objects: T,
): Promise<{ -readonly [K in keyof T]: PutObjectCommandOutput }> {
  const out: PutObjectCommandOutput[] = [];
  for (const [Key, Body] of objects) out.push(await s3.send(new PutObjectCommand({ Bucket, Key, Body })));
  return out as { -readonly [K in keyof T]: PutObjectCommandOutput };
}
