import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

export const DEMO_SOURCE_BUCKET = 'batchops-demo-source';
export const DEMO_REPORTS_BUCKET = 'batchops-demo-reports';
export const DEMO_MANIFEST_KEY = 'manifests/demo-manifest.csv';
export const DEMO_ROLE_ARN = (accountId: string) => `arn:aws:iam::${accountId}:role/batchops-demo`;

const PREFIXES = ['images/2024/', 'images/2025/', 'logs/app/', 'logs/web/', 'reports/q1/', 'reports/q2/'];
const PER_PREFIX = 90;

/**
 * The demo a first start shows: a versioned source bucket with 540 objects over six prefixes, a
 * reports bucket, and a CSV manifest naming every source object. Written through the S3 API, once
 * (a marker file in the data directory remembers it).
 */
export async function seedDemo(s3: S3Client, dataDir: string): Promise<boolean> {
  const marker = join(dataDir, '.demo-seeded');
  if (existsSync(marker)) return false;
  await s3.send(new CreateBucketCommand({ Bucket: DEMO_SOURCE_BUCKET }));
  await s3.send(
    new PutBucketVersioningCommand({
      Bucket: DEMO_SOURCE_BUCKET,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  await s3.send(new CreateBucketCommand({ Bucket: DEMO_REPORTS_BUCKET }));
  const keys: string[] = [];
  for (const prefix of PREFIXES) {
    for (let i = 0; i < PER_PREFIX; i++) {
      const ext = prefix.startsWith('images') ? 'jpg' : prefix.startsWith('logs') ? 'log' : 'csv';
      keys.push(`${prefix}object-${String(i).padStart(4, '0')}.${ext}`);
    }
  }
  for (let i = 0; i < keys.length; i += 32) {
    await Promise.all(
      keys
        .slice(i, i + 32)
        .map((Key) =>
          s3.send(new PutObjectCommand({ Bucket: DEMO_SOURCE_BUCKET, Key, Body: `demo object ${Key}\n` })),
        ),
    );
  }
  const manifest = keys
    .map((k) => `${DEMO_SOURCE_BUCKET},${encodeURIComponent(k).replace(/%2F/g, '/')}`)
    .join('\n');
  await s3.send(
    new PutObjectCommand({
      Bucket: DEMO_SOURCE_BUCKET,
      Key: DEMO_MANIFEST_KEY,
      Body: `${manifest}\n`,
      ContentType: 'text/csv',
    }),
  );
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return true;
}
