#!/usr/bin/env node
// Scale (issue 22 §1): the same tagging job over 20,000 and over 1,000,000 objects in one run, through
// one local-aws in this process: tasks/s of each, the large ÷ small rate, and the process's peak RSS.
// Needs the built engine and local-aws. BENCH_SCALE_OBJECTS=<small>,<large> (default 20000,1000000;
// BENCH_QUICK=1: 2000,20000); BENCH_CONCURRENCY=<n> engine concurrency (64); BENCH_SCALE_REPORT=1
// runs the large job once more with its completion report on (all tasks), which must stream too.
//
// The objects are seeded as rows copied from one real PUT (seed-objects.mjs): a million PUTs would
// take the bench's time. The manifest is a real PUT (streamed from a file), the jobs real CreateJob
// calls that run as TEST_ROLE until Complete. Both jobs run over the same bucket, so the store's
// size is the same for both: what differs is the job's own size.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { limitBenchTime } from '../../local-aws/bench/time-limit.mjs';
import { fmt, loadAverage, printTable, seedObjects, startBenchAws, taggingJob } from './bench-support.mjs';

limitBenchTime('engine scale bench', { quickSeconds: 600, fullSeconds: 5400 });

const QUICK = process.env.BENCH_QUICK === '1';
const [SMALL, LARGE] = (process.env.BENCH_SCALE_OBJECTS ?? (QUICK ? '2000,20000' : '20000,1000000'))
  .split(',')
  .map(Number);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const WITH_REPORT = process.env.BENCH_SCALE_REPORT === '1';
const GOAL_RATE_RATIO = 0.9;
const GOAL_RSS_MB = 400;
const BUCKET = 'engine-scale';
const MiB = 1024 * 1024;

/** Peak RSS between `reset()` and now, sampled every 50 ms, and RSS at quarters of a job's tasks. */
const rss = {
  peak: 0,
  reset() {
    this.peak = process.memoryUsage.rss();
  },
};
setInterval(() => {
  rss.peak = Math.max(rss.peak, process.memoryUsage.rss());
}, 50).unref();
// BENCH_SCALE_TRACE=<s>: every <s> seconds, the running job's tasks done and rate since the last line, the
// process's memory (heap, buffers, the rest native) and the store files' sizes: what grows with N shows here.
const trace = { done: 0, dataDir: '' };
if (process.env.BENCH_SCALE_TRACE) {
  const every = Number(process.env.BENCH_SCALE_TRACE);
  let last = 0;
  setInterval(() => {
    const m = process.memoryUsage();
    const mb = (b) => Math.round(b / MiB);
    const size = (f) => {
      try {
        return mb(statSync(join(trace.dataDir, f)).size);
      } catch {
        return 0;
      }
    };
    const spaces = getHeapSpaceStatistics()
      .filter((h) => h.space_size >= MiB)
      .map((h) => `${h.space_name.replace('_space', '')} ${mb(h.space_used_size)}/${mb(h.space_size)}`)
      .join(' ');
    console.log(
      `  ${new Date().toISOString().slice(11, 19)} done ${trace.done} (${Math.round((trace.done - last) / every)}/s) · rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} MiB · s3.sqlite ${size('s3.sqlite')}+wal ${size('s3.sqlite-wal')} jobs.sqlite ${size('engine/jobs.sqlite')}+wal ${size('engine/jobs.sqlite-wal')} MiB · heap spaces used/size MiB: ${spaces}`,
    );
    last = trace.done;
  }, every * 1000).unref();
}

/** RSS and heap at each quarter of the job's tasks (what grows with N shows here). */
function quarterSamples(aws, n) {
  const marks = [];
  let next = 1;
  const off = aws.engine().onChange((c) => {
    trace.done = c.succeeded + c.failed;
    while (next <= 4 && c.succeeded + c.failed >= (n * next) / 4) {
      const m = process.memoryUsage();
      marks.push(`${Math.round(m.rss / MiB)}/${Math.round(m.heapUsed / MiB)}`);
      next++;
    }
  });
  return { off, marks };
}

/** The report's results files, streamed: their line count (one per task). */
async function reportRows(s3, jobId) {
  const manifest = await s3.send(
    new GetObjectCommand({ Bucket: BUCKET, Key: `reports/job-${jobId}/manifest.json` }),
  );
  const { Results } = JSON.parse(await manifest.Body.transformToString());
  let lines = 0;
  for (const r of Results) {
    const out = await s3.send(new GetObjectCommand({ Bucket: r.Bucket, Key: r.Key }));
    for await (const c of out.Body) for (const b of c) if (b === 10) lines++;
  }
  return lines;
}

async function runJob(aws, n, what, report) {
  const value = `${what}-${n}`;
  rss.reset();
  const q = quarterSamples(aws, n);
  const { jobId, seconds, cpuSeconds } = await taggingJob(aws, {
    bucket: BUCKET,
    n,
    value,
    report: report
      ? {
          Enabled: true,
          Bucket: `arn:aws:s3:::${BUCKET}`,
          Prefix: 'reports',
          Format: 'Report_CSV_20180820',
          ReportScope: 'AllTasks',
        }
      : undefined,
  });
  q.off();
  const peak = rss.peak;
  if (report) {
    const lines = await reportRows(aws.s3, jobId);
    if (lines !== n) throw new Error(`the report of job ${jobId} has ${lines} rows for ${n} tasks`);
  }
  return { n, what, seconds, rate: n / seconds, perCpu: n / cpuSeconds, peak, quarters: q.marks.join(' · ') };
}

async function main() {
  console.log(
    `engine scale bench: ${fmt(SMALL)} and ${fmt(LARGE)} objects, concurrency ${CONCURRENCY}, load average before ${loadAverage()}`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-scale-'));
  trace.dataDir = dataDir;
  const rows = [];
  try {
    const seeded = await seedObjects(dataDir, BUCKET, LARGE);
    console.log(`seeded ${fmt(LARGE)} objects in ${fmt(seeded, 1)} s`);

    const aws = await startBenchAws({ port: 0, dataDir, engine: { concurrency: CONCURRENCY } });
    try {
      rows.push(await runJob(aws, SMALL, 'small', false));
      rows.push(await runJob(aws, LARGE, 'large', false));
      if (WITH_REPORT) rows.push(await runJob(aws, LARGE, 'report', true));
    } finally {
      await aws.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  printTable(
    [
      'tagging job (CreateJob → Complete)',
      'objects',
      'seconds',
      'tasks/s',
      'tasks/CPU s',
      'peak RSS MiB',
      'RSS/heap MiB at ¼ ½ ¾ 1',
    ],
    rows.map((r) => [
      r.what === 'report' ? 'report on (all tasks)' : 'report off',
      fmt(r.n),
      fmt(r.seconds, 1),
      fmt(r.rate),
      fmt(r.perCpu),
      fmt(r.peak / MiB),
      r.quarters,
    ]),
  );
  const [small, large] = rows;
  const ratio = large.rate / small.rate;
  const maxRss = process.resourceUsage().maxRSS / 1024;
  const maxRssMB = (maxRss * MiB) / 1e6;
  console.log(
    `${fmt(LARGE)} rate ÷ ${fmt(SMALL)} rate: ${fmt(ratio, 2)} (goal ≥ ${GOAL_RATE_RATIO})${ratio >= GOAL_RATE_RATIO ? '' : ' — below goal'}; per CPU second: ${fmt(large.perCpu / small.perCpu, 2)}`,
  );
  console.log(
    `peak RSS of this process (local-aws, engine, the bench's clients; whole run): ${fmt(maxRss)} MiB = ${fmt(maxRssMB)} MB (goal ≤ ${GOAL_RSS_MB} MB)${maxRssMB <= GOAL_RSS_MB ? '' : ' — above goal'}`,
  );
  console.log(`load average after ${loadAverage()}`);
}

await main();
