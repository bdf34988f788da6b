import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  bucketArn,
  type JobAccess,
  jobPermissionNeeds,
  mapBounded,
  objectArn,
  widestOperationParameters,
} from '@batchops/batch-formats';

export const DEMO_SOURCE_BUCKET = 'batchops-demo-source';
export const DEMO_REPORTS_BUCKET = 'batchops-demo-reports';
export const DEMO_MANIFEST_KEY = 'manifests/demo-manifest.csv';
export const DEMO_ROLE_ARN = (accountId: string) => `arn:aws:iam::${accountId}:role/batchops-demo`;
export const DEMO_READONLY_ROLE_ARN = (accountId: string) =>
  `arn:aws:iam::${accountId}:role/batchops-demo-readonly`;

/** Batch Operations assumes the demo roles; S3 too, since the replication rule dialog offers them. */
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: ['batchoperations.s3.amazonaws.com', 's3.amazonaws.com'] },
      Action: 'sts:AssumeRole',
    },
  ],
});
const DEMO_BUCKETS = [DEMO_SOURCE_BUCKET, DEMO_REPORTS_BUCKET];

/**
 * What any demo job needs, from the permissions table (decision 0025): every operation over either
 * demo bucket, with a CSV, inventory or generated manifest there and its report there; object
 * actions on `<bucket>/*`, bucket actions on the buckets, functions of the account.
 */
function demoJobActions(): { objects: string[]; buckets: string[]; functions: string[] } {
  const found = { objects: new Set<string>(), buckets: new Set<string>(), functions: new Set<string>() };
  const report = { bucket: DEMO_REPORTS_BUCKET };
  const manifests: JobAccess['manifest'][] = [
    { format: 'inventory', bucket: DEMO_SOURCE_BUCKET, key: 'manifest.json', versionId: 'v' },
    { format: 'csv', bucket: DEMO_SOURCE_BUCKET, key: DEMO_MANIFEST_KEY },
    {
      format: 'generated',
      sourceBucket: DEMO_SOURCE_BUCKET,
      eligibleForReplication: true,
      output: { bucket: DEMO_REPORTS_BUCKET },
    },
  ];
  for (const [name, params] of Object.entries(widestOperationParameters(bucketArn(DEMO_SOURCE_BUCKET))))
    for (const manifest of manifests)
      for (const need of jobPermissionNeeds({
        partition: 'aws',
        operation: { [name]: params },
        sourceBuckets: DEMO_BUCKETS,
        manifest,
        report,
      }))
        for (const action of [...need.actions, ...need.versionActions]) {
          const kind = action.startsWith('lambda:')
            ? found.functions
            : need.resources.every((r) => r.includes('/'))
              ? found.objects
              : found.buckets;
          kind.add(action);
        }
  return {
    objects: [...found.objects].sort(),
    buckets: [...found.buckets].sort(),
    functions: [...found.functions].sort(),
  };
}

/**
 * The replication role of a rule on a demo bucket, as AWS's replication examples list it: read the
 * configuration and the versions on the source; write replicas to any destination. The destination
 * is a bucket the user creates (its name unknown here), so the replica actions name every bucket;
 * S3 itself keeps replicas inside the account (a destination of another account must consent).
 */
const REPLICATION_STATEMENTS = [
  {
    Sid: 'ReplicationSource',
    Effect: 'Allow',
    Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
    Resource: DEMO_BUCKETS.map((b) => bucketArn(b)),
  },
  {
    Sid: 'ReplicationSourceObjects',
    Effect: 'Allow',
    Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
    Resource: DEMO_BUCKETS.map((b) => objectArn(b, '*')),
  },
  {
    Sid: 'ReplicationDestination',
    Effect: 'Allow',
    Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
    Resource: objectArn('*', '*'),
  },
];

/** The demo role's policy; `withhold` names actions it lacks (the read-only role's tagging). */
function demoPolicy(accountId: string, withhold: readonly string[] = []): string {
  const { objects, buckets, functions } = demoJobActions();
  const keep = (actions: string[]) => actions.filter((a) => !withhold.includes(a));
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DemoObjects',
          Effect: 'Allow',
          Action: keep(objects),
          Resource: DEMO_BUCKETS.map((b) => objectArn(b, '*')),
        },
        {
          Sid: 'DemoBuckets',
          Effect: 'Allow',
          Action: keep(buckets),
          Resource: DEMO_BUCKETS.map((b) => bucketArn(b)),
        },
        {
          Sid: 'InvokeFunctions',
          Effect: 'Allow',
          Action: functions,
          Resource: `arn:aws:lambda:*:${accountId}:function:*`,
        },
        ...REPLICATION_STATEMENTS,
      ],
    },
    null,
    2,
  );
}

/** Tagging actions the read-only demo role lacks. */
const TAG = ['s3:PutObjectTagging', 's3:PutObjectVersionTagging'];

/**
 * The demo's roles (decisions 0022, 0025): `batchops-demo` may run every operation's job on the demo
 * buckets and be a replication rule's role there; `batchops-demo-readonly` lacks s3:PutObjectTagging,
 * so a tagging job run as it fails each task with AccessDenied (403) in its completion report.
 */
export const demoRoles = (accountId: string) =>
  [
    {
      name: 'batchops-demo',
      description: 'S3 Batch Operations and replication role of the demo buckets',
      trustPolicy: TRUST,
      policies: { 'batchops-demo': demoPolicy(accountId) },
    },
    {
      name: 'batchops-demo-readonly',
      description: 'Demo role without s3:PutObjectTagging: its tagging jobs fail with AccessDenied',
      trustPolicy: TRUST,
      policies: { 'batchops-demo-readonly': demoPolicy(accountId, TAG) },
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
  // ACLs on (as a user asks on AWS since April 2023) so the demo can run the ACL operation too.
  await s3.send(
    new CreateBucketCommand({ Bucket: DEMO_SOURCE_BUCKET, ObjectOwnership: 'BucketOwnerPreferred' }),
  );
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
  await mapBounded(keys, 32, (Key) =>
    s3.send(new PutObjectCommand({ Bucket: DEMO_SOURCE_BUCKET, Key, Body: `demo object ${Key}\n` })),
  );
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
