#!/usr/bin/env node
// Engine throughput: a Batch Operations tagging job over N objects, against the same PutObjectTagging
// done by a hand-written @aws-sdk/client-s3 loop, both through one local-aws endpoint.
// Needs the built engine and local-aws (`tsc -p tsconfig.build.json` in both packages).
// BENCH_QUICK=1 uses 10,000 objects instead of 100,000; BENCH_OBJECTS=<n> sets the count;
// BENCH_CONCURRENCY=64,32 sets the engine concurrencies tried (one local-aws start each, same data).
// BENCH_CPU_PROF=<dir> writes a .cpuprofile of each timed tagging phase there (open it in Chrome DevTools).
// Then runs bench/manifest-bench.mjs when it exists, so `pnpm bench` prints both.
//
// local-aws runs in this process: the engine shares its process with the server it calls, so the
// hand-written loop does too, or the comparison would favour the loop (2 cores are common here).
// The loop signs as an IAM user with the job role's rights (s3:* on *), so both pay policy
// evaluation (the root's calls skip it); the bench creates the user, its policy and key itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CreateBucketCommand,
  GetObjectTaggingCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { limitBenchTime } from '../../local-aws/bench/time-limit.mjs';
import { runTimedJob } from '../../local-aws/bench/timed-job.mjs';

// The SDK's Node 20 deprecation notice would land in the middle of the table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// @batchops/local-aws depends on the engine, not the other way round, so it is not resolvable from
// here: import its build by path. BENCH_LOCAL_AWS_DIST=<dir> runs another build (a baseline copy
// under packages/local-aws/.bench/, see local-aws/bench/README.md) for before/after figures.
const { startLocalAws, TEST_ROLE, TEST_ROLE_ARN } = await import(
  process.env.BENCH_LOCAL_AWS_DIST
    ? pathToFileURL(join(process.env.BENCH_LOCAL_AWS_DIST, 'index.js')).href
    : new URL('../../local-aws/dist/index.js', import.meta.url).href
);

limitBenchTime('engine bench', { quickSeconds: 600, fullSeconds: 2400 });

// @aws-sdk/client-iam is a dependency of local-aws, not of the engine.
const { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } = createRequire(
  new URL('../../local-aws/package.json', import.meta.url),
)('@aws-sdk/client-iam');

const QUICK = process.env.BENCH_QUICK === '1';
const N = Number(process.env.BENCH_OBJECTS ?? (QUICK ? 10_000 : 100_000));
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '64,32').split(',').map(Number);
const LOOP_CONCURRENCY = 64;
const GOAL_RATIO = 1.0;
const ACCOUNT = '000000000000';
const BUCKET = 'engine-bench';
const MANIFEST_KEY = 'manifest.csv';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

const PROFILE_DIR = process.env.BENCH_CPU_PROF;

/** Run `fn`, profiling this process meanwhile when BENCH_CPU_PROF is set. */
async function profiled(name, fn) {
  if (!PROFILE_DIR) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

const keyOf = (i) => `objects/obj-${String(i).padStart(7, '0')}`;

function s3For(url, as = credentials) {
  return new S3Client({
    region: 'us-east-1',
    endpoint: url,
    forcePathStyle: true,
    credentials: as,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: LOOP_CONCURRENCY }) },
  });
}

function controlFor(url) {
  return new S3ControlClient({
    region: 'us-east-1',
    credentials,
    // The endpoint rules would put the account in front of 127.0.0.1 (wire-notes §1).
    endpointProvider: () => ({ url: new URL(`${url}/`) }),
  });
}

/** Run `op(i)` for i in [0, total) with `concurrency` in flight; seconds taken. */
async function timed(total, concurrency, op) {
  let next = 0;
  const worker = async () => {
    while (next < total) await op(next++);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return (performance.now() - t0) / 1000;
}

/** Every object carries exactly the tag `bench=<value>` (checked on a sample spread over the keys). */
async function checkTags(s3, value) {
  const step = Math.max(1, Math.floor(N / 200));
  for (let i = 0; i < N; i += step) {
    const out = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: keyOf(i) }));
    const tags = JSON.stringify(out.TagSet);
    if (tags !== JSON.stringify([{ Key: 'bench', Value: value }])) {
      throw new Error(`${keyOf(i)} has tags ${tags}, expected bench=${value}`);
    }
  }
}

async function seed(s3) {
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const seconds = await timed(N, 64, (i) =>
    s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: keyOf(i), Body: `object ${i}\n` })),
  );
  let csv = '';
  for (let i = 0; i < N; i++) csv += `${BUCKET},${encodeURIComponent(keyOf(i))}\n`;
  const out = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: MANIFEST_KEY, Body: csv }));
  return { seconds, etag: (out.ETag ?? '').replace(/"/g, '') };
}

/** An IAM user allowed what the job's role is (TEST_ROLE: s3:* on *): the hand-written loop signs as it. */
async function createLoopUser(url) {
  const iam = new IAMClient({ region: 'us-east-1', endpoint: url, credentials });
  try {
    await iam.send(new CreateUserCommand({ UserName: 'bench-loop' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'bench-loop',
        PolicyName: 's3-all',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
        }),
      }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'bench-loop' }));
    return { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
  } finally {
    iam.destroy();
  }
}

/** A tagging job over every object, timed from CreateJob to Complete. */
async function engineJob(aws, etag, value) {
  const control = controlFor(aws.url);
  const { jobId, status, seconds, job } = await runTimedJob(aws, control, {
    AccountId: ACCOUNT,
    ConfirmationRequired: false,
    Operation: { S3PutObjectTagging: { TagSet: [{ Key: 'bench', Value: value }] } },
    Manifest: {
      Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
      Location: { ObjectArn: `arn:aws:s3:::${BUCKET}/${MANIFEST_KEY}`, ETag: etag },
    },
    Report: { Enabled: false },
    Priority: 10,
    RoleArn: TEST_ROLE_ARN,
    ClientRequestToken: `bench-${value}`,
  });
  control.destroy();
  const p = job?.ProgressSummary;
  if (status !== 'Complete' || p?.NumberOfTasksSucceeded !== N || p?.NumberOfTasksFailed !== 0) {
    throw new Error(
      `job ${jobId} ended ${status}: ${JSON.stringify(p)} ${JSON.stringify(job?.FailureReasons)}`,
    );
  }
  return seconds;
}

/** The same work written by hand: PutObjectTagging over every key, 64 in flight. */
async function handLoop(s3, value) {
  return timed(N, LOOP_CONCURRENCY, (i) =>
    s3.send(
      new PutObjectTaggingCommand({
        Bucket: BUCKET,
        Key: keyOf(i),
        Tagging: { TagSet: [{ Key: 'bench', Value: value }] },
      }),
    ),
  );
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-bench-'));
  const rows = [];
  // Process CPU time per phase too: on a shared machine wall time also counts other processes' load.
  let cpuMark = process.cpuUsage();
  const add = (what, concurrency, seconds) => {
    const { user, system } = process.cpuUsage(cpuMark);
    rows.push({ what, concurrency, seconds, rate: N / seconds, cpu: (user + system) / 1e6 });
  };
  const markCpu = () => {
    cpuMark = process.cpuUsage();
  };
  console.log(
    `engine bench: ${fmt(N)} objects, load average before ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  let port = 0;
  let etag;
  let loopUser;
  try {
    for (const [round, concurrency] of CONCURRENCIES.entries()) {
      // One local-aws per engine concurrency, on the same data and port: the endpoint stays the same.
      const aws = await startLocalAws({ port, dataDir, roles: [TEST_ROLE], engine: { concurrency } });
      port = aws.port;
      const s3 = s3For(aws.url);
      loopUser ??= await createLoopUser(aws.url);
      const s3User = s3For(aws.url, loopUser);
      try {
        if (round === 0) {
          markCpu();
          const seeded = await seed(s3);
          add('seed: PutObject, hand-written (root)', 64, seeded.seconds);
          etag = seeded.etag;
        }
        // The loop runs once in the first and once in the last round, around the engine jobs, so
        // neither side always gets the warmer (or the colder) store.
        const loop = async (label) => {
          markCpu();
          const seconds = await profiled(label, () => handLoop(s3User, label));
          add('tagging: hand-written PutObjectTagging loop (IAM user)', LOOP_CONCURRENCY, seconds);
          await checkTags(s3, label);
        };
        if (round === 0) await loop('hand-written-1');
        const engineValue = `engine-${concurrency}`;
        markCpu();
        const engineSeconds = await profiled(engineValue, () => engineJob(aws, etag, engineValue));
        add('tagging job: engine (CreateJob → Complete)', concurrency, engineSeconds);
        await checkTags(s3, engineValue);
        if (round === CONCURRENCIES.length - 1 && round > 0) await loop('hand-written-2');
      } finally {
        s3.destroy();
        s3User.destroy();
        await aws.close();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const loops = rows.filter((r) => r.what.startsWith('tagging: hand-written'));
  const loopRate = loops.reduce((sum, r) => sum + r.rate, 0) / loops.length;
  const loopPerCpu = loops.reduce((sum, r) => sum + N / r.cpu, 0) / loops.length;
  const header = [
    'what',
    'concurrency',
    'seconds',
    'tasks/s',
    'engine / hand-written',
    'CPU s',
    'tasks/CPU s',
    'ratio (CPU)',
  ];
  const table = rows.map((r) => {
    const job = r.what.startsWith('tagging job');
    return [
      r.what,
      String(r.concurrency),
      fmt(r.seconds, 2),
      fmt(r.rate),
      job ? `${fmt(r.rate / loopRate, 2)}${r.rate / loopRate >= GOAL_RATIO ? '' : ' (below goal)'}` : '',
      fmt(r.cpu, 2),
      fmt(N / r.cpu),
      job ? fmt(N / r.cpu / loopPerCpu, 2) : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of table) console.log(line(row));
  console.log(
    `ratios against the mean of the hand-written runs; goal: engine / hand-written ≥ ${GOAL_RATIO.toFixed(1)} (job as its role, loop as an IAM user with the same rights); load average after ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  // Issue 22 asks ≤ 400 MB for a 1,000,000-object job (BENCH_OBJECTS=1000000); here the client shares the process.
  console.log(
    `peak RSS of this process (local-aws, engine and the bench's clients): ${fmt(process.resourceUsage().maxRSS / 1024)} MiB for ${fmt(N)} objects; goal ≤ 400 MB at 1,000,000`,
  );
}

await main();

// The manifest reader bench lives in its own script (another part of the engine).
const manifestBench = fileURLToPath(new URL('./manifest-bench.mjs', import.meta.url));
if (existsSync(manifestBench)) {
  console.log('');
  const child = spawn(process.execPath, [manifestBench], { stdio: 'inherit', env: process.env });
  const code = await new Promise((ok) => child.on('exit', (c) => ok(c ?? 1)));
  process.exitCode = code;
}
