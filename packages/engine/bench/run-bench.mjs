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
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { recordFigure } from '../../local-aws/bench/figures.mjs';
import { limitBenchTime } from '../../local-aws/bench/time-limit.mjs';
import {
  checkTags,
  credentials,
  fmt,
  keyOf,
  loadAverage,
  printTable,
  s3For,
  startBenchAws,
  taggingJob,
} from './bench-support.mjs';

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
const BUCKET = 'engine-bench';

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

/** N objects through PutObject, 64 in flight; seconds taken. */
async function seed(s3) {
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  return timed(N, 64, (i) =>
    s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: keyOf(i), Body: `object ${i}\n` })),
  );
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

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-bench-'));
  const rows = [];
  // Process CPU time per phase too: on a shared machine wall time also counts other processes' load.
  let cpuMark = process.cpuUsage();
  const add = (what, concurrency, seconds, cpuSeconds) => {
    const { user, system } = process.cpuUsage(cpuMark);
    rows.push({ what, concurrency, seconds, rate: N / seconds, cpu: cpuSeconds ?? (user + system) / 1e6 });
  };
  const markCpu = () => {
    cpuMark = process.cpuUsage();
  };
  console.log(`engine bench: ${fmt(N)} objects, load average before ${loadAverage()}`);
  let port = 0;
  let loopUser;
  try {
    for (const [round, concurrency] of CONCURRENCIES.entries()) {
      // One local-aws per engine concurrency, on the same data and port: the endpoint stays the same.
      const aws = await startBenchAws({ port, dataDir, engine: { concurrency } });
      port = aws.port;
      const s3 = aws.s3;
      loopUser ??= await createLoopUser(aws.url);
      const s3User = s3For(aws.url, loopUser);
      try {
        if (round === 0) {
          markCpu();
          add('seed: PutObject, hand-written (root)', 64, await seed(s3));
        }
        // The loop runs once in the first and once in the last round, around the engine jobs, so
        // neither side always gets the warmer (or the colder) store.
        const loop = async (label) => {
          markCpu();
          const seconds = await profiled(label, () => handLoop(s3User, label));
          add('tagging: hand-written PutObjectTagging loop (IAM user)', LOOP_CONCURRENCY, seconds);
          await checkTags(s3, BUCKET, N, label);
        };
        if (round === 0) await loop('hand-written-1');
        const engineValue = `engine-${concurrency}`;
        const timedJob = await profiled(engineValue, () =>
          taggingJob(aws, { bucket: BUCKET, n: N, value: engineValue }),
        );
        add('tagging job: engine (CreateJob → Complete)', concurrency, timedJob.seconds, timedJob.cpuSeconds);
        if (round === CONCURRENCIES.length - 1 && round > 0) await loop('hand-written-2');
      } finally {
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
  printTable(header, table);
  for (const r of rows.filter((x) => x.what.startsWith('tagging job'))) {
    recordFigure({
      bench: 'engine',
      figure: `tagging job ÷ hand-written loop, c=${r.concurrency}, ${fmt(N)} objects`,
      value: r.rate / loopRate,
      unit: '×',
      goal: { atLeast: GOAL_RATIO },
    });
  }
  console.log(
    `ratios against the mean of the hand-written runs; goal: engine / hand-written ≥ ${GOAL_RATIO.toFixed(1)} (job as its role, loop as an IAM user with the same rights); load average after ${loadAverage()}`,
  );
  console.log(
    `peak RSS of this process (local-aws, engine, the seeding and the hand-written loop's clients): ${fmt(process.resourceUsage().maxRSS / 1024)} MiB for ${fmt(N)} objects (the ≤ 400 MB goal is local-aws's own, measured by scale-bench.mjs)`,
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
