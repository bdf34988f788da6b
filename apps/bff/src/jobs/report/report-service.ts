import { GetObjectCommand } from '@aws-sdk/client-s3';
import { DescribeJobCommand } from '@aws-sdk/client-s3-control';
import {
  bucketOfArn,
  isEnded,
  parseReportCsv,
  ReportFormatError,
  reportManifestKey,
} from '@batchops/batch-formats';
import type { JobReport, ReportQuery, ReportRow } from '@batchops/contracts';
import { z } from 'zod';
import { HttpError } from '../../errors/http-error.js';
import type { JobsServiceDeps } from '../jobs-service-deps.js';
import { groupDeniedActions } from './denied-actions.js';
import type { ParsedReport } from './report-cache.js';

/** The report's manifest.json as S3 Batch Operations writes it (only what the console reads). */
const ReportManifest = z.object({
  Format: z.string(),
  ReportCreationDate: z.string().optional(),
  Results: z.array(
    z.object({
      TaskExecutionStatus: z.string(),
      Bucket: z.string(),
      MD5Checksum: z.string().optional(),
      Key: z.string(),
    }),
  ),
  ReportSchema: z.string().optional(),
});

async function readText(deps: JobsServiceDeps, region: string, bucket: string, key: string): Promise<string> {
  const out = await deps.clientsFor(region).s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await out.Body?.transformToString('utf8')) ?? '';
}

export async function loadReport(
  deps: JobsServiceDeps,
  jobId: string,
  region: string,
): Promise<ParsedReport> {
  const { Job: job } = await deps
    .clientsFor(region)
    .s3control.send(new DescribeJobCommand({ AccountId: deps.accountId, JobId: jobId }));
  const ended = job?.Status !== undefined && isEnded(job.Status);
  const cached = deps.reports.get(jobId);
  if (cached && ended) return cached;
  if (!job?.Report?.Enabled || !job.Report.Bucket) {
    throw new HttpError(404, 'ReportNotEnabled', `Job ${jobId} does not write a completion report.`);
  }
  const bucket = bucketOfArn(job.Report.Bucket);
  const manifestKey = reportManifestKey(job.Report.Prefix, jobId);
  let manifestText: string;
  try {
    manifestText = await readText(deps, region, bucket, manifestKey);
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchKey') {
      throw new HttpError(
        404,
        'ReportNotAvailable',
        `The completion report of job ${jobId} is not written yet (job status ${job.Status}).`,
      );
    }
    throw e;
  }
  let manifest: z.infer<typeof ReportManifest>;
  try {
    manifest = ReportManifest.parse(JSON.parse(manifestText));
  } catch (e) {
    throw new HttpError(
      502,
      'ReportParseError',
      `s3://${bucket}/${manifestKey} is not a report manifest: ${(e as Error).message}`,
    );
  }
  const failedRows: ReportRow[] = [];
  const otherRows: ReportRow[] = [];
  for (const result of manifest.Results) {
    const text = await readText(deps, region, result.Bucket, result.Key);
    let rows: ReportRow[];
    try {
      rows = parseReportCsv(text, result.Key);
    } catch (e) {
      if (e instanceof ReportFormatError) throw new HttpError(502, 'ReportParseError', e.message);
      throw e;
    }
    for (const row of rows) (row.taskStatus === 'failed' ? failedRows : otherRows).push(row);
  }
  const counts = new Map<string, number>();
  for (const r of failedRows)
    counts.set(r.errorCode ?? '(none)', (counts.get(r.errorCode ?? '(none)') ?? 0) + 1);
  const report: ParsedReport = {
    bucket,
    manifestKey,
    files: [...manifest.Results.map((r) => r.Key), manifestKey],
    rows: [...failedRows, ...otherRows],
    failed: failedRows.length,
    errorCodes: [...counts]
      .map(([errorCode, count]) => ({ errorCode, count }))
      .sort((a, b) => b.count - a.count || a.errorCode.localeCompare(b.errorCode)),
    deniedActions: groupDeniedActions(failedRows),
  };
  if (ended) deps.reports.set(jobId, report);
  return report;
}

/** The object key of a report row (reports hold keys URL-encoded, as manifests do). */
export function reportKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new HttpError(
      502,
      'ReportParseError',
      `The report names a key that is not URL-encoded: ${encoded}`,
    );
  }
}

/** A job's completion report: rows failed first, one page of them, and counts per error code. */
export async function getReport(
  deps: JobsServiceDeps,
  jobId: string,
  q: ReportQuery,
  region = deps.region,
): Promise<JobReport> {
  const r = await loadReport(deps, jobId, region);
  const start = (q.page - 1) * q.pageSize;
  return {
    jobId,
    bucket: r.bucket,
    manifestKey: r.manifestKey,
    files: r.files,
    total: r.rows.length,
    succeeded: r.rows.length - r.failed,
    failed: r.failed,
    errorCodes: r.errorCodes,
    deniedActions: r.deniedActions,
    page: q.page,
    pageSize: q.pageSize,
    rows: r.rows.slice(start, start + q.pageSize),
  };
}
