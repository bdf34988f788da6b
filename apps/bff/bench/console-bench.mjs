// Console bench: (1) the job list filtered by tag over 10,000 jobs, (2) the delay from an engine
// progress change to the SSE event reaching a client. Needs `pnpm --filter @batchops/bff build`.
// BENCH_JOBS overrides the job count. Creates the role its jobs run as; fails loudly, within a time limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  ListJobsCommand,
  S3ControlClient,
  UpdateJobStatusCommand,
} from '@aws-sdk/client-s3-control';
import { startLocalAws, TEST_ROLE, TEST_ROLE_ARN } from '@batchops/local-aws';
import { recordFigure } from '../../../packages/local-aws/bench/figures.mjs';
import { failBench, limitBenchTime } from '../../../packages/local-aws/bench/time-limit.mjs';
import { loadConfig } from '../dist/config.js';
import { startConsole } from '../dist/server.js';

limitBenchTime('console bench', { quickSeconds: 600, fullSeconds: 1800 });

const QUICK = process.env.BENCH_QUICK === '1';
const JOBS = Number(process.env.BENCH_JOBS ?? (QUICK ? 1000 : 10_000));
const LIST_REQUESTS = 50;
const SSE_JOBS = QUICK ? 3 : 10;
const SSE_OBJECTS = QUICK ? 500 : 3000;
const ACCOUNT = '000000000000';
// The jobs run as this role (decision 0022): local-aws creates it at start.
const ROLE = TEST_ROLE_ARN;
const creds = { accessKeyId: 'test', secretAccessKey: 'test' };

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};
const ms = (x) => `${x.toFixed(1)} ms`;
async function pool(n, items, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'console-bench-'));
// Few engine workers, so a job's progress moves in many steps.
const localAws = await startLocalAws({
  port: 0,
  dataDir: join(dir, 'aws'),
  roles: [TEST_ROLE],
  engine: { concurrency: 2 },
});
process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
const app = await startConsole(
  loadConfig({
    BATCHOPS_MODE: 'aws',
    BATCHOPS_PORT: '0',
    AWS_REGION: 'us-east-1',
    BATCHOPS_ACCOUNT_ID: ACCOUNT,
    BATCHOPS_ENDPOINT: localAws.url,
    BATCHOPS_WEB_DIR: dir,
  }),
  () => {},
);
const base = `http://127.0.0.1:${app.port}`;
const s3 = new S3Client({
  region: 'us-east-1',
  endpoint: localAws.url,
  forcePathStyle: true,
  credentials: creds,
});
const s3control = new S3ControlClient({
  region: 'us-east-1',
  credentials: creds,
  endpointProvider: () => ({ url: new URL(localAws.url) }),
  requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) },
});

await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));
await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'obj-0', Body: 'x' }));
const one = await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'one.csv', Body: 'bench,obj-0\n' }));
const manifest = (key, etag) => ({
  Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
  Location: { ObjectArn: `arn:aws:s3:::bench/${key}`, ETag: etag.replaceAll('"', '') },
});

// (1) the list filtered by tag over JOBS jobs
// Phases on stderr: a bench stopped by its time limit shows where it was.
const phase = (what) => console.error(`console bench: ${what} (${new Date().toISOString()})`);
phase(`creating ${JOBS} jobs`);
let t0 = performance.now();
await pool(
  64,
  Array.from({ length: JOBS }, (_, i) => i),
  (i) =>
    s3control.send(
      new CreateJobCommand({
        AccountId: ACCOUNT,
        ConfirmationRequired: true,
        Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'k', Value: 'v' }] } },
        Report: { Enabled: false },
        Manifest: manifest('one.csv', one.ETag),
        Priority: i % 100,
        RoleArn: ROLE,
        Description: `bench job ${i}`,
        Tags: [
          { Key: 'group', Value: `g${i % 100}` },
          ...(i % 10 === 0 ? [{ Key: 'team', Value: 'blue' }] : []),
        ],
      }),
    ),
);
const seedMs = performance.now() - t0;
// Every job prepared (Suspended) before measuring: the list then reads a settled store.
t0 = performance.now();
for (;;) {
  let n = 0;
  let NextToken;
  do {
    const page = await s3control.send(
      new ListJobsCommand({
        AccountId: ACCOUNT,
        JobStatuses: ['New', 'Preparing'],
        MaxResults: 1000,
        NextToken,
      }),
    );
    n += page.Jobs?.length ?? 0;
    NextToken = page.NextToken;
  } while (NextToken);
  if (n === 0) break;
  await new Promise((r) => setTimeout(r, 200));
}
const settleMs = performance.now() - t0;
const failed = await s3control.send(
  new ListJobsCommand({ AccountId: ACCOUNT, JobStatuses: ['Failed'], MaxResults: 1 }),
);
if (failed.Jobs?.length) failBench('console bench', `seeded jobs failed: ${JSON.stringify(failed.Jobs[0])}`);
const listUrl = `${base}/api/jobs?tagKey=group&tagValue=g7&pageSize=50`;
t0 = performance.now();
let warm = await (await fetch(listUrl)).json();
const warmMs = performance.now() - t0;
// The console lists from a ListJobs snapshot up to 5 s old (job-cache.ts): one read while the last
// jobs were still being created can lack them until the next. Wait for it, bounded, before timing.
const expected = Math.ceil(JOBS / 100);
const complete = performance.now();
while (warm.total !== expected) {
  if (performance.now() - complete > 30_000)
    failBench(
      'console bench',
      `the console lists ${warm.total} jobs of group g7 after 30 s, not ${expected}`,
    );
  await new Promise((r) => setTimeout(r, 500));
  warm = await (await fetch(listUrl)).json();
}
const completeMs = performance.now() - complete;
const times = [];
for (let i = 0; i < LIST_REQUESTS; i++) {
  const url = i % 2 ? listUrl : `${base}/api/jobs?tagKey=team&sortBy=priority&page=2&pageSize=50`;
  const t = performance.now();
  const res = await fetch(url);
  await res.json();
  times.push(performance.now() - t);
  await new Promise((r) => setTimeout(r, 50));
}

// (2) engine progress change → SSE event at the client
phase(`${SSE_JOBS} jobs over ${SSE_OBJECTS} objects, watched over SSE`);
await pool(
  32,
  Array.from({ length: SSE_OBJECTS }, (_, i) => i),
  (i) => s3.send(new PutObjectCommand({ Bucket: 'bench', Key: `o/${i}`, Body: 'y' })),
);
const big = await s3.send(
  new PutObjectCommand({
    Bucket: 'bench',
    Key: 'big.csv',
    Body: `${Array.from({ length: SSE_OBJECTS }, (_, i) => `bench,o/${i}`).join('\n')}\n`,
  }),
);
const changes = new Map(); // jobId → Map(state → first time)
const stateOf = (j) => `${j.status}|${j.succeeded}|${j.failed}`;
const off = localAws.engine().onChange((ch) => {
  const m = changes.get(ch.jobId) ?? new Map();
  changes.set(ch.jobId, m);
  const s = stateOf(ch);
  if (!m.has(s)) m.set(s, performance.now());
});
const delays = [];
let progressEvents = 0;
for (let j = 0; j < SSE_JOBS; j++) {
  const { JobId } = await s3control.send(
    new CreateJobCommand({
      AccountId: ACCOUNT,
      ConfirmationRequired: true,
      Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'run', Value: String(j) }] } },
      Report: { Enabled: false },
      Manifest: manifest('big.csv', big.ETag),
      Priority: 1000,
      RoleArn: ROLE,
    }),
  );
  for (;;) {
    const job = await (await fetch(`${base}/api/jobs/${JobId}`)).json();
    if (job.status === 'Suspended') break;
    if (job.status !== 'New' && job.status !== 'Preparing')
      failBench('console bench', `job ${JobId} is ${job.status}, not Suspended: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/jobs/${JobId}/events`, { signal: ctrl.signal });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let started = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const at = performance.now();
    buffer += decoder.decode(value, { stream: true });
    let finished = false;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.match(/^data: (.*)$/m)?.[1];
      if (!data) continue;
      const e = JSON.parse(data);
      if (e.type !== 'job') continue;
      if (!started) {
        started = true;
        await s3control.send(
          new UpdateJobStatusCommand({ AccountId: ACCOUNT, JobId, RequestedJobStatus: 'Ready' }),
        );
        continue;
      }
      const s = stateOf({ status: e.job.status, ...e.job.progress });
      const changedAt = changes.get(JobId)?.get(s);
      if (changedAt !== undefined) {
        delays.push(at - changedAt);
        if (e.job.progress.succeeded + e.job.progress.failed > 0) progressEvents++;
      }
      if (e.job.status === 'Complete' || e.job.status === 'Failed') finished = true;
    }
    if (finished) break;
  }
  ctrl.abort();
}
off();

const row = (what, p50, p95, goal, ok) =>
  `| ${what.padEnd(52)} | ${p50.padStart(10)} | ${p95.padStart(10)} | ${goal.padEnd(9)} | ${ok ? 'met' : 'MISSED'} |`;
const listP95 = pct(times, 95);
const eventP95 = pct(delays, 95);
console.log(
  `\nconsole bench — ${JOBS} jobs seeded in ${(seedMs / 1000).toFixed(1)} s (${Math.round(JOBS / (seedMs / 1000))} CreateJob/s, 64 in parallel)`,
);
console.log(`all prepared (Suspended) ${(settleMs / 1000).toFixed(1)} s later`);
console.log(`first filtered list (cold tag cache, ${JOBS} GetJobTagging): ${ms(warmMs)}`);
console.log(
  `every job of the group listed ${ms(completeMs)} after that (the list's snapshot is ≤ 5 s old)\n`,
);
console.log(
  `| ${'measure'.padEnd(52)} | ${'p50'.padStart(10)} | ${'p95'.padStart(10)} | goal      | result |`,
);
console.log(`|${'-'.repeat(54)}|${'-'.repeat(12)}|${'-'.repeat(12)}|-----------|--------|`);
console.log(
  row(
    `GET /api/jobs?tagKey… over ${JOBS} jobs (${times.length} req)`,
    ms(pct(times, 50)),
    ms(listP95),
    '< 100 ms',
    listP95 < 100,
  ),
);
console.log(
  row(
    `engine change → SSE event (${delays.length} events, ${SSE_JOBS} jobs)`,
    ms(pct(delays, 50)),
    ms(eventP95),
    '< 1000 ms',
    eventP95 < 1000,
  ),
);
recordFigure({
  bench: 'console',
  figure: `GET /api/jobs?tagKey… over ${JOBS} jobs, p95`,
  value: listP95,
  unit: 'ms',
  goal: { atMost: 100 },
});
recordFigure({
  bench: 'console',
  figure: 'engine change → SSE event, p95',
  value: eventP95,
  unit: 'ms',
  goal: { atMost: 1000 },
});
console.log(`\n(${progressEvents} of the events were progress changes; the rest status changes.)`);

s3.destroy();
s3control.destroy();
await app.close();
await localAws.close();
rmSync(dir, { recursive: true, force: true });
