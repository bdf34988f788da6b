import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateJobCommand, DescribeJobCommand, type JobDescriptor } from '@aws-sdk/client-s3-control';
import { s3ClientFor, s3ControlClientFor } from '@batchops/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { S3MetaStore } from '../src/store/s3-meta-store.js';

// The crash matrix: local-aws is killed with -9 at ten points of one job (just after CreateJob,
// while Preparing; at 10 %, 20 % … 80 % of its tasks; near the end) and restarted each time. The
// job resumes to Complete, every object is processed, the report has exactly one row per task
// (none missing, none twice) and the counters match it. Tasks may run twice across a crash
// (at-least-once); the report may not. BATCHOPS_CRASH_TASKS sets the size (default 20,000).
const TASKS = Number(process.env.BATCHOPS_CRASH_TASKS ?? 20_000);
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-engine-crash-'));
const port = 15000 + Math.floor(Math.random() * 500);
const url = `http://127.0.0.1:${port}`;
const AccountId = '000000000000';
let child: ChildProcess | undefined;

async function start(): Promise<void> {
  child = spawn(
    process.execPath,
    [cli, '--port', String(port), '--data-dir', dataDir, '--concurrency', '32', '--test-role'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((ok, fail) => {
    child?.stdout?.on('data', (d: Buffer) => d.toString().includes('listening') && ok());
    child?.once('exit', (code) => fail(new Error(`local-aws exited with ${code}`)));
  });
}

const s3 = s3ClientFor(url);
const ctl = s3ControlClientFor(url);

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const keyOf = (i: number) => `objects/${String(i).padStart(7, '0')}.txt`;

async function describeJob(JobId: string): Promise<JobDescriptor> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await ctl.send(new DescribeJobCommand({ AccountId, JobId }))).Job ?? {};
    } catch (e) {
      if (attempt > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('engine durability across kill -9 (crash matrix)', () => {
  it(`resumes a job of ${TASKS.toLocaleString()} tasks killed at ten points to Complete with one report row per task`, async () => {
    // The objects are written straight into the store (a million PUTs would test PUT, not the engine).
    mkdirSync(dataDir, { recursive: true });
    const meta = new S3MetaStore(join(dataDir, 's3.sqlite'));
    meta.createBucket({ name: 'crash', region: 'us-east-1', objectLock: false, created: Date.now() });
    meta.createBucket({ name: 'crash-reports', region: 'us-east-1', objectLock: false, created: Date.now() });
    const insert = meta.db.prepare(
      `INSERT INTO objects (bucket, key, version_id, seq, is_latest, is_delete_marker, size, etag, last_modified, storage_class, blob, attrs)
       VALUES ('crash', ?, 'null', ?, 1, 0, 1, '9dd4e461268c8034f5c8564e155c67a6', ?, 'STANDARD', 'b64:eA==', '{}')`,
    );
    meta.transaction(() => {
      for (let i = 0; i < TASKS; i++) insert.run(keyOf(i), i + 1, Date.now());
    });
    meta.close();

    await start();
    const manifest = Array.from({ length: TASKS }, (_, i) => `crash,${keyOf(i)}`).join('\n');
    const put = await s3.send(new PutObjectCommand({ Bucket: 'crash', Key: 'manifest.csv', Body: manifest }));
    const { JobId } = await ctl.send(
      new CreateJobCommand({
        AccountId,
        ConfirmationRequired: false,
        Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'survived', Value: 'yes' }] } },
        Manifest: {
          Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
          Location: {
            ObjectArn: 'arn:aws:s3:::crash/manifest.csv',
            ETag: (put.ETag as string).replaceAll('"', ''),
          },
        },
        Report: {
          Enabled: true,
          Bucket: 'arn:aws:s3:::crash-reports',
          Format: 'Report_CSV_20180820',
          ReportScope: 'AllTasks',
        },
        Priority: 1,
        RoleArn: 'arn:aws:iam::000000000000:role/batchops-test',
      }),
    );
    const jobId = JobId as string;
    // Ten kills: the first before any task ran, then as the succeeded count passes each mark.
    const marks = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.95];
    const kills: string[] = [];
    for (const mark of marks) {
      let job: JobDescriptor = {};
      for (;;) {
        job = await describeJob(jobId);
        expect(job.Status).not.toBe('Failed');
        if ((job.ProgressSummary?.NumberOfTasksSucceeded ?? 0) >= TASKS * mark) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      child?.kill('SIGKILL');
      await new Promise((r) => child?.once('exit', r));
      kills.push(`${job.Status} ${job.ProgressSummary?.NumberOfTasksSucceeded ?? 0}`);
      await start();
    }
    console.log(`crash matrix, ${TASKS} tasks: killed at ${kills.join(' · ')}`);
    expect(kills).toHaveLength(10);
    // At least eight kills landed while tasks were still running.
    expect(kills.filter((k) => /^(New|Preparing|Active|Ready)/.test(k)).length).toBeGreaterThanOrEqual(8);

    let job: JobDescriptor;
    for (;;) {
      job = await describeJob(jobId);
      if (job.Status === 'Complete' || job.Status === 'Failed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(job.Status).toBe('Complete');
    expect(job.ProgressSummary).toMatchObject({
      TotalNumberOfTasks: TASKS,
      NumberOfTasksSucceeded: TASKS,
      NumberOfTasksFailed: 0,
    });

    const text = async (Key: string) =>
      (
        await s3.send(new GetObjectCommand({ Bucket: 'crash-reports', Key })).then((o) => o.Body)
      )?.transformToString() ?? '';
    const report = JSON.parse(await text(`job-${jobId}/manifest.json`)) as {
      Results: Array<{ Key: string }>;
    };
    const rows: string[] = [];
    for (const r of report.Results) rows.push(...(await text(r.Key)).split('\n').filter(Boolean));
    const distinct = new Set(rows.map((r) => r.split(',')[1])).size;
    console.log(
      `crash matrix report: ${rows.length} rows, ${distinct} distinct keys, ${TASKS - distinct} missing, ${rows.length - distinct} duplicate`,
    );
    expect(rows).toHaveLength(TASKS);
    expect(distinct).toBe(TASKS);
    expect(rows.every((r) => r.includes(',succeeded,200,'))).toBe(true);

    child?.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
    child = undefined;
    // Every object carries the tag (read from the store, all of them).
    const after = new S3MetaStore(join(dataDir, 's3.sqlite'));
    const tagged = after.db
      .prepare(
        `SELECT COUNT(*) AS n FROM objects WHERE bucket = 'crash' AND key LIKE 'objects/%' AND attrs LIKE '%"survived"%'`,
      )
      .get() as { n: number };
    after.close();
    expect(tagged.n).toBe(TASKS);
  }, 900_000);
});
