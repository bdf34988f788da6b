import {
  CreateBucketCommand,
  PutBucketReplicationCommand,
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

/** Put each key with its body, in order; the answers by key. */
export async function putObjects<K extends string>(
  s3: S3Client,
  Bucket: string,
  objects: Readonly<Record<K, string | Buffer>>,
): Promise<Record<K, PutObjectCommandOutput>> {
  const out = {} as Record<K, PutObjectCommandOutput>;
  for (const Key of Object.keys(objects) as K[])
    out[Key] = await s3.send(new PutObjectCommand({ Bucket, Key, Body: objects[Key] }));
  return out;
}

/** Put one key once per body, in order (versions in a versioned bucket); the answers in order. */
export async function putVersions<const B extends readonly (string | Buffer)[]>(
  s3: S3Client,
  Bucket: string,
  Key: string,
  ...bodies: B
): Promise<{ -readonly [I in keyof B]: PutObjectCommandOutput }> {
  const out: PutObjectCommandOutput[] = [];
  for (const Body of bodies) out.push(await s3.send(new PutObjectCommand({ Bucket, Key, Body })));
  return out as { -readonly [I in keyof B]: PutObjectCommandOutput };
}

/** Replicate `Bucket`'s keys under `prefix` (all by default) to `destination`, one enabled rule as `role`. */
export async function putReplicationRule(
  s3: S3Client,
  Bucket: string,
  destination: string,
  role: string,
  prefix = '',
): Promise<void> {
  const rule = {
    ID: 'all',
    Priority: 1,
    Status: 'Enabled' as const,
    Filter: { Prefix: prefix },
    DeleteMarkerReplication: { Status: 'Disabled' as const },
    Destination: { Bucket: `arn:aws:s3:::${destination}` },
  };
  await s3.send(
    new PutBucketReplicationCommand({ Bucket, ReplicationConfiguration: { Role: role, Rules: [rule] } }),
  );
}
