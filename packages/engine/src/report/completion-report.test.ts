import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReportCsv, REPORT_SCHEMA, reportManifestKey, reportResultsKey } from '@batchops/batch-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeS3 } from '../../test/fake-s3.js';
import { JobStore, newJob, type TaskResult } from '../job-store.js';
import { writeCompletionReport } from './completion-report.js';

const stores: JobStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const DEFAULT_RESULTS: TaskResult[] = [
  { idx: 0, ok: true, http: 200, code: null, message: 'Successful' },
  { idx: 1, ok: false, http: 404, code: 'NoSuchKey', message: 'gone' },
  { idx: 2, ok: true, http: 200, code: null, message: 'Successful' },
];

/** A job with its manifest copy and stored results: by default three tasks, two succeeded, one failed. */
function setUp(manifestText = 'b,k0,\nb,k%201,\nb,k2,\n', results = DEFAULT_RESULTS) {
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
  writeFileSync(manifest, manifestText);
  store.recordResults(job, results);
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

  it('rejects, uploading nothing, when its work files cannot be written or the manifest copy read', async () => {
    const { dir, store, job, manifest } = setUp();
    const s3 = new FakeS3().bucket('rep');
    const write = (manifestPath: string, workDir: string) =>
      writeCompletionReport(job, store, manifestPath, workDir, s3.client, () => new Date(0));
    await expect(write(manifest, '/dev/full')).rejects.toThrow(/ENOTDIR/);
    await expect(write(join(dir, 'gone.csv'), dir)).rejects.toThrow(/ENOENT/);
    expect(s3.calls).toEqual([]);
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

  it('writes nothing when the report is off or no task ran; a report once any task ran', async () => {
    const { dir, store, job, manifest } = setUp();
    const s3 = new FakeS3().bucket('rep');
    const report = job.request.Report;
    const write = (counts: { succeeded: number; failed: number }, request = job.request) => {
      Object.assign(job, { ...counts, request });
      return writeCompletionReport(job, store, manifest, dir, s3.client, () => new Date(0));
    };
    expect(
      await write({ succeeded: 1, failed: 1 }, { ...job.request, Report: { ...report, Enabled: false } }),
    ).toEqual([]);
    expect(await write({ succeeded: 1, failed: 1 }, { ...job.request, Report: undefined })).toEqual([]);
    expect(await write({ succeeded: 0, failed: 0 }, { ...job.request, Report: report })).toEqual([]);
    expect(s3.calls).toEqual([]);
    expect(await write({ succeeded: 1, failed: 1 })).toHaveLength(3);
  });

  it('has no row for a task that never ran, keeps version IDs, and uploads no empty results file', async () => {
    const ok = { ok: true, http: 200, code: null, message: 'Successful' };
    const { dir, store, job, manifest } = setUp('b,k0,v0\nb,k1,v1\nb,k2,v2\nb,k3,v3\n', [
      { idx: 0, ...ok },
      { idx: 2, ...ok },
    ]);
    const s3 = new FakeS3().bucket('rep');
    const keys = await writeCompletionReport(job, store, manifest, dir, s3.client, () => new Date(0));
    const succeeded = reportResultsKey('p', 'j1', createHash('sha1').update('j1/succeeded').digest('hex'));
    expect(keys).toEqual([succeeded, reportManifestKey('p', 'j1')]);
    expect(s3.text('rep', succeeded)).toBe(
      'b,k0,v0,succeeded,200,,Successful\nb,k2,v2,succeeded,200,,Successful\n',
    );
  });

  it('reads the stored results a page at a time, however many tasks ran', async () => {
    const n = 12_000;
    const ok = { ok: true, http: 200, code: null, message: 'Successful' };
    const { dir, store, job, manifest } = setUp(
      Array.from({ length: n }, (_, i) => `b,k${i},\n`).join(''),
      Array.from({ length: n }, (_, idx) => ({ idx, ...ok })),
    );
    const pages: number[] = [];
    const resultsAfter = store.resultsAfter.bind(store);
    store.resultsAfter = (jobId, idx, limit) => {
      const page = resultsAfter(jobId, idx, limit);
      pages.push(page.length);
      return page;
    };
    const s3 = new FakeS3().bucket('rep');
    await writeCompletionReport(job, store, manifest, dir, s3.client, () => new Date(0));
    const succeeded = reportResultsKey('p', 'j1', createHash('sha1').update('j1/succeeded').digest('hex'));
    expect(parseReportCsv(s3.text('rep', succeeded) ?? '')).toHaveLength(n);
    expect(pages.length).toBeGreaterThan(2);
    expect(Math.max(...pages)).toBeLessThanOrEqual(5000);
  });

  it('stores the results as text/csv and the manifest.json as application/json, both SSE-S3', async () => {
    const { dir, store, job, manifest } = setUp();
    const s3 = new FakeS3().bucket('rep');
    const puts: Array<Record<string, unknown>> = [];
    const recording = {
      send: (command: { input: Record<string, unknown> }) => {
        puts.push(command.input);
        return s3.client.send(command as never);
      },
    } as unknown as typeof s3.client;
    await writeCompletionReport(job, store, manifest, dir, recording, () => new Date(0));
    expect(puts.map((p) => `${p.ContentType} ${p.ServerSideEncryption}`)).toEqual([
      'text/csv AES256',
      'text/csv AES256',
      'application/json AES256',
    ]);
  });
});
