import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  bucketOfArn,
  formatReportRow,
  REPORT_FORMAT,
  REPORT_SCHEMA,
  type ReportManifest,
  reportManifestKey,
  reportResultsKey,
  type TaskStatus,
} from '@batchops/batch-formats';
import { FileSink } from '../file-sink.js';
import type { JobStore, StoredJob, TaskResult } from '../job-store.js';
import { readManifestFile } from '../manifest/manifest-file.js';

type ReportFile = { path: string; out: FileSink; rows: number };

/** The stored results in idx order, a page at a time: `at(idx)` moves forward to the task's result. */
function resultsCursor(store: JobStore, jobId: string): { at(idx: number): TaskResult | undefined } {
  let results: TaskResult[] = [];
  let ri = 0;
  let lastIdx = -1;
  let exhausted = false;
  const current = (): TaskResult | undefined => {
    if (ri >= results.length) {
      if (exhausted) return undefined;
      results = store.resultsAfter(jobId, lastIdx, 5000);
      ri = 0;
      const last = results[results.length - 1];
      if (!last) {
        exhausted = true;
        return undefined;
      }
      lastIdx = last.idx;
    }
    return results[ri];
  };
  return {
    at(idx) {
      let r = current();
      while (r && r.idx < idx) {
        ri++;
        r = current();
      }
      if (!r || r.idx !== idx) return undefined;
      ri++;
      return r;
    },
  };
}

/** Merge-join the manifest copy (task order) with the results into the report's CSV files. */
async function writeRows(
  job: StoredJob,
  store: JobStore,
  manifestPath: string,
  files: Map<TaskStatus, ReportFile>,
): Promise<void> {
  const results = resultsCursor(store, job.jobId);
  for await (const batch of readManifestFile(manifestPath)) {
    for (const t of batch) {
      const r = results.at(t.idx);
      if (!r) continue;
      const f = files.get(r.ok ? 'succeeded' : 'failed');
      if (!f) continue;
      f.rows++;
      const row = formatReportRow({
        bucket: t.row.bucket,
        key: t.encodedKey,
        versionId: t.row.versionId ?? null,
        taskStatus: r.ok ? 'succeeded' : 'failed',
        httpStatusCode: r.http,
        errorCode: r.code,
        resultMessage: r.message,
      });
      await f.out.write(row);
    }
  }
}

/** Upload each non-empty results file as `results/<sha1>.csv`; the manifest.json entries naming them. */
async function uploadResults(
  s3: S3Client,
  job: StoredJob,
  bucket: string,
  prefix: string | undefined,
  files: Map<TaskStatus, ReportFile>,
): Promise<ReportManifest['Results']> {
  const entries: ReportManifest['Results'][number][] = [];
  for (const [status, f] of files) {
    await f.out.close();
    if (f.rows === 0) continue;
    const md5 = createHash('md5');
    for await (const c of createReadStream(f.path)) md5.update(c as Buffer);
    const name = createHash('sha1').update(`${job.jobId}/${status}`).digest('hex');
    const key = reportResultsKey(prefix, job.jobId, name);
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: createReadStream(f.path),
        ContentLength: statSync(f.path).size,
        ContentType: 'text/csv',
        ServerSideEncryption: 'AES256',
      }),
    );
    entries.push({ TaskExecutionStatus: status, Bucket: bucket, MD5Checksum: md5.digest('hex'), Key: key });
  }
  return entries;
}

/**
 * Write the completion report: `results/<sha1>.csv` for succeeded and for failed tasks (only
 * failed with FailedTasksOnly), then `manifest.json` naming them, as S3 Batch Operations does.
 * Rows come from the job's manifest copy joined with the stored results, in task order, so there is
 * exactly one row per task that ran. Returns the keys written.
 */
export async function writeCompletionReport(
  job: StoredJob,
  store: JobStore,
  manifestPath: string,
  workDir: string,
  s3: S3Client,
  now: () => Date,
): Promise<string[]> {
  const report = job.request.Report;
  if (!report?.Enabled || !report.Bucket) return [];
  if (job.succeeded + job.failed === 0) return [];
  const scopes: TaskStatus[] =
    report.ReportScope === 'FailedTasksOnly' ? ['failed'] : ['succeeded', 'failed'];
  const files = new Map<TaskStatus, ReportFile>(
    scopes.map((s) => {
      const path = join(workDir, `report-${s}.csv`);
      return [s, { path, out: new FileSink(path), rows: 0 }];
    }),
  );
  try {
    await writeRows(job, store, manifestPath, files);
  } catch (e) {
    for (const f of files.values()) f.out.destroy();
    throw e;
  }
  const bucket = bucketOfArn(report.Bucket);
  const entries = await uploadResults(s3, job, bucket, report.Prefix, files);
  const manifest: ReportManifest = {
    Format: REPORT_FORMAT,
    ReportCreationDate: now().toISOString(),
    Results: entries,
    ReportSchema: REPORT_SCHEMA,
  };
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: reportManifestKey(report.Prefix, job.jobId),
      Body: JSON.stringify(manifest, null, 2),
      ContentType: 'application/json',
      ServerSideEncryption: 'AES256',
    }),
  );
  return [...entries.map((e) => e.Key), reportManifestKey(report.Prefix, job.jobId)];
}
