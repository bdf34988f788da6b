import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReportCsv, REPORT_SCHEMA, reportManifestKey, reportResultsKey } from '@batchops/batch-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeS3 } from '../../test/fake-s3.js';
import { JobStore, newJob } from '../job-store.js';
import { writeCompletionReport } from './completion-report.js';

const stores: JobStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A job of three tasks (two succeeded, one failed) with its manifest copy and stored results. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'engine-report-'));
  const store = new JobStore(join(dir, 'jobs.sqlite'));
  stores.push(store);
  const job = newJob({
    jobId: 'j1',
    accountId: '000000000000',
    region: 'us-east-1',
    priority: 0,
    creationTime: 0,
    request: {
      Operation: { S3DeleteObjectTagging: {} },
      Report: {
        Enabled: true,
        Bucket: 'arn:aws:s3:::rep',
        Format: 'Report_CSV_20180820',
        Prefix: 'p',
        ReportScope: 'AllTasks',
      },
    } as never,
    clientRequestToken: 't',
    requestHash: '',
    tags: [],
  });
  store.insert(job);
  const manifest = join(dir, 'manifest.csv');
  writeFileSync(manifest, 'b,k0,\nb,k%201,\nb,k2,\n');
  store.recordResults(job, [
    { idx: 0, ok: true, http: 200, code: null, message: 'Successful' },
    { idx: 1, ok: false, http: 404, code: 'NoSuchKey', message: 'gone' },
    { idx: 2, ok: true, http: 200, code: null, message: 'Successful' },
  ]);
  // A task re-run after a restart records nothing twice.
  store.recordResults(job, [{ idx: 2, ok: true, http: 200, code: null, message: 'Successful' }]);
  return { dir, store, job, manifest };
}

describe('writeCompletionReport', () => {
  it('writes one row per task that ran, succeeded and failed files, and the manifest.json', async () => {
    const { dir, store, job, manifest } = setUp();
    const s3 = new FakeS3().bucket('rep');
    const keys = await writeCompletionReport(job, store, manifest, dir, s3.client, () => new Date(0));
    expect(keys).toHaveLength(3);
    const index = JSON.parse(s3.text('rep', reportManifestKey('p', 'j1')) ?? '{}');
    const rows = index.Results.flatMap((r: { Key: string }) => parseReportCsv(s3.text('rep', r.Key) ?? ''));
    expect(rows.map((r: { key: string; taskStatus: string }) => `${r.key} ${r.taskStatus}`).sort()).toEqual([
      'k%201 failed',
      'k0 succeeded',
      'k2 succeeded',
    ]);
  });

  it('rejects when its work files cannot be written, instead of ending the process', async () => {
    const { store, job, manifest } = setUp();
    const s3 = new FakeS3().bucket('rep');
    await expect(
      writeCompletionReport(job, store, manifest, '/dev/full', s3.client, () => new Date(0)),
    ).rejects.toThrow(/ENOTDIR/);
    expect(s3.count('PutObjectCommand')).toBe(0);
  });
  it('with FailedTasksOnly writes the failed rows alone, and a manifest.json naming that one file', async () => {
    const { dir, store, job, manifest } = setUp();
    Object.assign(job.request.Report ?? {}, { ReportScope: 'FailedTasksOnly' });
    const s3 = new FakeS3().bucket('rep');
    const now = new Date('2026-12-07T10:00:00Z');
    const keys = await writeCompletionReport(job, store, manifest, dir, s3.client, () => now);
    const sha1 = createHash('sha1').update('j1/failed').digest('hex');
    const results = reportResultsKey('p', 'j1', sha1);
    expect(keys).toEqual([results, reportManifestKey('p', 'j1')]);
    expect(s3.text('rep', results)).toBe('b,k%201,,failed,404,NoSuchKey,gone\n');
    expect(JSON.parse(s3.text('rep', reportManifestKey('p', 'j1')) ?? '{}')).toEqual({
      Format: 'Report_CSV_20180820',
      ReportCreationDate: now.toISOString(),
      Results: [
        {
          TaskExecutionStatus: 'failed',
          Bucket: 'rep',
          MD5Checksum: createHash('md5')
            .update(s3.text('rep', results) ?? '')
            .digest('hex'),
          Key: results,
        },
      ],
      ReportSchema: REPORT_SCHEMA,
    });
  });

  it('writes nothing when the report is off or no task ran', async () => {
    const { dir, store, job, manifest } = setUp();
    const s3 = new FakeS3().bucket('rep');
    const write = () => writeCompletionReport(job, store, manifest, dir, s3.client, () => new Date(0));
    Object.assign(job, { succeeded: 0, failed: 0 });
    expect(await write()).toEqual([]);
    Object.assign(job, { succeeded: 2, failed: 1 });
    Object.assign(job.request.Report ?? {}, { Enabled: false });
    expect(await write()).toEqual([]);
    expect(s3.calls).toEqual([]);
  });
});
