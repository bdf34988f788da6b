import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { JobStore, StoredJob, TaskResult } from '../job-store.js';
import { readManifestFile } from '../manifest/manifest-file.js';
import { bucketOfArn } from '../operations/put-object-copy.js';

export const REPORT_SCHEMA = 'Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One report row, in the order of the documented sample rows (HTTP status before error code). */
export function reportRow(bucket: string, encodedKey: string, versionId: string, r: TaskResult): string {
  return `${[
    bucket,
    encodedKey,
    versionId,
    r.ok ? 'succeeded' : 'failed',
    String(r.http),
    r.code ?? '',
    r.message ?? '',
  ]
    .map(csvField)
    .join(',')}\n`;
}

/** `<prefix>/job-<id>/` (no leading slash, no double slash). */
export function reportBase(prefix: string | undefined, jobId: string): string {
  const p = (prefix ?? '').replace(/\/+$/, '');
  return p ? `${p}/job-${jobId}/` : `job-${jobId}/`;
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
  const scopes: Array<'succeeded' | 'failed'> =
    report.ReportScope === 'FailedTasksOnly' ? ['failed'] : ['succeeded', 'failed'];
  const files = new Map<
    'succeeded' | 'failed',
    { path: string; out: ReturnType<typeof createWriteStream>; rows: number }
  >(
    scopes.map((s) => {
      const path = join(workDir, `report-${s}.csv`);
      return [s, { path, out: createWriteStream(path), rows: 0 }];
    }),
  );
  // Merge-join the manifest copy (task order) with the results (idx order), a page at a time.
  let results: TaskResult[] = [];
  let ri = 0;
  let lastIdx = -1;
  let exhausted = false;
  const current = (): TaskResult | undefined => {
    if (ri >= results.length) {
      if (exhausted) return undefined;
      results = store.resultsAfter(job.jobId, lastIdx, 5000);
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
  for await (const batch of readManifestFile(manifestPath)) {
    for (const t of batch) {
      let r = current();
      while (r && r.idx < t.idx) {
        ri++;
        r = current();
      }
      if (!r || r.idx !== t.idx) continue;
      ri++;
      const f = files.get(r.ok ? 'succeeded' : 'failed');
      if (!f) continue;
      f.rows++;
      if (!f.out.write(reportRow(t.row.bucket, t.encodedKey, t.row.versionId ?? '', r)))
        await once(f.out, 'drain');
    }
  }
  const bucket = bucketOfArn(report.Bucket);
  const base = reportBase(report.Prefix, job.jobId);
  const entries: Array<{ TaskExecutionStatus: string; Bucket: string; MD5Checksum: string; Key: string }> =
    [];
  for (const [status, f] of files) {
    f.out.end();
    await once(f.out, 'close');
    if (f.rows === 0) continue;
    const md5 = createHash('md5');
    for await (const c of createReadStream(f.path)) md5.update(c as Buffer);
    const name = createHash('sha1').update(`${job.jobId}/${status}`).digest('hex');
    const key = `${base}results/${name}.csv`;
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
  const manifest = {
    Format: 'Report_CSV_20180820',
    ReportCreationDate: now().toISOString(),
    Results: entries,
    ReportSchema: REPORT_SCHEMA,
  };
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: `${base}manifest.json`,
      Body: JSON.stringify(manifest, null, 2),
      ContentType: 'application/json',
      ServerSideEncryption: 'AES256',
    }),
  );
  return [...entries.map((e) => e.Key), `${base}manifest.json`];
}
