import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  CreateBucketCommand,
  GetObjectAclCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  type CreateJobCommandInput,
  DeleteJobTaggingCommand,
  DescribeJobCommand,
  GetJobTaggingCommand,
  type JobStatus,
  ListJobsCommand,
  PutJobTaggingCommand,
  type S3ControlClient,
  UpdateJobPriorityCommand,
  UpdateJobStatusCommand,
} from '@aws-sdk/client-s3-control';
import { bodyText, csvJobInput, reportLines, reportManifest, waitForJob } from '@batchops/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAwsHandle } from '../src/index.js';
import { errorOf, type LocalAwsFixture, startFixture } from './support/local-aws-fixture.js';

const AccountId = '000000000000';
const RoleArn = 'arn:aws:iam::000000000000:role/batchops-test';
let fixture: LocalAwsFixture;
let aws: LocalAwsHandle;
let s3: S3Client;
let ctl: S3ControlClient;
// A clock the test can move forward (the 30-day Suspended limit).
let clockOffset = 0;

beforeAll(async () => {
  fixture = await startFixture({
    now: () => new Date(Date.now() + clockOffset),
    engine: { concurrency: 8, flushMs: 50 },
  });
  ({ aws, s3, s3control: ctl } = fixture);
  await s3.send(new CreateBucketCommand({ Bucket: 'src' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'dst' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'reports' }));
  const keys = Array.from({ length: 200 }, (_, i) => `data/obj ${String(i).padStart(3, '0')}+ü.txt`);
  for (let i = 0; i < keys.length; i += 20) {
    await Promise.all(
      keys.slice(i, i + 20).map((Key) =>
        s3.send(
          new PutObjectCommand({
            Bucket: 'src',
            Key,
            Body: `body of ${Key}`,
            Metadata: { origin: 'seed' },
          }),
        ),
      ),
    );
  }
});
afterAll(() => fixture.close());

const enc = (k: string) => encodeURIComponent(k).replace(/%2F/g, '/');

async function putManifest(key: string, rows: string[]): Promise<{ arn: string; etag: string }> {
  const out = await s3.send(new PutObjectCommand({ Bucket: 'src', Key: key, Body: rows.join('\n') }));
  return { arn: `arn:aws:s3:::src/${key}`, etag: (out.ETag as string).replaceAll('"', '') };
}

async function srcKeys(count: number): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: 'src', Prefix: 'data/', MaxKeys: count }));
  return (out.Contents ?? []).map((c) => c.Key as string);
}

function jobInput(
  manifest: { arn: string; etag: string },
  operation: CreateJobCommandInput['Operation'],
  extra: Partial<CreateJobCommandInput> = {},
): CreateJobCommandInput {
  const input = csvJobInput({
    operation,
    manifest: { ObjectArn: manifest.arn, ETag: manifest.etag },
    reportBucket: 'reports',
    reportPrefix: 'r',
    accountId: AccountId,
    roleArn: RoleArn,
  });
  return { ...input, ...extra };
}

const describeJob = async (JobId: string) =>
  (await ctl.send(new DescribeJobCommand({ AccountId, JobId }))).Job ?? {};

/** A manifest of the first `count` seeded keys, then `missing` keys no object has. */
async function manifestWithMissing(key: string, count: number, missing: string[]) {
  const keys = await srcKeys(count);
  const manifest = await putManifest(key, [
    ...keys.map((k) => `src,${enc(k)}`),
    ...missing.map((k) => `src,${k}`),
  ]);
  return { keys, manifest };
}

/** A job over a manifest of `rows` that waits for confirmation (Suspended at once); its ID. */
async function createSuspendedJob(key: string, rows: string[], extra: Partial<CreateJobCommandInput> = {}) {
  const manifest = await putManifest(key, rows);
  const input = jobInput(manifest, { S3DeleteObjectTagging: {} }, { ConfirmationRequired: true, ...extra });
  return (await ctl.send(new CreateJobCommand(input))).JobId as string;
}

const waitFor = (JobId: string, statuses: JobStatus[], timeoutMs = 30_000) =>
  waitForJob(ctl, JobId, statuses, { timeoutMs });

const text = (Bucket: string, Key: string) => bodyText(s3, Bucket, Key);

async function reportRows(jobId: string): Promise<string[]> {
  const manifest = await reportManifest(s3, 'reports', 'r', jobId);
  expect(manifest.ReportSchema).toBe(
    'Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage',
  );
  return reportLines(s3, 'reports', 'r', jobId);
}

describe('jobs that run', () => {
  it('tags every object of a manifest and reports each task once', async () => {
    const { keys, manifest } = await manifestWithMissing('manifests/tag.csv', 200, ['data/missing']);
    const { JobId } = await ctl.send(
      new CreateJobCommand(
        jobInput(
          manifest,
          { S3PutObjectTagging: { TagSet: [{ Key: 'project', Value: 'blue' }] } },
          { Description: 'tag them' },
        ),
      ),
    );
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.Status).toBe('Complete');
    expect(job.ProgressSummary).toMatchObject({
      TotalNumberOfTasks: 201,
      NumberOfTasksSucceeded: 200,
      NumberOfTasksFailed: 1,
    });
    expect(job.TerminationDate).toBeInstanceOf(Date);
    for (const Key of keys.slice(0, 50)) {
      const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'src', Key }));
      expect(tags.TagSet).toEqual([{ Key: 'project', Value: 'blue' }]);
    }
    const rows = await reportRows(JobId as string);
    expect(rows).toHaveLength(201);
    expect(rows).toContain('src,data/missing,,failed,404,NoSuchKey,The specified key does not exist.');
    expect(rows.filter((r) => r.includes(',succeeded,200,'))).toHaveLength(200);
  });

  it('copies with every kind of parameter: target bucket, prefix, new metadata, tags and storage class', async () => {
    const keys = await srcKeys(5);
    const manifest = await putManifest(
      'manifests/copy.csv',
      keys.map((k) => `src,${enc(k)}`),
    );
    const { JobId } = await ctl.send(
      new CreateJobCommand(
        jobInput(manifest, {
          S3PutObjectCopy: {
            TargetResource: 'arn:aws:s3:::dst',
            TargetKeyPrefix: 'copied',
            MetadataDirective: 'REPLACE',
            NewObjectMetadata: { ContentType: 'text/x-copied', UserMetadata: { stage: 'two' } },
            NewObjectTagging: [{ Key: 'copied', Value: 'yes' }],
            StorageClass: 'STANDARD_IA',
            CannedAccessControlList: 'public-read',
          },
        }),
      ),
    );
    expect((await waitFor(JobId as string, ['Complete', 'Failed'])).Status).toBe('Complete');
    const key = `copied/${keys[0]}`;
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'dst', Key: key }));
    expect(head).toMatchObject({
      ContentType: 'text/x-copied',
      Metadata: { stage: 'two' },
      StorageClass: 'STANDARD_IA',
    });
    expect(await text('dst', key)).toBe(`body of ${keys[0]}`);
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: 'dst', Key: key }))).TagSet).toEqual([
      { Key: 'copied', Value: 'yes' },
    ]);
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: 'dst', Key: key }));
    expect(acl.Grants?.some((g) => g.Grantee?.URI?.endsWith('/AllUsers') && g.Permission === 'READ')).toBe(
      true,
    );
  });

  it('reads an S3 Inventory manifest.json with gzip CSV data files', async () => {
    const keys = await srcKeys(4);
    const data = gzipSync(keys.map((k) => `"src","${enc(k)}"`).join('\n'));
    await s3.send(new PutObjectCommand({ Bucket: 'src', Key: 'inv/data/part-1.csv.gz', Body: data }));
    const manifestJson = JSON.stringify({
      sourceBucket: 'src',
      destinationBucket: 'arn:aws:s3:::src',
      version: '2016-11-30',
      fileFormat: 'CSV',
      fileSchema: 'Bucket, Key',
      files: [
        {
          key: 'inv/data/part-1.csv.gz',
          size: data.length,
          MD5checksum: createHash('md5').update(data).digest('hex'),
        },
      ],
    });
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'src', Key: 'inv/manifest.json', Body: manifestJson }),
    );
    const { JobId } = await ctl.send(
      new CreateJobCommand({
        ...jobInput({ arn: 'arn:aws:s3:::src/inv/manifest.json', etag: '' }, { S3DeleteObjectTagging: {} }),
        Manifest: {
          Spec: { Format: 'S3InventoryReport_CSV_20161130' },
          Location: {
            ObjectArn: 'arn:aws:s3:::src/inv/manifest.json',
            ETag: (put.ETag as string).replaceAll('"', ''),
          },
        },
      }),
    );
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.FailureReasons).toEqual([]);
    expect(job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 4, NumberOfTasksSucceeded: 4 });
  });
  it('generates the manifest from a bucket listing with filters and writes it out', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'src', Key: 'gen/a.log', Body: 'aaaa' }));
    await s3.send(new PutObjectCommand({ Bucket: 'src', Key: 'gen/b.log', Body: 'b' }));
    await s3.send(new PutObjectCommand({ Bucket: 'src', Key: 'gen/c.txt', Body: 'cccc' }));
    const { ManifestGenerator, ...rest } = {
      ...jobInput({ arn: '', etag: '' }, { S3PutObjectTagging: { TagSet: [{ Key: 'gen', Value: '1' }] } }),
      ManifestGenerator: {
        S3JobManifestGenerator: {
          SourceBucket: 'arn:aws:s3:::src',
          EnableManifestOutput: true,
          ManifestOutputLocation: {
            Bucket: 'arn:aws:s3:::reports',
            ManifestPrefix: 'generated',
            ManifestFormat: 'S3InventoryReport_CSV_20211130' as const,
          },
          Filter: {
            KeyNameConstraint: { MatchAnyPrefix: ['gen/'], MatchAnySuffix: ['.log'] },
            ObjectSizeGreaterThanBytes: 2,
          },
        },
      },
    };
    const { Manifest: _unused, ...input } = rest;
    const { JobId } = await ctl.send(new CreateJobCommand({ ...input, ManifestGenerator }));
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.FailureReasons).toEqual([]);
    expect(job.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 1, NumberOfTasksSucceeded: 1 });
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: 'src', Key: 'gen/a.log' }))).TagSet).toEqual([
      { Key: 'gen', Value: '1' },
    ]);
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: 'src', Key: 'gen/b.log' }))).TagSet).toEqual(
      [],
    );
    const descriptor = job.GeneratedManifestDescriptor;
    expect(descriptor?.Format).toBe('S3InventoryReport_CSV_20211130');
    const written = JSON.parse(
      await text('reports', (descriptor?.Location?.ObjectArn ?? '').replace('arn:aws:s3:::reports/', '')),
    );
    expect(written.fileSchema).toBe('Bucket, Key, VersionId');
  });
});

describe('report scope', () => {
  it("FailedTasksOnly (the console wizard's default) reports the failed tasks and no other", async () => {
    const { manifest } = await manifestWithMissing('manifests/failed-only.csv', 20, [
      'data/gone-1',
      'data/gone-2',
    ]);
    const input = jobInput(manifest, { S3DeleteObjectTagging: {} });
    const report = { ...input.Report, Enabled: true, ReportScope: 'FailedTasksOnly' as const };
    const { JobId } = await ctl.send(new CreateJobCommand({ ...input, Report: report }));
    const job = await waitFor(JobId as string, ['Complete', 'Failed']);
    expect(job.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 20, NumberOfTasksFailed: 2 });
    expect((await reportRows(JobId as string)).sort()).toEqual([
      'src,data/gone-1,,failed,404,NoSuchKey,The specified key does not exist.',
      'src,data/gone-2,,failed,404,NoSuchKey,The specified key does not exist.',
    ]);
  });
});

describe('lifecycle', () => {
  it('cancels a running job: Cancelling, then Cancelled, the tasks that ran reported once each', async () => {
    const keys = (await srcKeys(200)).map((k) => `src,${enc(k)}`);
    const manifest = await putManifest(
      'manifests/cancel-running.csv',
      Array.from({ length: 50 }, () => keys).flat(),
    );
    let jobId = '';
    let answer: Promise<{ Status?: string }> | undefined;
    // Cancel the moment the engine starts it, so the job is mid-run whatever the machine's speed.
    const off = aws.engine().onChange((c) => {
      if (c.jobId !== jobId || c.status !== 'Active' || answer) return;
      answer = ctl.send(
        new UpdateJobStatusCommand({ AccountId, JobId: jobId, RequestedJobStatus: 'Cancelled' }),
      );
    });
    try {
      jobId =
        (await ctl.send(new CreateJobCommand(jobInput(manifest, { S3DeleteObjectTagging: {} })))).JobId ?? '';
      await expect.poll(() => answer !== undefined, { timeout: 30_000 }).toBe(true);
      expect((await answer)?.Status).toBe('Cancelling');
      const job = await waitFor(jobId, ['Cancelled', 'Complete', 'Failed']);
      expect(job.Status).toBe('Cancelled');
      const ran =
        (job.ProgressSummary?.NumberOfTasksSucceeded ?? 0) + (job.ProgressSummary?.NumberOfTasksFailed ?? 0);
      expect(ran).toBeLessThan(10_000);
      expect(await reportRows(jobId)).toHaveLength(ran);
    } finally {
      off();
    }
  });

  it('waits in Suspended when ConfirmationRequired is omitted, then runs once confirmed', async () => {
    const manifest = await putManifest(
      'manifests/confirm.csv',
      (await srcKeys(3)).map((k) => `src,${enc(k)}`),
    );
    const input = jobInput(manifest, { S3DeleteObjectTagging: {} });
    delete input.ConfirmationRequired;
    const { JobId } = await ctl.send(new CreateJobCommand(input));
    const suspended = await waitFor(JobId as string, ['Suspended']);
    expect(suspended.ConfirmationRequired).toBe(true);
    expect(suspended.SuspendedDate).toBeInstanceOf(Date);
    expect(suspended.SuspendedCause).toBeTruthy();
    expect(suspended.ProgressSummary?.TotalNumberOfTasks).toBe(3);
    const ready = await ctl.send(
      new UpdateJobStatusCommand({ AccountId, JobId, RequestedJobStatus: 'Ready' }),
    );
    expect(ready.Status).toBe('Ready');
    expect((await waitFor(JobId as string, ['Complete'])).ProgressSummary?.NumberOfTasksSucceeded).toBe(3);
    const again = await errorOf(
      ctl.send(new UpdateJobStatusCommand({ AccountId, JobId, RequestedJobStatus: 'Ready' })),
    );
    expect(again.name).toBe('JobStatusException');
  });

  it('cancels a suspended job at once and keeps the reason', async () => {
    const JobId = await createSuspendedJob(
      'manifests/cancel.csv',
      (await srcKeys(2)).map((k) => `src,${enc(k)}`),
    );
    await waitFor(JobId as string, ['Suspended']);
    const out = await ctl.send(
      new UpdateJobStatusCommand({
        AccountId,
        JobId,
        RequestedJobStatus: 'Cancelled',
        StatusUpdateReason: 'not needed & done',
      }),
    );
    expect(out).toMatchObject({ Status: 'Cancelled', StatusUpdateReason: 'not needed & done' });
    const job = await describeJob(JobId as string);
    expect(job).toMatchObject({ Status: 'Cancelled', StatusUpdateReason: 'not needed & done' });
  });

  it('fails a job whose manifest ETag does not match, saying why', async () => {
    const manifest = await putManifest('manifests/etag.csv', ['src,data/x']);
    const { JobId } = await ctl.send(
      new CreateJobCommand(
        jobInput({ ...manifest, etag: '0123456789abcdef0123456789abcdef' }, { S3DeleteObjectTagging: {} }),
      ),
    );
    const job = await waitFor(JobId as string, ['Failed']);
    expect(job.FailureReasons?.[0]?.FailureCode).toBe('ManifestETagMismatch');
    expect(job.FailureReasons?.[0]?.FailureReason).toContain('0123456789abcdef0123456789abcdef');
  });

  it('fails a job whose manifest is malformed, naming the line', async () => {
    const manifest = await putManifest('manifests/bad.csv', [
      'src,data/a',
      'src,data/b',
      'src,data/c,v1,extra',
    ]);
    const { JobId } = await ctl.send(new CreateJobCommand(jobInput(manifest, { S3DeleteObjectTagging: {} })));
    const job = await waitFor(JobId as string, ['Failed']);
    expect(job.FailureReasons?.[0]?.FailureReason).toMatch(/[Ll]ine 3/);
  });

  it('fails a job once more than half of at least 1,000 tasks failed', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `src,nothing/here-${i}`);
    const manifest = await putManifest('manifests/missing.csv', rows);
    const { JobId } = await ctl.send(new CreateJobCommand(jobInput(manifest, { S3DeleteObjectTagging: {} })));
    const job = await waitFor(JobId as string, ['Failed'], 60_000);
    expect(job.FailureReasons?.[0]?.FailureCode).toBe('TaskFailureThresholdExceeded');
    const ran =
      (job.ProgressSummary?.NumberOfTasksFailed ?? 0) + (job.ProgressSummary?.NumberOfTasksSucceeded ?? 0);
    expect(ran).toBeGreaterThanOrEqual(1000);
    // The report of a failed job holds the tasks that ran, once each.
    expect(await reportRows(JobId as string)).toHaveLength(ran);
  });

  it('fails a job left Suspended for more than 30 days', async () => {
    const JobId = await createSuspendedJob('manifests/old.csv', ['src,data/a']);
    await waitFor(JobId as string, ['Suspended']);
    clockOffset = 31 * 86_400_000;
    try {
      const job = await waitFor(JobId as string, ['Failed'], 5_000);
      expect(job.FailureReasons?.[0]?.FailureCode).toBe('SuspendedJobExpired');
    } finally {
      clockOffset = 0;
    }
  });
});

describe('priority', () => {
  it('pauses a running lower-priority job while a higher one has work, then resumes it', async () => {
    const keys = await srcKeys(200);
    const manifest = await putManifest(
      'manifests/prio.csv',
      [...keys, ...keys, ...keys].map((k) => `src,${enc(k)}`),
    );
    const seen = new Map<string, JobStatus[]>();
    const off = aws.engine().onChange((c) => {
      const list = seen.get(c.jobId) ?? [];
      if (list[list.length - 1] !== c.status) list.push(c.status);
      seen.set(c.jobId, list);
    });
    try {
      const low = await ctl.send(
        new CreateJobCommand(jobInput(manifest, { S3DeleteObjectTagging: {} }, { Priority: 1 })),
      );
      await waitFor(low.JobId as string, ['Active']);
      const high = await ctl.send(
        new CreateJobCommand(jobInput(manifest, { S3DeleteObjectTagging: {} }, { Priority: 100 })),
      );
      await waitFor(high.JobId as string, ['Complete']);
      await waitFor(low.JobId as string, ['Complete']);
      const lowStatuses = seen.get(low.JobId as string) ?? [];
      expect(lowStatuses).toContain('Paused');
      expect(lowStatuses.indexOf('Paused')).toBeLessThan(lowStatuses.lastIndexOf('Active'));
      const lowJob = await describeJob(low.JobId as string);
      expect(lowJob.ProgressSummary?.NumberOfTasksSucceeded).toBe(600);
    } finally {
      off();
    }
  });

  it('updates a priority and refuses it on an ended job', async () => {
    const JobId = await createSuspendedJob('manifests/p2.csv', ['src,data/a']);
    const out = await ctl.send(new UpdateJobPriorityCommand({ AccountId, JobId, Priority: 77 }));
    expect(out).toMatchObject({ JobId, Priority: 77 });
    expect((await describeJob(JobId as string)).Priority).toBe(77);
    await ctl.send(new UpdateJobStatusCommand({ AccountId, JobId, RequestedJobStatus: 'Cancelled' }));
    const err = await errorOf(ctl.send(new UpdateJobPriorityCommand({ AccountId, JobId, Priority: 5 })));
    expect(err.name).toBe('BadRequestException');
  });
});

describe('API details', () => {
  it('answers the same JobId for a repeated token and IdempotencyException for a changed request', async () => {
    const manifest = await putManifest('manifests/idem.csv', ['src,data/a']);
    const input = {
      ...jobInput(manifest, { S3DeleteObjectTagging: {} }),
      ConfirmationRequired: true,
      ClientRequestToken: 'same-token',
    };
    const a = await ctl.send(new CreateJobCommand(input));
    const b = await ctl.send(new CreateJobCommand(input));
    expect(b.JobId).toBe(a.JobId);
    const err = await errorOf(ctl.send(new CreateJobCommand({ ...input, Priority: 99 })));
    expect(err.name).toBe('IdempotencyException');
  });

  it('keeps job tags with replace semantics and refuses more than 50', async () => {
    const JobId = await createSuspendedJob('manifests/tags.csv', ['src,data/a'], {
      Tags: [{ Key: 'team', Value: 'red' }],
    });
    expect((await ctl.send(new GetJobTaggingCommand({ AccountId, JobId }))).Tags).toEqual([
      { Key: 'team', Value: 'red' },
    ]);
    await ctl.send(new PutJobTaggingCommand({ AccountId, JobId, Tags: [{ Key: 'env', Value: 'prod' }] }));
    expect((await ctl.send(new GetJobTaggingCommand({ AccountId, JobId }))).Tags).toEqual([
      { Key: 'env', Value: 'prod' },
    ]);
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect((await errorOf(ctl.send(new PutJobTaggingCommand({ AccountId, JobId, Tags: many })))).name).toBe(
      'TooManyTagsException',
    );
    await ctl.send(new DeleteJobTaggingCommand({ AccountId, JobId }));
    expect((await ctl.send(new GetJobTaggingCommand({ AccountId, JobId }))).Tags).toEqual([]);
  });

  it('validates CreateJob against the model and the engine, naming the field', async () => {
    const manifest = await putManifest('manifests/v.csv', ['src,data/a']);
    const long = await errorOf(
      ctl.send(
        new CreateJobCommand({
          ...jobInput(manifest, { S3DeleteObjectTagging: {} }),
          Description: 'x'.repeat(257),
        }),
      ),
    );
    expect(long.name).toBe('BadRequestException');
    expect(long.message).toMatch(/^Description/);
    const noReportBucket = await errorOf(
      ctl.send(
        new CreateJobCommand({
          ...jobInput(manifest, { S3DeleteObjectTagging: {} }),
          Report: { Enabled: true, Format: 'Report_CSV_20180820', ReportScope: 'AllTasks' },
        }),
      ),
    );
    expect(noReportBucket.message).toMatch(/Report\.Bucket/);
    const twoOps = await errorOf(
      ctl.send(
        new CreateJobCommand(
          jobInput(manifest, { S3DeleteObjectTagging: {}, S3PutObjectTagging: { TagSet: [] } }),
        ),
      ),
    );
    expect(twoOps.message).toMatch(/^Operation/);
  });

  it('answers NotFoundException for an unknown job and lists jobs newest first with paging and a status filter', async () => {
    const missing = await errorOf(ctl.send(new DescribeJobCommand({ AccountId, JobId: 'no-such-job-123' })));
    expect(missing.name).toBe('NotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const all: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await ctl.send(new ListJobsCommand({ AccountId, MaxResults: 3, NextToken }));
      expect((page.Jobs ?? []).length).toBeLessThanOrEqual(3);
      all.push(...(page.Jobs ?? []).map((j) => j.JobId as string));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(8);
    const full = (await ctl.send(new ListJobsCommand({ AccountId }))).Jobs ?? [];
    expect(full.map((j) => j.JobId)).toEqual(all);
    const times = full.map((j) => (j.CreationTime as Date).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const failed = (await ctl.send(new ListJobsCommand({ AccountId, JobStatuses: ['Failed'] }))).Jobs ?? [];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((j) => j.Status === 'Failed')).toBe(true);
  });
});
