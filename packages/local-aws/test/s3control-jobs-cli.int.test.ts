import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { JobStatus } from '@batchops/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalAwsHandle, startLocalAws, TEST_ROLE } from '../src/index.js';
import { AWS_CLI } from './support/local-aws-fixture.js';

// Every S3 Control job command through Debian's aws-cli v2 (/usr/bin/aws, not a pyenv v1 on PATH).
// The CLI always puts the account in front of the endpoint host, so it reaches local-aws as an HTTP
// proxy (wire-notes §1). Buckets and objects are set up with the JS SDK, which is much faster.

const ACCOUNT = '000000000000';
const BUCKET = 'cli-jobs-src';
const REPORTS = 'cli-jobs-reports';
const OBJECTS = 1000;
const ROLE = 'arn:aws:iam::000000000000:role/batchops-test';
const TAGGING = JSON.stringify({ S3PutObjectTagging: { TagSet: [{ Key: 'k', Value: 'v' }] } });

let aws: LocalAwsHandle;
let s3: S3Client;
let dataDir: string;
let home: string;
/** Keys of the 1,000 objects; a few need URL-encoding in the manifest. */
const keys = Array.from({ length: OBJECTS }, (_, i) =>
  i % 100 === 7 ? `data/with space+plus ü ${i}.txt` : `data/obj-${String(i).padStart(4, '0')}`,
);
const manifest = { key: 'manifests/all.csv', etag: '' };
/** 20 of the objects, for a job whose point is its lifecycle, not the work. */
const small = { key: 'manifests/small.csv', etag: '' };
/** JobIds by what the job is for; list-jobs checks them all come back. */
const jobs = new Map<string, string>();

interface CliError extends Error {
  stderr: string;
  code: number;
}

/** CLI processes running now; more than a few at once only thrash a small machine. */
let running = 0;
const waiting: Array<() => void> = [];
const MAX_CLI = 3;

async function cliRaw(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  // A finishing command hands its slot straight to the next waiting one.
  if (running >= MAX_CLI) await new Promise<void>((ok) => waiting.push(ok));
  else running++;
  try {
    return await spawnCli(args);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function spawnCli(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    execFile(
      AWS_CLI,
      ['s3control', ...args, '--endpoint-url', aws.url, '--account-id', ACCOUNT, '--output', 'json'],
      {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: home,
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_PAGER: '',
          HTTP_PROXY: aws.url,
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => {
        if (err) fail(Object.assign(err, { stderr, code: err.code }) as CliError);
        else ok({ stdout, stderr });
      },
    );
  });
}

/** Run a command that must succeed; its stdout parsed as JSON ({} when it prints nothing). */
async function cli<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const { stdout } = await cliRaw(args);
  return (stdout.trim() === '' ? {} : JSON.parse(stdout)) as T;
}

/** Run a command that must fail; its stderr. */
async function cliError(...args: string[]): Promise<string> {
  try {
    await cliRaw(args);
  } catch (e) {
    const err = e as CliError;
    expect(err.code).not.toBe(0);
    return err.stderr;
  }
  throw new Error(`expected aws s3control ${args[0]} to fail`);
}

interface Job {
  JobId: string;
  Status: JobStatus;
  Priority: number;
  Description?: string;
  ConfirmationRequired: boolean;
  SuspendedDate?: string;
  SuspendedCause?: string;
  TerminationDate?: string;
  StatusUpdateReason?: string;
  FailureReasons: Array<{ FailureCode: string; FailureReason: string }>;
  ProgressSummary: {
    TotalNumberOfTasks?: number;
    NumberOfTasksSucceeded: number;
    NumberOfTasksFailed: number;
  };
}

const describeJob = async (jobId: string) => (await cli<{ Job: Job }>('describe-job', '--job-id', jobId)).Job;

/** Wait, without the CLI, until the engine has the job in one of `statuses`. */
async function engineReaches(jobId: string, statuses: readonly JobStatus[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!statuses.includes(aws.engine().describeJob(ACCOUNT, jobId).Status as JobStatus)) {
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not reach ${statuses.join('/')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Poll describe-job until the job reaches one of `statuses`. Each CLI call costs a second of CPU,
 * so between polls it sleeps until the engine reports that job in one of them (or 2 s pass).
 */
async function waitForStatus(jobId: string, statuses: readonly JobStatus[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let reached!: () => void;
    const there = new Promise<void>((ok) => {
      reached = ok;
    });
    const off = aws.engine().onChange((c) => {
      if (c.jobId === jobId && statuses.includes(c.status)) reached();
    });
    try {
      if (!statuses.includes(aws.engine().describeJob(ACCOUNT, jobId).Status as JobStatus)) {
        await Promise.race([there, new Promise((r) => setTimeout(r, 2000))]);
      }
      const job = await describeJob(jobId);
      if (statuses.includes(job.Status)) return job;
      if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.Status}`);
    } finally {
      off();
    }
  }
}

function createJob(opts: {
  token: string;
  description: string;
  etag?: string;
  manifestKey?: string;
  confirm?: boolean;
  report?: boolean;
  priority?: number;
  extra?: string[];
}): Promise<{ JobId: string }> {
  const report = opts.report
    ? {
        Bucket: `arn:aws:s3:::${REPORTS}`,
        Format: 'Report_CSV_20180820',
        Enabled: true,
        Prefix: 'cli',
        ReportScope: 'AllTasks',
      }
    : { Enabled: false };
  return cli<{ JobId: string }>(
    'create-job',
    ...(opts.confirm ? [] : ['--no-confirmation-required']),
    '--operation',
    TAGGING,
    '--manifest',
    JSON.stringify({
      Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
      Location: {
        ObjectArn: `arn:aws:s3:::${BUCKET}/${opts.manifestKey ?? manifest.key}`,
        ETag: opts.etag ?? manifest.etag,
      },
    }),
    '--report',
    JSON.stringify(report),
    '--priority',
    String(opts.priority ?? 10),
    '--role-arn',
    ROLE,
    '--client-request-token',
    opts.token,
    '--description',
    opts.description,
    ...(opts.extra ?? []),
  );
}

async function putText(bucket: string, key: string, body: string): Promise<string> {
  const out = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  return (out.ETag ?? '').replace(/"/g, '');
}

async function text(bucket: string, key: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await out.Body?.transformToString('utf8')) ?? '';
}

/** Run `fn` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-aws-cli-jobs-'));
  home = mkdtempSync(join(tmpdir(), 'local-aws-cli-home-'));
  aws = await startLocalAws({
    port: 0,
    dataDir,
    roles: [TEST_ROLE],
    engine: { concurrency: 32, flushMs: 50 },
  });
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: aws.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(new CreateBucketCommand({ Bucket: REPORTS }));
  await pool(keys, 32, async (key) => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
  });
  manifest.etag = await putText(
    BUCKET,
    manifest.key,
    keys.map((k) => `${BUCKET},${encodeURIComponent(k)}\n`).join(''),
  );
  small.etag = await putText(
    BUCKET,
    small.key,
    keys
      .slice(0, 20)
      .map((k) => `${BUCKET},${encodeURIComponent(k)}\n`)
      .join(''),
  );
}, 120_000);

afterAll(async () => {
  s3?.destroy();
  await aws?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

// Each CLI call is about a second of CPU (Python start-up); on a busy machine that adds up.
describe.concurrent('aws s3control job commands (aws-cli v2)', { timeout: 150_000 }, () => {
  it('create-job tags all 1,000 objects and writes a completion report; a replayed token is idempotent', async () => {
    const created = await createJob({
      token: 'cli-main-token',
      description: 'tag 1000 objects',
      report: true,
      extra: ['--tags', 'Key=a,Value=b'],
    });
    expect(created.JobId).toMatch(/^[0-9a-f-]{36}$/);
    jobs.set('main', created.JobId);

    const job = await waitForStatus(created.JobId, ['Complete', 'Failed', 'Cancelled']);
    expect(job).toMatchObject({
      JobId: created.JobId,
      Status: 'Complete',
      Priority: 10,
      Description: 'tag 1000 objects',
      ConfirmationRequired: false,
      FailureReasons: [],
      ProgressSummary: { TotalNumberOfTasks: 1000, NumberOfTasksSucceeded: 1000, NumberOfTasksFailed: 0 },
    });
    expect(Date.parse(job.TerminationDate ?? '')).not.toBeNaN();

    const tagSets: string[] = [];
    await pool(keys, 32, async (key) => {
      const out = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: key }));
      tagSets.push(JSON.stringify(out.TagSet));
    });
    expect(new Set(tagSets)).toEqual(new Set([JSON.stringify([{ Key: 'k', Value: 'v' }])]));
    expect(tagSets).toHaveLength(1000);

    const base = `cli/job-${created.JobId}/`;
    const report = JSON.parse(await text(REPORTS, `${base}manifest.json`));
    expect(report).toMatchObject({
      Format: 'Report_CSV_20180820',
      ReportSchema: 'Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage',
    });
    expect(report.Results).toHaveLength(1);
    const [results] = report.Results;
    expect(results).toMatchObject({ TaskExecutionStatus: 'succeeded', Bucket: REPORTS });
    expect(results.Key).toMatch(new RegExp(`^${base}results/[0-9a-f]{40}\\.csv$`));
    const csv = await text(REPORTS, results.Key);
    expect(results.MD5Checksum).toBe(createHash('md5').update(csv).digest('hex'));
    const rows = csv.split('\n').filter((l) => l !== '');
    expect(rows).toHaveLength(1000);
    const reported = new Set<string>();
    for (const row of rows) {
      // Keys with a space or a comma-free '+' stay one field; none of ours needs CSV quoting.
      const [bucket, key, versionId, status, http, code] = row.split(',');
      expect([bucket, versionId, status, http, code]).toEqual([BUCKET, '', 'succeeded', '200', '']);
      reported.add(decodeURIComponent(key as string));
    }
    expect(reported).toEqual(new Set(keys));

    // Same token, same request → the same job; same token, another request → IdempotencyException.
    const replay = await createJob({
      token: 'cli-main-token',
      description: 'tag 1000 objects',
      report: true,
      extra: ['--tags', 'Key=a,Value=b'],
    });
    expect(replay.JobId).toBe(created.JobId);
    const conflict = await cliError(
      ...['create-job', '--no-confirmation-required', '--operation', TAGGING],
      ...[
        '--manifest',
        JSON.stringify({
          Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
          Location: { ObjectArn: `arn:aws:s3:::${BUCKET}/${manifest.key}`, ETag: manifest.etag },
        }),
      ],
      ...['--report', '{"Enabled":false}', '--priority', '10', '--role-arn', ROLE],
      ...['--client-request-token', 'cli-main-token', '--description', 'another request'],
    );
    expect(conflict).toContain('IdempotencyException');

    // A finished job cannot be cancelled.
    const cancel = await cliError(
      ...['update-job-status', '--job-id', created.JobId, '--requested-job-status', 'Cancelled'],
      ...['--status-update-reason', 'too late'],
    );
    expect(cancel).toContain('JobStatusException');
  });

  it('a job created without --no-confirmation-required waits Suspended, takes a new priority, runs once confirmed', async () => {
    const { JobId } = await createJob({
      token: 'cli-confirm',
      description: 'needs confirmation',
      confirm: true,
      manifestKey: small.key,
      etag: small.etag,
    });
    jobs.set('confirm', JobId);
    const suspended = await waitForStatus(JobId, ['Suspended', 'Failed']);
    expect(suspended).toMatchObject({ Status: 'Suspended', ConfirmationRequired: true, Priority: 10 });
    expect(Date.parse(suspended.SuspendedDate ?? '')).not.toBeNaN();
    expect(suspended.SuspendedCause).toBeTruthy();

    const priority = await cli('update-job-priority', '--job-id', JobId, '--priority', '77');
    expect(priority).toEqual({ JobId, Priority: 77 });

    const ready = await cli('update-job-status', '--job-id', JobId, '--requested-job-status', 'Ready');
    expect(ready).toMatchObject({ JobId, Status: 'Ready' });
    const done = await waitForStatus(JobId, ['Complete', 'Failed', 'Cancelled']);
    expect(done).toMatchObject({
      Status: 'Complete',
      Priority: 77,
      ProgressSummary: { TotalNumberOfTasks: 20, NumberOfTasksSucceeded: 20, NumberOfTasksFailed: 0 },
    });
  });

  it('put-job-tagging / get-job-tagging / delete-job-tagging (51 tags → TooManyTagsException), then update-job-status Cancelled ends the Suspended job at once', async () => {
    const { JobId } = await createJob({
      token: 'cli-tagging',
      description: 'tagging then cancel',
      confirm: true,
      extra: ['--tags', 'Key=a,Value=b'],
    });
    jobs.set('cancel', JobId);
    expect(await cli('get-job-tagging', '--job-id', JobId)).toEqual({ Tags: [{ Key: 'a', Value: 'b' }] });

    expect(
      await cli('put-job-tagging', '--job-id', JobId, '--tags', 'Key=team,Value=data', 'Key=env,Value='),
    ).toEqual({});
    expect(await cli('get-job-tagging', '--job-id', JobId)).toEqual({
      Tags: [
        { Key: 'team', Value: 'data' },
        { Key: 'env', Value: '' },
      ],
    });

    expect(await cli('delete-job-tagging', '--job-id', JobId)).toEqual({});
    const empty = await cli<{ Tags?: unknown[] }>('get-job-tagging', '--job-id', JobId);
    expect(empty.Tags ?? []).toEqual([]);

    const tooMany = Array.from({ length: 51 }, (_, i) => ({ Key: `t${i}`, Value: `v${i}` }));
    const err = await cliError('put-job-tagging', '--job-id', JobId, '--tags', JSON.stringify(tooMany));
    expect(err).toContain('TooManyTagsException');

    // The job waits Suspended for confirmation; cancelling it there needs no Cancelling step.
    await engineReaches(JobId, ['Suspended', 'Failed']);
    const out = await cli(
      ...['update-job-status', '--job-id', JobId, '--requested-job-status', 'Cancelled'],
      ...['--status-update-reason', 'No longer needed'],
    );
    expect(out).toEqual({ JobId, Status: 'Cancelled', StatusUpdateReason: 'No longer needed' });
    const job = await describeJob(JobId);
    expect(job).toMatchObject({ Status: 'Cancelled', StatusUpdateReason: 'No longer needed' });
    expect(Date.parse(job.TerminationDate ?? '')).not.toBeNaN();
  });

  it('a manifest ETag that does not match fails the job with a reason naming the ETag', async () => {
    const { JobId } = await createJob({
      token: 'cli-bad-etag',
      description: 'wrong etag',
      etag: '0123456789abcdef0123456789abcdef',
    });
    jobs.set('bad-etag', JobId);
    const job = await waitForStatus(JobId, ['Failed', 'Complete']);
    expect(job.Status).toBe('Failed');
    expect(job.FailureReasons).toHaveLength(1);
    expect(job.FailureReasons[0]?.FailureReason).toContain('0123456789abcdef0123456789abcdef');
    expect(job.FailureReasons[0]?.FailureReason).toContain(manifest.etag);
    expect(Date.parse(job.TerminationDate ?? '')).not.toBeNaN();
  });

  it('a manifest row with 4 columns fails the job with a reason naming the line', async () => {
    const etag = await putText(
      BUCKET,
      'manifests/bad.csv',
      `${BUCKET},data/obj-0001\n${BUCKET},data/obj-0002\n${BUCKET},data/obj-0003,x,y\n`,
    );
    const { JobId } = await createJob({
      token: 'cli-bad-rows',
      description: 'malformed',
      etag,
      manifestKey: 'manifests/bad.csv',
    });
    jobs.set('bad-rows', JobId);
    const job = await waitForStatus(JobId, ['Failed', 'Complete']);
    expect(job.Status).toBe('Failed');
    expect(job.FailureReasons[0]?.FailureReason).toMatch(/line 3\b/i);
    expect(job.FailureReasons[0]?.FailureReason).toContain('4');
  });

  it('describe-job of an unknown id → NotFoundException', async () => {
    const err = await cliError('describe-job', '--job-id', '00000000-0000-4000-8000-000000000000');
    expect(err).toContain('NotFoundException');
  });
});

describe('aws s3control list-jobs (aws-cli v2)', { timeout: 150_000 }, () => {
  it('lists every job, and pages one at a time with --job-statuses and --max-results 1', async () => {
    expect(jobs.size).toBe(5);
    const all = await cli<{ Jobs: Array<{ JobId: string; Status: JobStatus }>; NextToken?: string }>(
      'list-jobs',
    );
    expect(all.NextToken).toBeUndefined();
    expect(new Set(all.Jobs.map((j) => j.JobId))).toEqual(new Set(jobs.values()));
    const status = new Map(all.Jobs.map((j) => [j.JobId, j.Status]));
    expect(status.get(jobs.get('main') as string)).toBe('Complete');
    expect(status.get(jobs.get('confirm') as string)).toBe('Complete');

    // aws-cli 2.9 has no ListJobs paginator: --max-results is sent as is and --next-token by hand.
    const want = new Set([jobs.get('bad-etag'), jobs.get('bad-rows'), jobs.get('cancel')]);
    const seen: string[] = [];
    const tokens: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const out = await cli<{ Jobs?: Array<{ JobId: string; Status: JobStatus }>; NextToken?: string }>(
        ...['list-jobs', '--job-statuses', 'Failed', 'Cancelled', '--max-results', '1'],
        ...(token ? ['--next-token', token] : []),
      );
      const pageJobs = out.Jobs ?? [];
      expect(pageJobs.length).toBeLessThanOrEqual(1);
      for (const j of pageJobs) {
        expect(['Failed', 'Cancelled']).toContain(j.Status);
        seen.push(j.JobId);
      }
      token = out.NextToken;
      if (!token) break;
      tokens.push(token);
    }
    expect(token).toBeUndefined();
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(seen).toHaveLength(3);
    expect(new Set(seen)).toEqual(want);
  });
});
