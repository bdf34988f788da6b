import { PutObjectCommand } from '@aws-sdk/client-s3';
import { JobDetails, type JobWizardInput, RestoreStatusResponse } from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

// Issue 19 §2: a restore job's page says how many objects are restoring, readable (until when) and
// expired, from HeadObject; local-aws restores Standard in 2 s, Bulk in 10 min, a day lasts 3 s.
const BUCKET = 'batchops-demo-source';
let c: ConsoleFixture;
let token = 0;

beforeAll(async () => {
  c = await startConsoleFixture(true, {
    BATCHOPS_RESTORE_DELAYS: 'Standard=2,Bulk=600',
    BATCHOPS_RESTORE_DAY_SECONDS: '3',
  });
}, 60_000);
afterAll(() => c.close());

async function coldManifest(name: string, count: number): Promise<string> {
  const keys = Array.from({ length: count }, (_, i) => `cold/${name}/object-${i}.bin`);
  for (const Key of keys)
    await c.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key, StorageClass: 'GLACIER' }));
  const Key = `manifests/${name}.csv`;
  await c.s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key, Body: keys.map((k) => `${BUCKET},${k}\n`).join('') }),
  );
  return Key;
}

async function restoreJob(key: string, glacierJobTier: 'STANDARD' | 'BULK'): Promise<string> {
  const job: JobWizardInput = {
    manifest: { format: 'csv', bucket: BUCKET, key },
    operation: { type: 'restore', expirationInDays: 1, glacierJobTier },
    priority: 10,
    report: { enabled: false },
    roleArn: 'arn:aws:iam::000000000000:role/batchops-test',
    tags: [],
    runOption: 'auto',
    clientRequestToken: `restore-${Date.now()}-${++token}`,
  };
  const { status, body } = await c.json('POST', '/api/jobs', job);
  expect(status, JSON.stringify(body)).toBe(201);
  const jobId = body.jobId as string;
  for (
    const deadline = Date.now() + 30_000;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 100))
  ) {
    const details = JobDetails.parse((await c.json('GET', `/api/jobs/${jobId}`)).body);
    if (details.status === 'Complete') return jobId;
  }
  throw new Error(`job ${jobId} did not complete`);
}

const statusOf = async (jobId: string) =>
  RestoreStatusResponse.parse((await c.json('GET', `/api/jobs/${jobId}/restore-status`)).body);

async function until(
  jobId: string,
  done: (s: RestoreStatusResponse) => boolean,
): Promise<RestoreStatusResponse> {
  for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 200))) {
    const s = await statusOf(jobId);
    if (done(s) || Date.now() > deadline) return s;
  }
}

describe('GET /api/jobs/:id/restore-status', () => {
  it('goes from restoring to available (until the expiry) to expired, with a ready estimate', async () => {
    const jobId = await restoreJob(await coldManifest('three', 3), 'STANDARD');
    const first = await statusOf(jobId);
    expect(first).toMatchObject({ total: 3, sampled: 3, tier: 'Standard', availableUntil: null });
    expect(first.counts).toMatchObject({ restoring: 3, available: 0, expired: 0 });
    expect(first.readyBasis).toBe("local-aws's Standard delay");
    const details = JobDetails.parse((await c.json('GET', `/api/jobs/${jobId}`)).body);
    const ended = Date.parse(details.terminationDate ?? '');
    expect(Math.abs(Date.parse(first.readyBy ?? '') - (ended + 2_000))).toBeLessThan(1_000);

    const available = await until(jobId, (s) => s.counts.available === 3);
    expect(available.counts).toMatchObject({ restoring: 0, available: 3 });
    expect(available.readyBy).toBeNull();
    // A day of 3 s after the restore completed.
    expect(Date.parse(available.availableUntil ?? '')).toBeGreaterThan(Date.now());

    const expired = await until(jobId, (s) => s.counts.expired === 3);
    expect(expired.counts).toMatchObject({ available: 0, expired: 3 });
  }, 60_000);

  it('checks a bounded sample of a big manifest and scales the counts to the job', async () => {
    const jobId = await restoreJob(await coldManifest('many', 150), 'BULK');
    const s = await statusOf(jobId);
    expect(s).toMatchObject({ total: 150, sampled: 100, tier: 'Bulk' });
    expect(s.counts.restoring).toBe(100);
    expect(s.estimated.restoring).toBe(150);
  }, 60_000);

  it('answers 409 for a job that does not restore', async () => {
    const { status, body } = await c.json('POST', '/api/jobs', {
      manifest: { format: 'csv', bucket: BUCKET, key: 'manifests/demo-manifest.csv' },
      operation: { type: 'deleteTagging' },
      priority: 1,
      report: { enabled: false },
      roleArn: 'arn:aws:iam::000000000000:role/batchops-test',
      tags: [],
      runOption: 'wait',
      clientRequestToken: `untag-${Date.now()}`,
    });
    expect(status, JSON.stringify(body)).toBe(201);
    const out = await c.json('GET', `/api/jobs/${body.jobId}/restore-status`);
    expect(out).toMatchObject({ status: 409, body: { code: 'NotARestoreJob' } });
  });
});
