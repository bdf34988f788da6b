import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CreateFunctionCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  CreateBucketCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
  type StorageClass,
} from '@aws-sdk/client-s3';
import type { JobWizardInput, WizardOperation } from '@batchops/contracts';
import { zipOf } from '@batchops/test-support';

// The operations × manifest kinds of the permissions matrix (issue 17 §2): each cell a small job
// over its own objects, so a restore or a retention in one cell never meets another's.

export const ACCOUNT = '000000000000';
/** Objects (all cells but Object Lock and replication), manifests, reports, copy destination. */
export const SRC = 'pm-src';
export const MANIFESTS = 'pm-man';
export const REPORTS = 'pm-rep';
export const DEST = 'pm-dest';
const LOCKED = 'pm-lock';
/** Versioned, for the cells whose rows name versions (Object Lock and replication buckets are too). */
const VERSIONED = 'pm-ver';
const REPLICATED = 'pm-repl';
const REPLICA = 'pm-repl-dst';
const FUNCTION = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:pm-ok`;
const KMS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** `csv-versions`: a CSV manifest whose rows name version IDs (S3 then checks the version actions). */
export type Kind = 'csv' | 'csv-versions' | 'inventory' | 'generated';

export interface Cell {
  readonly name: string;
  readonly kind: Kind;
  readonly bucket: string;
  readonly operation: WizardOperation;
  readonly storageClass?: StorageClass;
}

const OPERATIONS: readonly (Omit<Cell, 'name' | 'kind' | 'bucket'> & { bucket?: string; kinds?: Kind[] })[] =
  [
    { operation: { type: 'copy', targetBucket: DEST, targetKeyPrefix: 'copies' } },
    { operation: { type: 'tagging', tags: [{ key: 'checked', value: 'yes' }] } },
    { operation: { type: 'deleteTagging' } },
    { operation: { type: 'acl', cannedAcl: 'private' } },
    {
      operation: { type: 'restore', expirationInDays: 1, glacierJobTier: 'STANDARD' },
      storageClass: 'GLACIER',
    },
    {
      operation: { type: 'lambda', functionArn: FUNCTION, invocationSchemaVersion: '1.0', userArguments: [] },
    },
    { operation: { type: 'legalHold', status: 'ON' }, bucket: LOCKED },
    {
      operation: {
        type: 'retention',
        action: 'set',
        mode: 'GOVERNANCE',
        retainUntilDate: '2030-01-01T00:00:00.000Z',
        bypassGovernanceRetention: false,
      },
      bucket: LOCKED,
    },
    {
      operation: { type: 'replicate' },
      bucket: REPLICATED,
      kinds: ['csv', 'csv-versions', 'inventory', 'generated'],
    },
    { operation: { type: 'checksum', algorithm: 'SHA256', checksumType: 'FULL_OBJECT' } },
    { operation: { type: 'updateEncryption', kmsKeyArn: KMS_KEY, bucketKeyEnabled: false } },
  ];

/** Every operation × every manifest kind it supports (a generated manifest: replication only). */
export const CELLS: readonly Cell[] = OPERATIONS.flatMap((o) =>
  (o.kinds ?? (['csv', 'csv-versions', 'inventory'] as Kind[])).map((kind) => ({
    name: `${o.operation.type}-${kind}`,
    kind,
    bucket: o.bucket ?? (kind === 'csv-versions' ? VERSIONED : SRC),
    operation: o.operation,
    ...(o.storageClass ? { storageClass: o.storageClass } : {}),
  })),
);

const KEYS = ['a.txt', 'b c.txt'];

/** The cell's manifest location (generated manifests have none to write). */
const manifestKey = (c: Cell) =>
  c.kind === 'inventory' ? `inv/${c.bucket}/${c.name}/2026-01-01T00-00Z/manifest.json` : `${c.name}.csv`;

/** The job part of the wizard model for a cell. */
export function cellJob(c: Cell): Pick<JobWizardInput, 'manifest' | 'operation' | 'report'> {
  return {
    manifest:
      c.kind === 'generated'
        ? {
            format: 'replication',
            generator: {
              sourceBucket: c.bucket,
              // Objects replicated by an earlier run are listed again.
              replicationStatuses: ['NONE', 'FAILED', 'COMPLETED'],
              output: { bucket: REPORTS, prefix: 'generated' },
            },
          }
        : { format: c.kind === 'inventory' ? 'inventory' : 'csv', bucket: MANIFESTS, key: manifestKey(c) },
    operation: c.operation,
    report: { enabled: true, bucket: REPORTS, prefix: 'reports', scope: 'AllTasks' },
  };
}

const LAMBDA_OK = `export const handler = async (event) => ({
  invocationSchemaVersion: '1.0',
  treatMissingKeysAs: 'PermanentFailure',
  invocationId: event.invocationId,
  results: event.tasks.map((t) => ({ taskId: t.taskId, resultCode: 'Succeeded', resultString: 'ok' })),
});
`;

/** The buckets, the function, and each cell's objects and manifest (written as the account's root). */
export async function setUpMatrix(s3: S3Client, lambda: LambdaClient): Promise<void> {
  // The ACL cells need ACLs on: new buckets have them off, as on S3 since April 2023.
  for (const Bucket of [SRC, MANIFESTS, REPORTS, DEST, REPLICATED, REPLICA, VERSIONED])
    await s3.send(new CreateBucketCommand({ Bucket, ObjectOwnership: 'ObjectWriter' }));
  await s3.send(new CreateBucketCommand({ Bucket: LOCKED, ObjectLockEnabledForBucket: true }));
  for (const Bucket of [REPLICATED, REPLICA, VERSIONED])
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(
    new PutBucketReplicationCommand({
      Bucket: REPLICATED,
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${ACCOUNT}:role/pm-replication`,
        Rules: [
          {
            ID: 'all',
            Status: 'Enabled',
            Priority: 1,
            Filter: {},
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: { Bucket: `arn:aws:s3:::${REPLICA}` },
          },
        ],
      },
    }),
  );
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'pm-ok',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: `arn:aws:iam::${ACCOUNT}:role/pm-function`,
      Code: { ZipFile: zipOf([{ name: 'index.mjs', data: LAMBDA_OK, deflate: true }]) },
    }),
  );
  for (const c of CELLS) await writeCell(s3, c);
}

async function writeCell(s3: S3Client, c: Cell): Promise<void> {
  const keys = KEYS.map((k) => `${c.name}/${k}`);
  const lines: string[] = [];
  for (const Key of keys) {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: c.bucket,
        Key,
        Body: `object ${Key}\n`,
        ...(c.storageClass ? { StorageClass: c.storageClass } : {}),
      }),
    );
    const fields = [c.bucket, encodeURIComponent(Key).replace(/%2F/g, '/')];
    if (c.kind === 'csv-versions') fields.push(put.VersionId ?? '');
    lines.push(fields.map((f) => `"${f}"`).join(','));
  }
  const rows = `${lines.join('\n')}\n`;
  if (c.kind === 'csv' || c.kind === 'csv-versions')
    await s3.send(new PutObjectCommand({ Bucket: MANIFESTS, Key: manifestKey(c), Body: rows }));
  if (c.kind !== 'inventory') return;
  const dataKey = `inv/${c.bucket}/${c.name}/data/rows.csv.gz`;
  const data = gzipSync(rows);
  await s3.send(new PutObjectCommand({ Bucket: MANIFESTS, Key: dataKey, Body: data }));
  const manifest = {
    sourceBucket: c.bucket,
    destinationBucket: `arn:aws:s3:::${MANIFESTS}`,
    version: '2016-11-30',
    creationTimestamp: '1767225600000',
    fileFormat: 'CSV',
    fileSchema: 'Bucket, Key',
    files: [{ key: dataKey, size: data.length, MD5checksum: createHash('md5').update(data).digest('hex') }],
  };
  await s3.send(
    new PutObjectCommand({ Bucket: MANIFESTS, Key: manifestKey(c), Body: JSON.stringify(manifest) }),
  );
}
