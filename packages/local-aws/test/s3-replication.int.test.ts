import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type ReplicationRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  type CreateJobCommandInput,
  DescribeJobCommand,
  type JobStatus,
  type S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';
import { signedRequest } from './support/signed-http.js';

const AccountId = '000000000000';
const RoleArn = 'arn:aws:iam::000000000000:role/batchops-test';
const ReplicationRole = 'arn:aws:iam::000000000000:role/batchops-replication';
let fixture: LocalAwsFixture;
let s3: S3Client;
let ctl: S3ControlClient;

beforeAll(async () => {
  fixture = await startFixture({ engine: { concurrency: 16, flushMs: 50 } });
  ({ s3, s3control: ctl } = fixture);
  await s3.send(new CreateBucketCommand({ Bucket: 'reports' }));
});
afterAll(() => fixture.close());

async function versionedBucket(Bucket: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
}

type Rule = ReplicationRule;

const rule = (id: string, priority: number, dest: string, extra: Partial<Rule> = {}): Rule => ({
  ID: id,
  Priority: priority,
  Status: 'Enabled',
  Filter: {},
  DeleteMarkerReplication: { Status: 'Disabled' },
  Destination: { Bucket: `arn:aws:s3:::${dest}` },
  ...extra,
});

const putReplication = (Bucket: string, Rules: Rule[]) =>
  s3.send(
    new PutBucketReplicationCommand({ Bucket, ReplicationConfiguration: { Role: ReplicationRole, Rules } }),
  );

const head = (Bucket: string, Key: string, VersionId?: string) =>
  s3.send(new HeadObjectCommand({ Bucket, Key, VersionId }));

async function bodyOf(Bucket: string, Key: string, VersionId?: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket, Key, VersionId }));
  return out.Body?.transformToString() ?? '';
}

function replicationJob(source: string, extra: Partial<CreateJobCommandInput> = {}): CreateJobCommandInput {
  return {
    AccountId,
    ConfirmationRequired: false,
    Operation: { S3ReplicateObject: {} },
    ManifestGenerator: {
      S3JobManifestGenerator: {
        SourceBucket: `arn:aws:s3:::${source}`,
        EnableManifestOutput: false,
        Filter: { EligibleForReplication: true },
      },
    },
    Report: {
      Enabled: true,
      Bucket: 'arn:aws:s3:::reports',
      Format: 'Report_CSV_20180820',
      Prefix: `r-${source}`,
      ReportScope: 'AllTasks',
    },
    Priority: 10,
    RoleArn,
    ...extra,
  };
}

async function waitFor(JobId: string, statuses: JobStatus[], timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = (await ctl.send(new DescribeJobCommand({ AccountId, JobId }))).Job ?? {};
    if (statuses.includes(job.Status as JobStatus)) return job;
    if (Date.now() > end) throw new Error(`job ${JobId} is ${job.Status}, expected ${statuses.join('|')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Poll until `check` passes (live replication is asynchronous). */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

describe('Batch Replication (S3ReplicateObject with a generated manifest)', () => {
  it('replicates existing objects (prefixes, tags, versions) keeping version IDs, metadata, tags; statuses COMPLETED / REPLICA', async () => {
    await versionedBucket('b1-src');
    await versionedBucket('b1-dst');
    const versions: Array<{ Key: string; VersionId: string; body: string }> = [];
    for (const prefix of ['logs/', 'images/', 'docs/']) {
      for (let i = 0; i < 3; i++) {
        const Key = `${prefix}item-${i}.txt`;
        for (let v = 0; v < 2; v++) {
          const body = `${Key} v${v}`;
          const out = await s3.send(
            new PutObjectCommand({
              Bucket: 'b1-src',
              Key,
              Body: body,
              ContentType: 'text/plain',
              Metadata: { origin: prefix },
              Tagging: `team=${prefix.slice(0, -1)}&v=${v}`,
            }),
          );
          versions.push({ Key, VersionId: out.VersionId as string, body });
        }
      }
    }
    // Existing objects: no replication configuration yet, so no status.
    expect((await head('b1-src', 'logs/item-0.txt')).ReplicationStatus).toBeUndefined();
    await putReplication('b1-src', [rule('all', 1, 'b1-dst')]);

    const { JobId } = await ctl.send(new CreateJobCommand(replicationJob('b1-src')));
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 18, NumberOfTasksSucceeded: 18 });

    for (const v of versions) {
      const src = await head('b1-src', v.Key, v.VersionId);
      expect(src.ReplicationStatus).toBe('COMPLETED');
      const dst = await head('b1-dst', v.Key, v.VersionId);
      expect(dst.ReplicationStatus).toBe('REPLICA');
      expect(dst.VersionId).toBe(v.VersionId);
      expect(dst.ETag).toBe(src.ETag);
      expect(dst.ContentType).toBe('text/plain');
      expect(dst.Metadata).toEqual(src.Metadata);
      expect(dst.LastModified?.getTime()).toBe(src.LastModified?.getTime());
      expect(await bodyOf('b1-dst', v.Key, v.VersionId)).toBe(v.body);
    }
    // The newest version is the latest in the destination too, whatever order the tasks ran in.
    expect(await bodyOf('b1-dst', 'docs/item-2.txt')).toBe('docs/item-2.txt v1');
    const listed = await s3.send(
      new ListObjectVersionsCommand({ Bucket: 'b1-dst', Prefix: 'docs/item-2.txt' }),
    );
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsLatest])).toEqual(
      versions
        .filter((v) => v.Key === 'docs/item-2.txt')
        .reverse()
        .map((v, i) => [v.VersionId, i === 0]),
    );
    const tags = await s3.send(
      new GetObjectTaggingCommand({
        Bucket: 'b1-dst',
        Key: 'images/item-1.txt',
        VersionId: versions[8]?.VersionId,
      }),
    );
    expect(tags.TagSet).toEqual([
      { Key: 'team', Value: 'images' },
      { Key: 'v', Value: '0' },
    ]);
  });

  it('replicates only what a prefix rule covers; the rest are not in the manifest', async () => {
    await versionedBucket('b2-src');
    await versionedBucket('b2-dst');
    for (const Key of ['keep/a', 'keep/b', 'other/c'])
      await s3.send(new PutObjectCommand({ Bucket: 'b2-src', Key, Body: Key }));
    await putReplication('b2-src', [rule('keep', 1, 'b2-dst', { Filter: { Prefix: 'keep/' } })]);
    const { JobId } = await ctl.send(new CreateJobCommand(replicationJob('b2-src')));
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 2, NumberOfTasksSucceeded: 2 });
    expect(await bodyOf('b2-dst', 'keep/a')).toBe('keep/a');
    expect((await errorOf(head('b2-dst', 'other/c'))).$metadata.httpStatusCode).toBe(404);
    expect((await head('b2-src', 'other/c')).ReplicationStatus).toBeUndefined();
  });
});

describe('live replication', () => {
  it('replicates new uploads a rule covers (PENDING -> COMPLETED), not the others, and not replicas again', async () => {
    await versionedBucket('l1-src');
    await versionedBucket('l1-dst');
    await putReplication('l1-src', [
      rule('tagged', 2, 'l1-dst', {
        Filter: { And: { Prefix: 'in/', Tags: [{ Key: 'copy', Value: 'yes' }] } },
        Destination: { Bucket: 'arn:aws:s3:::l1-dst', StorageClass: 'STANDARD_IA' },
      }),
    ]);
    // The destination replicates back to the source: replicas must not go round.
    await putReplication('l1-dst', [rule('back', 1, 'l1-src')]);
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'l1-src', Key: 'in/new.txt', Body: 'fresh', Tagging: 'copy=yes' }),
    );
    await s3.send(new PutObjectCommand({ Bucket: 'l1-src', Key: 'in/untagged.txt', Body: 'x' }));
    await s3.send(
      new PutObjectCommand({ Bucket: 'l1-src', Key: 'out/new.txt', Body: 'x', Tagging: 'copy=yes' }),
    );
    await eventually(async () => {
      expect((await head('l1-src', 'in/new.txt')).ReplicationStatus).toBe('COMPLETED');
    });
    const replica = await head('l1-dst', 'in/new.txt');
    expect(replica).toMatchObject({
      ReplicationStatus: 'REPLICA',
      VersionId: put.VersionId,
      StorageClass: 'STANDARD_IA',
    });
    expect((await head('l1-src', 'in/untagged.txt')).ReplicationStatus).toBeUndefined();
    expect((await errorOf(head('l1-dst', 'out/new.txt'))).$metadata.httpStatusCode).toBe(404);
    // The replica was not sent back: the source still has one version of it.
    const back = await s3.send(new ListObjectVersionsCommand({ Bucket: 'l1-src', Prefix: 'in/new.txt' }));
    expect(back.Versions).toHaveLength(1);
  });
});

describe('ReplicateObject is internal', () => {
  it('refuses a signed request without the engine token', async () => {
    await versionedBucket('i1-src');
    const res = await signedRequest(fixture.aws.url, {
      method: 'POST',
      path: '/i1-src/any',
      headers: { 'x-batchops-replicate': 'true' },
    });
    expect(res.status).toBe(403);
    expect(res.body).toContain('<Code>AccessDenied</Code>');
  });
});

void DeleteObjectCommand;
void GetObjectAclCommand;
