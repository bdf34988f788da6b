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
export const DEMO_READONLY_ROLE_ARN = (accountId: string) =>
  `arn:aws:iam::${accountId}:role/batchops-demo-readonly`;

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'batchoperations.s3.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});
const DEMO_BUCKETS = [
  `arn:aws:s3:::${DEMO_SOURCE_BUCKET}`,
  `arn:aws:s3:::${DEMO_SOURCE_BUCKET}/*`,
  `arn:aws:s3:::${DEMO_REPORTS_BUCKET}`,
  `arn:aws:s3:::${DEMO_REPORTS_BUCKET}/*`,
];
/** What the demo jobs do: read the manifest and objects, tag / ACL / copy them, write the report. */
const READ = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:GetObjectTagging',
  's3:GetObjectVersionTagging',
  's3:GetObjectAcl',
  's3:GetObjectVersionAcl',
  's3:GetBucketLocation',
  's3:ListBucket',
];
const WRITE = [
  's3:PutObject',
  's3:PutObjectAcl',
  's3:PutObjectVersionAcl',
  's3:DeleteObjectTagging',
  's3:DeleteObjectVersionTagging',
];
const TAG = ['s3:PutObjectTagging', 's3:PutObjectVersionTagging'];
const policy = (actions: string[]) =>
  JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DemoBuckets', Effect: 'Allow', Action: actions, Resource: DEMO_BUCKETS },
        { Sid: 'InvokeFunctions', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' },
      ],
    },
    null,
    2,
  );

/**
 * The demo's roles (decision 0022): `batchops-demo` may do what the demo jobs need on the demo
 * buckets; `batchops-demo-readonly` lacks s3:PutObjectTagging, so a tagging job run as it fails
 * each task with AccessDenied (403) in its completion report.
 */
export const DEMO_ROLES = [
  {
    name: 'batchops-demo',
    description: 'S3 Batch Operations role of the demo jobs',
    trustPolicy: TRUST,
    policies: { 'batchops-demo': policy([...READ, ...WRITE, ...TAG]) },
  },
  {
    name: 'batchops-demo-readonly',
    description: 'Demo role without s3:PutObjectTagging: its tagging jobs fail with AccessDenied',
    trustPolicy: TRUST,
    policies: { 'batchops-demo-readonly': policy([...READ, ...WRITE]) },
  },
] as const;

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
