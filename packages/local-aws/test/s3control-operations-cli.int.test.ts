import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectLegalHoldCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { JobStatus } from '@batchops/engine';
import { reportLines } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDataPath, runCli } from './support/aws-cli-model.js';
import { ACCOUNT_ID as ACCOUNT, TEST_ROLE_ARN as ROLE, useFixture } from './support/local-aws-fixture.js';

// Issue 10's operations as an AWS CLI user runs them: `aws s3control create-job --operation …`
// through Debian's aws-cli v2 (as an HTTP proxy, wire-notes §1), then describe-job; the objects and
// the completion report are checked with the SDK. The CLI gets the current job shapes through
// AWS_DATA_PATH (support/aws-cli-model.ts), as it would after an upgrade.

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`;
const work = mkdtempSync(join(tmpdir(), 'ops-cli-'));
let dataPath: string | undefined;

beforeAll(() => {
  dataPath = cliDataPath(join(work, 'models'));
});
const fixture = useFixture(
  { engine: { concurrency: 8, flushMs: 50 }, s3: { restoreDelayMs: 600_000 } },
  async () => {
    for (const Bucket of ['cli-ops', 'cli-reports'])
      await fixture.s3.send(new CreateBucketCommand({ Bucket }));
    await fixture.s3.send(
      new CreateBucketCommand({ Bucket: 'cli-locked', ObjectLockEnabledForBucket: true }),
    );
  },
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function env(): NodeJS.ProcessEnv {
  return {
    ...fixture.cliEnv,
    HOME: work,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
    HTTP_PROXY: fixture.aws.url,
    ...(dataPath ? { AWS_DATA_PATH: dataPath } : {}),
  };
}

async function s3control<T>(...args: string[]): Promise<T> {
  const r = await runCli(
    ['s3control', ...args, '--endpoint-url', fixture.aws.url, '--account-id', ACCOUNT, '--output', 'json'],
    env(),
  );
  if (r.code !== 0) throw new Error(`aws s3control ${args[0]} failed (${r.code}): ${r.stderr}`);
  return (r.stdout.trim() ? JSON.parse(r.stdout) : {}) as T;
}

async function s3controlError(...args: string[]): Promise<string> {
  const r = await runCli(
    ['s3control', ...args, '--endpoint-url', fixture.aws.url, '--account-id', ACCOUNT, '--output', 'json'],
    env(),
  );
  expect(r.code).not.toBe(0);
  return r.stderr;
}

let manifests = 0;
async function manifest(rows: string[]): Promise<string> {
  const Key = `manifests/${++manifests}.csv`;
  const out = await fixture.s3.send(new PutObjectCommand({ Bucket: 'cli-ops', Key, Body: rows.join('\n') }));
  return JSON.stringify({
    Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
    Location: { ObjectArn: `arn:aws:s3:::cli-ops/${Key}`, ETag: (out.ETag as string).replaceAll('"', '') },
  });
}

const REPORT = JSON.stringify({
  Bucket: 'arn:aws:s3:::cli-reports',
  Format: 'Report_CSV_20180820',
  Enabled: true,
  Prefix: 'cli',
  ReportScope: 'AllTasks',
});

const createArgs = (operation: unknown, manifestJson: string) => [
  'create-job',
  '--no-confirmation-required',
  '--operation',
  JSON.stringify(operation),
  '--manifest',
  manifestJson,
  '--report',
  REPORT,
  '--priority',
  '10',
  '--role-arn',
  ROLE,
];

/** Create the job with the CLI, wait on the engine, describe it with the CLI; the report's lines. */
async function cliJob(operation: unknown, rows: string[]) {
  const { JobId } = await s3control<{ JobId: string }>(...createArgs(operation, await manifest(rows)));
  const end = Date.now() + 30_000;
  while (
    !['Complete', 'Failed'].includes(fixture.aws.engine().describeJob(ACCOUNT, JobId).Status as JobStatus)
  ) {
    if (Date.now() > end) throw new Error(`job ${JobId} did not end`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const { Job } = await s3control<{ Job: { Status: string; Operation: unknown } }>(
    'describe-job',
    '--job-id',
    JobId,
  );
  const lines = await reportLines(fixture.s3, 'cli-reports', 'cli', JobId);
  return { job: Job, lines: lines.sort() };
}

describe('aws s3control create-job with each operation', () => {
  it('S3InitiateRestoreObject restores an archived object', async () => {
    await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'cli-ops', Key: 'glacier', Body: 'g', StorageClass: 'GLACIER' }),
    );
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'cli-ops', Key: 'hot', Body: 'h' }));
    const op = { S3InitiateRestoreObject: { ExpirationInDays: 5, GlacierJobTier: 'STANDARD' } };
    const { job, lines } = await cliJob(op, ['cli-ops,glacier', 'cli-ops,hot']);
    expect(job).toMatchObject({ Status: 'Complete', Operation: op });
    expect(lines).toEqual([
      'cli-ops,glacier,,succeeded,200,,Successful',
      "cli-ops,hot,,failed,403,InvalidObjectState,Restore is not allowed for the object's current storage class",
    ]);
    const head = await fixture.s3.send(new HeadObjectCommand({ Bucket: 'cli-ops', Key: 'glacier' }));
    expect(head.Restore).toBe('ongoing-request="true"');
  });

  it('S3PutObjectLegalHold and S3PutObjectRetention lock an object', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'cli-locked', Key: 'doc', Body: 'd' }));
    const hold = await cliJob({ S3PutObjectLegalHold: { LegalHold: { Status: 'ON' } } }, ['cli-locked,doc']);
    expect(hold.lines).toEqual(['cli-locked,doc,,succeeded,200,,Successful']);
    const got = await fixture.s3.send(new GetObjectLegalHoldCommand({ Bucket: 'cli-locked', Key: 'doc' }));
    expect(got.LegalHold?.Status).toBe('ON');

    const until = new Date(Date.now() + 3 * 86_400_000);
    until.setUTCMilliseconds(0);
    const retention = await cliJob(
      { S3PutObjectRetention: { Retention: { Mode: 'COMPLIANCE', RetainUntilDate: until.toISOString() } } },
      ['cli-locked,doc', 'cli-ops,hot'],
    );
    expect(retention.job.Status).toBe('Complete');
    expect(retention.lines).toEqual([
      'cli-locked,doc,,succeeded,200,,Successful',
      'cli-ops,hot,,failed,400,InvalidRequest,Bucket is missing Object Lock Configuration',
    ]);
    const r = await fixture.s3.send(new GetObjectRetentionCommand({ Bucket: 'cli-locked', Key: 'doc' }));
    expect(r.Retention).toEqual({ Mode: 'COMPLIANCE', RetainUntilDate: until });
  });

  it('S3ComputeObjectChecksum puts the checksum in the report', async () => {
    const body = 'checksum me\n'.repeat(100);
    const put = await fixture.s3.send(
      new PutObjectCommand({ Bucket: 'cli-ops', Key: 'sum me.txt', Body: body }),
    );
    const op = { S3ComputeObjectChecksum: { ChecksumAlgorithm: 'SHA256', ChecksumType: 'FULL_OBJECT' } };
    const { job, lines } = await cliJob(op, ['cli-ops,sum%20me.txt']);
    expect(job).toMatchObject({ Status: 'Complete', Operation: op });
    const digest = createHash('sha256').update(body).digest();
    const message = JSON.stringify({
      checksum_base64: digest.toString('base64'),
      etag: (put.ETag as string).replaceAll('"', ''),
      checksumAlgorithm: 'SHA256',
      checksumType: 'FULL_OBJECT',
      checksum_hex: digest.toString('hex'),
    });
    // The JSON is one CSV field: quoted, its quotes doubled.
    expect(lines).toEqual([`cli-ops,sum%20me.txt,,succeeded,200,,"${message.replaceAll('"', '""')}"`]);
  });

  it('S3UpdateObjectEncryption changes an object to SSE-KMS', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: 'cli-ops', Key: 'secret', Body: 's' }));
    const op = { S3UpdateObjectEncryption: { ObjectEncryption: { SSEKMS: { KMSKeyArn: KEY_ARN } } } };
    const { job, lines } = await cliJob(op, ['cli-ops,secret']);
    expect(job).toMatchObject({ Status: 'Complete', Operation: op });
    expect(lines).toEqual(['cli-ops,secret,,succeeded,200,,Successful']);
    const head = await fixture.s3.send(new HeadObjectCommand({ Bucket: 'cli-ops', Key: 'secret' }));
    expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_ARN });
    expect(head.BucketKeyEnabled).toBeUndefined();
  });

  it('refuses bad parameters at CreateJob with a BadRequestException naming the field', async () => {
    const m = await manifest(['cli-ops,hot']);
    const xx = await s3controlError(
      ...createArgs(
        { S3ComputeObjectChecksum: { ChecksumAlgorithm: 'XXHASH3', ChecksumType: 'COMPOSITE' } },
        m,
      ),
    );
    expect(xx).toContain('BadRequestException');
    expect(xx).toContain('ChecksumType');
    const days = await s3controlError(
      ...createArgs({ S3InitiateRestoreObject: { ExpirationInDays: 0, GlacierJobTier: 'BULK' } }, m),
    );
    expect(days).toContain('BadRequestException');
    expect(days).toContain('ExpirationInDays');
  });
});

describe('S3 Inventory through aws s3api, and a job over its report', () => {
  async function s3api<T>(...args: string[]): Promise<{ code: number; out: T; stderr: string }> {
    const r = await runCli(['s3api', ...args, '--endpoint-url', fixture.aws.url, '--output', 'json'], env());
    return { code: r.code, out: (r.stdout.trim() ? JSON.parse(r.stdout) : {}) as T, stderr: r.stderr };
  }

  it('puts, gets, lists and deletes a configuration; the report is a job manifest', async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: 'cli-inv' }));
    for (const Key of ['one', 'two words', 'three/ü']) {
      await fixture.s3.send(new PutObjectCommand({ Bucket: 'cli-inv', Key, Body: Key }));
    }
    const configuration = {
      Destination: {
        S3BucketDestination: { Bucket: 'arn:aws:s3:::cli-reports', Format: 'CSV', Prefix: 'inventory' },
      },
      IsEnabled: true,
      Id: 'weekly',
      IncludedObjectVersions: 'Current',
      OptionalFields: ['Size', 'ETag'],
      Schedule: { Frequency: 'Weekly' },
    };
    const put = await s3api(
      'put-bucket-inventory-configuration',
      '--bucket',
      'cli-inv',
      '--id',
      'weekly',
      '--inventory-configuration',
      JSON.stringify(configuration),
    );
    expect(put.code, put.stderr).toBe(0);
    const got = await s3api<{ InventoryConfiguration: unknown }>(
      'get-bucket-inventory-configuration',
      '--bucket',
      'cli-inv',
      '--id',
      'weekly',
    );
    expect(got.out.InventoryConfiguration).toEqual(configuration);
    const listed = await s3api<{ InventoryConfigurationList: Array<{ Id: string }>; IsTruncated: boolean }>(
      'list-bucket-inventory-configurations',
      '--bucket',
      'cli-inv',
    );
    expect(listed.out.InventoryConfigurationList.map((c) => c.Id)).toEqual(['weekly']);

    // The first report is there at once; its manifest.json is the job's manifest.
    const keys = await fixture.s3.send(
      new ListObjectsV2Command({
        Bucket: 'cli-reports',
        Prefix: 'inventory/cli-inv/weekly/',
      }),
    );
    const manifestKey = keys.Contents?.map((c) => c.Key as string).find((k) => k.endsWith('/manifest.json'));
    expect(manifestKey).toMatch(
      /^inventory\/cli-inv\/weekly\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}Z\/manifest\.json$/,
    );
    const head = await fixture.s3.send(new HeadObjectCommand({ Bucket: 'cli-reports', Key: manifestKey }));
    const { JobId } = await s3control<{ JobId: string }>(
      ...createArgs(
        { S3ComputeObjectChecksum: { ChecksumAlgorithm: 'CRC32C', ChecksumType: 'FULL_OBJECT' } },
        JSON.stringify({
          Spec: { Format: 'S3InventoryReport_CSV_20161130' },
          Location: {
            ObjectArn: `arn:aws:s3:::cli-reports/${manifestKey}`,
            ETag: (head.ETag as string).replaceAll('"', ''),
          },
        }),
      ),
    );
    const end = Date.now() + 30_000;
    while (
      !['Complete', 'Failed'].includes(fixture.aws.engine().describeJob(ACCOUNT, JobId).Status as JobStatus)
    ) {
      if (Date.now() > end) throw new Error(`job ${JobId} did not end`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const { Job } = await s3control<{
      Job: {
        Status: string;
        ProgressSummary: { TotalNumberOfTasks: number; NumberOfTasksSucceeded: number };
      };
    }>('describe-job', '--job-id', JobId);
    expect(Job.Status).toBe('Complete');
    expect(Job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 3, NumberOfTasksSucceeded: 3 });

    const deleted = await s3api(
      'delete-bucket-inventory-configuration',
      '--bucket',
      'cli-inv',
      '--id',
      'weekly',
    );
    expect(deleted.code, deleted.stderr).toBe(0);
    const missing = await s3api(
      'get-bucket-inventory-configuration',
      '--bucket',
      'cli-inv',
      '--id',
      'weekly',
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('NoSuchConfiguration');
  });
});
