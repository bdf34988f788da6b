import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateJobCommand } from '@aws-sdk/client-s3-control';
import type { JobEvent } from '@batchops/contracts';
import { type LocalAwsHandle, startLocalAws, TEST_ROLE, TEST_ROLE_ARN } from '@batchops/local-aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsClients, createAwsClients } from '../src/aws/aws-clients.js';
import { FailureIndex } from '../src/dashboard/failure-index.js';
import { JobCache } from '../src/jobs/job-cache.js';
import type { JobsServiceDeps } from '../src/jobs/jobs-service-deps.js';
import { JobEventsHub } from '../src/jobs/live/job-pollers.js';
import { ProgressHistory } from '../src/jobs/live/progress-history.js';
import { ReportCache } from '../src/jobs/report/report-cache.js';

// The live pollers are shared: one DescribeJob poller per job whatever the number of listeners,
// stopped when the last listener leaves.
let dir: string;
let aws: LocalAwsHandle;
let describeCalls = 0;
let listCalls = 0;
let clients: AwsClients;
let jobId: string;
let hub: JobEventsHub;
const logged: string[] = [];

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const serviceDeps = (now: () => number): JobsServiceDeps => ({
  accountId: '000000000000',
  region: 'us-east-1',
  endpoint: aws.url,
  clientsFor: () => clients,
  cache: new JobCache('000000000000', now),
  reports: new ReportCache(),
  history: new ProgressHistory(),
  failures: new FailureIndex(),
  now,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-pollers-'));
  aws = await startLocalAws({ port: 0, dataDir: dir, roles: [TEST_ROLE] });
  clients = createAwsClients({
    region: 'us-east-1',
    endpoint: aws.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  clients.s3control.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'DescribeJobCommand') describeCalls++;
      if (context.commandName === 'ListJobsCommand') listCalls++;
      return next(args);
    },
    { step: 'initialize', name: 'countDescribeJob' },
  );
  await clients.s3.send(new CreateBucketCommand({ Bucket: 'pollers' }));
  const put = await clients.s3.send(
    new PutObjectCommand({ Bucket: 'pollers', Key: 'm.csv', Body: 'pollers,a\n' }),
  );
  const out = await clients.s3control.send(
    new CreateJobCommand({
      AccountId: '000000000000',
      ConfirmationRequired: true,
      Operation: { S3DeleteObjectTagging: {} },
      Manifest: {
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: { ObjectArn: 'arn:aws:s3:::pollers/m.csv', ETag: (put.ETag ?? '').replaceAll('"', '') },
      },
      Report: { Enabled: false },
      Priority: 1,
      RoleArn: TEST_ROLE_ARN,
    }),
  );
  jobId = out.JobId as string;
  hub = new JobEventsHub(serviceDeps(Date.now), { busyMs: 40, idleMs: 40 }, (line) => logged.push(line));
});

afterAll(async () => {
  hub.close();
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('JobEventsHub', () => {
  it('shares one poller between listeners of a job and stops it with the last one', async () => {
    const a: JobEvent[] = [];
    const b: JobEvent[] = [];
    const offA = hub.subscribeJob(jobId, undefined, (e) => a.push(e));
    const offB = hub.subscribeJob(jobId, undefined, (e) => b.push(e));
    expect(hub.size).toBe(1);
    await wait(600);
    // Both listeners got the job's snapshot from the same poller.
    expect(a.some((e) => e.type === 'job')).toBe(true);
    expect(b.some((e) => e.type === 'job')).toBe(true);
    const calls = describeCalls;
    // One poller at 40 ms for 600 ms: far fewer calls than two pollers would make.
    expect(calls).toBeGreaterThan(2);
    expect(calls).toBeLessThan(25);
    offA();
    expect(hub.size).toBe(1);
    offB();
    expect(hub.size).toBe(0);
    await wait(50);
    const afterStop = describeCalls;
    await wait(400);
    expect(describeCalls).toBe(afterStop);
  });

  it('keeps polling and never rejects when a listener throws', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const good: JobEvent[] = [];
      const offBad = hub.subscribeJob(jobId, undefined, () => {
        throw new Error('a broken stream');
      });
      const offGood = hub.subscribeJob(jobId, undefined, (e) => good.push(e));
      await wait(200);
      const calls = describeCalls;
      await wait(300);
      // The poller goes on after the throwing listener, and the other listener is served.
      expect(describeCalls).toBeGreaterThan(calls);
      expect(good.some((e) => e.type === 'job' || e.type === 'error')).toBe(true);
      offBad();
      offGood();
      await wait(50);
      expect(unhandled).toEqual([]);
      expect(logged.some((l) => l.includes('a broken stream'))).toBe(true);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('stamps events with the injected clock', async () => {
    const at = Date.parse('2030-01-01T00:00:00Z');
    const clocked = new JobEventsHub(
      serviceDeps(() => at),
      { busyMs: 40, idleMs: 40 },
      () => {},
    );
    const events: JobEvent[] = [];
    const off = clocked.subscribeJob(jobId, undefined, (e) => events.push(e));
    const offList = clocked.subscribeList(undefined, (e) => events.push(e));
    await wait(300);
    off();
    offList();
    clocked.close();
    const stamps = events.map((e) => (e.type === 'job' ? e.job.at : e.type === 'jobs' ? e.at : 'error'));
    expect(stamps.length).toBeGreaterThan(1);
    expect(new Set(stamps)).toEqual(new Set(['2030-01-01T00:00:00.000Z']));
  });

  it('keeps the reads as progress samples after the last listener leaves (the chart after a reload)', async () => {
    const off = hub.subscribeJob(jobId, undefined, () => {});
    await wait(300);
    off();
    await wait(100);
    const samples = hub.history.samples(hub.regionOf(undefined), jobId);
    // Earlier tests' reads are there too; a steady job is sampled every 5 s, not on every 40 ms poll.
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.length).toBeLessThan(4);
    expect(samples.at(-1)).toMatchObject({ status: 'Suspended', succeeded: 0, failed: 0, totalTasks: 1 });
  });
});

describe("the console's follower", () => {
  it("polls at its unattended intervals alone, at the pages' while a page listens to the list", async () => {
    const followed = new JobEventsHub(serviceDeps(Date.now), { busyMs: 40, idleMs: 40 }, () => {});
    const before = listCalls;
    followed.follow(undefined, { busyMs: 60_000, idleMs: 60_000 });
    await wait(400);
    // Alone: the first read, then nothing for a minute.
    expect(listCalls - before).toBe(1);
    const page = followed.subscribeList(undefined, () => {});
    await wait(400);
    const withPage = listCalls - before;
    expect(withPage).toBeGreaterThan(3);
    page();
    await wait(150);
    const left = listCalls;
    await wait(400);
    expect(listCalls).toBe(left);
    followed.close();
  });
});

describe('JobCache', () => {
  it('ages its ListJobs snapshot by the injected clock', async () => {
    let t = 1_000_000;
    const cache = new JobCache('000000000000', () => t, 5000, 60_000);
    const before = listCalls;
    await cache.list(clients.s3control, 'us-east-1');
    t += 4000;
    await cache.list(clients.s3control, 'us-east-1');
    expect(listCalls - before).toBe(1);
    // Past the stale limit the list waits for a new read.
    t += 61_000;
    await cache.list(clients.s3control, 'us-east-1');
    expect(listCalls - before).toBe(2);
  });
});
