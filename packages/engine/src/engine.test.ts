import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobStatus } from '@batchops/batch-formats';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeS3 } from '../test/fake-s3.js';
import { Engine, type EngineOptions } from './engine.js';
import { JobStore } from './job-store.js';
import type { CreateJobInput } from './job-types.js';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const engines: Engine[] = [];

afterEach(async () => {
  for (const e of engines.splice(0)) await e.close().catch(() => {});
});

function start(s3: FakeS3, options: Partial<EngineOptions> = {}): Engine {
  const engine = new Engine({
    dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'engine-')),
    s3: () => s3.client,
    flushMs: 10,
    ...options,
  });
  engine.start();
  engines.push(engine);
  return engine;
}

/** A tagging job over `manifest` (uploaded to s3://man/manifest.csv), running without confirmation. */
function tagJob(s3: FakeS3, manifest: string, extra: Partial<CreateJobInput> = {}): CreateJobInput {
  const etag = s3.put('man', 'manifest.csv', manifest);
  return {
    ConfirmationRequired: false,
    Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'k', Value: 'v' }] } },
    Manifest: {
      Spec: { Format: 'S3BatchOperations_CSV_20180820' },
      Location: { ObjectArn: 'arn:aws:s3:::man/manifest.csv', ETag: etag },
    },
    Report: { Enabled: false },
    Priority: 0,
    RoleArn: 'arn:aws:iam::000000000000:role/batch',
    ...extra,
  };
}

async function ended(engine: Engine, jobId: string): Promise<ReturnType<Engine['describeJob']>> {
  const done: JobStatus[] = ['Complete', 'Failed', 'Cancelled'];
  await vi.waitFor(() => expect(done).toContain(engine.describeJob(ACCOUNT, jobId).Status), {
    timeout: 5000,
  });
  return engine.describeJob(ACCOUNT, jobId);
}

function objects(s3: FakeS3, n: number): string {
  let manifest = '';
  for (let i = 0; i < n; i++) {
    s3.put('data', `k${i}`, 'x');
    manifest += `data,k${i}\n`;
  }
  return manifest;
}

describe('Engine: manifests', () => {
  it('fails a job whose quoted field holds a comma and a line break, naming the line, running no task', async () => {
    const s3 = new FakeS3();
    s3.put('data', 'k', 'x');
    const engine = start(s3);
    // One row; read as RFC 4180 with line breaks, its copy became two tasks.
    const { jobId } = engine.createJob(ACCOUNT, REGION, tagJob(s3, 'data,k,"v1,\ndata,k2"\n'));
    const job = await ended(engine, jobId);
    expect(job.Status).toBe('Failed');
    expect(job.FailureReasons).toEqual([
      {
        FailureCode: 'ManifestParseError',
        FailureReason: 'Line 1: a quoted field holds a line break; a manifest has one row per line',
      },
    ]);
    expect(job.ProgressSummary?.TotalNumberOfTasks).toBeUndefined();
    expect(s3.count('PutObjectTaggingCommand')).toBe(0);
  });
});

describe('Engine: listeners', () => {
  it('runs a job to its end even when a change listener throws', async () => {
    const s3 = new FakeS3();
    const engine = start(s3);
    const off = engine.onChange(() => {
      throw new Error('listener bug');
    });
    const { jobId } = engine.createJob(ACCOUNT, REGION, tagJob(s3, objects(s3, 3)));
    expect((await ended(engine, jobId)).Status).toBe('Complete');
    off();
  });
});

describe('Engine: job-level checks', () => {
  it('refuses a Description or StatusUpdateReason with control characters, naming the field', async () => {
    const s3 = new FakeS3();
    const engine = start(s3);
    for (const bad of ['a\u0001b', 'two\nlines', 'bell\u0007', 'nul\u0000']) {
      expect(() => engine.createJob(ACCOUNT, REGION, tagJob(s3, 'data,k\n', { Description: bad }))).toThrow(
        expect.objectContaining({
          code: 'BadRequestException',
          message: expect.stringMatching(/^Description: /),
        }),
      );
    }
    const { jobId } = engine.createJob(
      ACCOUNT,
      REGION,
      tagJob(s3, 'data,k\n', { Description: 'Tag «all» the things — 日本', ConfirmationRequired: true }),
    );
    await vi.waitFor(() => expect(engine.describeJob(ACCOUNT, jobId).Status).toBe('Suspended'));
    expect(() => engine.updateJobStatus(ACCOUNT, jobId, 'Cancelled', 'why\u001b[31m')).toThrow(
      /^StatusUpdateReason: must not contain control characters \(U\+001B at position 4\)/,
    );
    expect(engine.describeJob(ACCOUNT, jobId).Status).toBe('Suspended');
  });

  it('fails a job whose report bucket does not exist while Preparing, before any task runs', async () => {
    const s3 = new FakeS3();
    const engine = start(s3);
    const statuses: string[] = [];
    engine.onChange((c) => statuses.push(c.status));
    const { jobId } = engine.createJob(
      ACCOUNT,
      REGION,
      tagJob(s3, objects(s3, 5), {
        Report: {
          Enabled: true,
          Bucket: 'arn:aws:s3:::no-such-bucket',
          Format: 'Report_CSV_20180820',
          ReportScope: 'AllTasks',
        },
      }),
    );
    const job = await ended(engine, jobId);
    expect(job.Status).toBe('Failed');
    expect(job.FailureReasons).toEqual([
      { FailureCode: 'NoSuchBucket', FailureReason: 'The report bucket no-such-bucket does not exist' },
    ]);
    expect(statuses).not.toContain('Active');
    expect(s3.count('PutObjectTaggingCommand')).toBe(0);
  });
});

/** A job store whose writes fail while `broken()` says so, as on a full disk. */
function failingStore(broken: { results: boolean; saves: boolean }) {
  return (file: string) => {
    const store = new JobStore(file);
    const full = () => new Error('SQLITE_FULL: database or disk is full');
    const recordResults = store.recordResults.bind(store);
    const save = store.save.bind(store);
    store.recordResults = (job, results) => {
      if (broken.results) throw full();
      recordResults(job, results);
    };
    store.save = (job) => {
      if (broken.saves) throw full();
      save(job);
    };
    return store;
  };
}

describe('Engine: write errors', () => {
  it('fails the job with a reason when task results cannot be written, and keeps serving', async () => {
    const s3 = new FakeS3();
    const broken = { results: true, saves: false };
    const engine = start(s3, { openStore: failingStore(broken) });
    const { jobId } = engine.createJob(ACCOUNT, REGION, tagJob(s3, objects(s3, 20)));
    const job = await ended(engine, jobId);
    expect(job.Status).toBe('Failed');
    expect(job.FailureReasons).toEqual([
      {
        FailureCode: 'InternalError',
        FailureReason: "The job's state could not be written: SQLITE_FULL: database or disk is full",
      },
    ]);
    broken.results = false;
    const next = engine.createJob(ACCOUNT, REGION, tagJob(s3, objects(s3, 3)));
    expect((await ended(engine, next.jobId)).Status).toBe('Complete');
  });

  it('keeps a job Failed after restarts when even its failure could not be saved (disk full)', async () => {
    const s3 = new FakeS3();
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-'));
    const broken = { results: false, saves: false };
    const first = start(s3, { dataDir, openStore: failingStore(broken) });
    const { jobId } = first.createJob(ACCOUNT, REGION, tagJob(s3, objects(s3, 10)));
    broken.saves = true;
    const job = await ended(first, jobId);
    expect(job.Status).toBe('Failed');
    const reasons = job.FailureReasons;
    expect(reasons?.[0]?.FailureCode).toBe('InternalError');
    await first.close();
    engines.splice(engines.indexOf(first), 1);
    const tagged = s3.count('PutObjectTaggingCommand');

    // Restarted while the disk is still full: Failed (in memory), not resumed.
    const second = start(s3, { dataDir, openStore: failingStore({ results: true, saves: true }) });
    expect(second.describeJob(ACCOUNT, jobId)).toMatchObject({ Status: 'Failed', FailureReasons: reasons });
    await second.close();
    engines.splice(engines.indexOf(second), 1);

    // The disk has room again: still Failed, now saved, and none of its tasks ran again.
    const third = start(s3, { dataDir });
    expect(third.describeJob(ACCOUNT, jobId)).toMatchObject({ Status: 'Failed', FailureReasons: reasons });
    await third.close();
    engines.splice(engines.indexOf(third), 1);
    const store = new JobStore(join(dataDir, 'jobs.sqlite'));
    expect(store.get(jobId)?.status).toBe('Failed');
    store.close();
    const fourth = start(s3, { dataDir });
    await new Promise((r) => setTimeout(r, 100));
    expect(fourth.describeJob(ACCOUNT, jobId).Status).toBe('Failed');
    expect(s3.count('PutObjectTaggingCommand')).toBe(tagged);
  });

  it('fails a resumed job whose manifest copy is gone, and still resumes the others', async () => {
    const s3 = new FakeS3();
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-'));
    const first = start(s3, { dataDir });
    const a = first.createJob(ACCOUNT, REGION, tagJob(s3, objects(s3, 4), { ConfirmationRequired: true }));
    const b = first.createJob(ACCOUNT, REGION, tagJob(s3, objects(s3, 4), { ConfirmationRequired: true }));
    await vi.waitFor(() => {
      expect(first.describeJob(ACCOUNT, a.jobId).Status).toBe('Suspended');
      expect(first.describeJob(ACCOUNT, b.jobId).Status).toBe('Suspended');
    });
    await first.close();
    engines.splice(engines.indexOf(first), 1);
    // Mark both Ready in the store as a crash right after confirming would leave them, and lose a's copy.
    const store = new JobStore(join(dataDir, 'jobs.sqlite'));
    for (const id of [a.jobId, b.jobId]) {
      const j = store.get(id);
      if (j) store.save({ ...j, status: 'Ready' });
    }
    store.close();
    const { rmSync } = await import('node:fs');
    rmSync(join(dataDir, 'jobs', a.jobId), { recursive: true });

    const second = start(s3, { dataDir });
    const lost = await ended(second, a.jobId);
    expect(lost.Status).toBe('Failed');
    expect(lost.FailureReasons?.[0]?.FailureReason).toMatch(/ENOENT/);
    expect((await ended(second, b.jobId)).Status).toBe('Complete');
  });
});
