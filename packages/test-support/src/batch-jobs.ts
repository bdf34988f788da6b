import { createHash } from 'node:crypto';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  DescribeJobCommand,
  type JobDescriptor,
  type JobStatus,
  ListJobsCommand,
  type S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { TEST_ACCOUNT_ID } from './aws-clients.js';

/** An object's body as text. */
export async function bodyText(
  s3: S3Client,
  Bucket: string,
  Key: string,
  VersionId?: string,
): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket, Key, VersionId }));
  return (await out.Body?.transformToString()) ?? '';
}

export interface WaitForJobOptions {
  readonly accountId?: string;
  readonly timeoutMs?: number;
}

/** Poll DescribeJob until the job is in one of `statuses`; throws with its last status after the timeout. */
export async function waitForJob(
  ctl: S3ControlClient,
  JobId: string,
  statuses: readonly JobStatus[],
  { accountId = TEST_ACCOUNT_ID, timeoutMs = 30_000 }: WaitForJobOptions = {},
): Promise<JobDescriptor> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = (await ctl.send(new DescribeJobCommand({ AccountId: accountId, JobId }))).Job ?? {};
    if (statuses.includes(job.Status as JobStatus)) return job;
    if (Date.now() > end) throw new Error(`job ${JobId} is ${job.Status}, not ${statuses.join('/')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The completion report's manifest.json at `<prefix>/job-<id>/manifest.json`. */
export interface ReportManifest {
  readonly ReportSchema: string;
  readonly Results: ReadonlyArray<{ readonly Key: string; readonly MD5Checksum: string }>;
}

export async function reportManifest(
  s3: S3Client,
  bucket: string,
  prefix: string,
  jobId: string,
): Promise<ReportManifest> {
  return JSON.parse(await bodyText(s3, bucket, `${prefix}/job-${jobId}/manifest.json`)) as ReportManifest;
}

/**
 * Every line of a completion report's result files, in the order its manifest lists them; each file's
 * MD5 must be the one the manifest names (a mismatch throws).
 */
export async function reportLines(
  s3: S3Client,
  bucket: string,
  prefix: string,
  jobId: string,
): Promise<string[]> {
  const manifest = await reportManifest(s3, bucket, prefix, jobId);
  const lines: string[] = [];
  for (const r of manifest.Results) {
    const body = await bodyText(s3, bucket, r.Key);
    const md5 = createHash('md5').update(body).digest('hex');
    if (md5 !== r.MD5Checksum)
      throw new Error(`report file ${r.Key} has MD5 ${md5}, its manifest says ${r.MD5Checksum}`);
    lines.push(...body.split('\n').filter(Boolean));
  }
  return lines;
}

/** An account's jobs by status, from every page of ListJobs (what the API lists: ended jobs for 90 days). */
export async function countJobsByStatus(
  ctl: S3ControlClient,
  AccountId = TEST_ACCOUNT_ID,
): Promise<Partial<Record<JobStatus, number>>> {
  const counts: Partial<Record<JobStatus, number>> = {};
  let NextToken: string | undefined;
  do {
    const page = await ctl.send(new ListJobsCommand({ AccountId, NextToken }));
    for (const { Status } of page.Jobs ?? []) if (Status) counts[Status] = (counts[Status] ?? 0) + 1;
    NextToken = page.NextToken;
  } while (NextToken);
  return counts;
}
